import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RowSecurity } from '../database/row-security.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { NotificationSettingStore } from './notification-setting-store.js';
import { NotificationSettingsDto, UpdateNotificationSettingsDto } from './notification-settings.dto.js';

/** The caller's own e-mail notice settings (DESIGN section 10). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: NotificationSettingStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'How the caller gets e-mail notices' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationSettingsDto> {
    return this.rowSecurity.transaction(principal, (em) => this.store.read(em, principal.userId));
  }

  @Put()
  @ApiOperation({ summary: 'Chooses immediate e-mails or a daily digest; applies to notices written from now on' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  async put(@CurrentPrincipal() principal: Principal, @Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    // Row-level security: a caller reads and writes only their own setting.
    return this.rowSecurity.transaction(principal, async (em) => {
      await this.store.save(em, principal.userId, body.emailMode);
      return this.store.read(em, principal.userId);
    });
  }
}
