import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import type { EmailMode } from '@app/persistence';
import { RowSecurity } from '../database/row-security.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { NotificationSettingsDto, UpdateNotificationSettingsDto } from './notification-settings.dto.js';

/** The caller's own e-mail notice settings (DESIGN section 10). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly rowSecurity: RowSecurity) {}

  @Get()
  @ApiOperation({ summary: 'How the caller gets e-mail notices' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationSettingsDto> {
    return this.rowSecurity.transaction(principal, (em) => this.read(em, principal.userId));
  }

  @Put()
  @ApiOperation({ summary: 'Chooses immediate e-mails or a daily digest; applies to notices written from now on' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  async put(@CurrentPrincipal() principal: Principal, @Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    // Row-level security: a caller reads and writes only their own setting.
    return this.rowSecurity.transaction(principal, async (em) => {
      await em.query(
        `INSERT INTO notification_setting ("userId", "emailMode") VALUES ($1, $2)
         ON CONFLICT ("userId") DO UPDATE SET "emailMode" = EXCLUDED."emailMode", "updatedAt" = now()`,
        [principal.userId, body.emailMode],
      );
      return this.read(em, principal.userId);
    });
  }

  private async read(em: EntityManager, userId: string): Promise<NotificationSettingsDto> {
    const [row]: { emailMode: EmailMode | null; email: string | null }[] = await em.query(
      `SELECT s."emailMode", u.email FROM app_user u LEFT JOIN notification_setting s ON s."userId" = u.id WHERE u.id = $1`,
      [userId],
    );
    return { emailMode: row?.emailMode ?? 'immediate', email: row?.email ?? null };
  }
}
