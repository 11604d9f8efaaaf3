import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RowSecurity } from '../database/row-security.js';
import { CurrentPrincipal, Requires, type Principal } from '../auth/principal.js';
import { FailedMailStore } from './failed-mail-store.js';
import { FailedMailPageDto, ListFailedMailQuery } from './notification-settings.dto.js';

/** E-mails that exhausted their retries, for the municipality's admins. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('mail-deliveries')
export class FailedMailController {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: FailedMailStore,
  ) {}

  @Get('failed')
  @ApiOperation({
    summary: 'E-mail notices and digests that could not be delivered (admin only)',
    description: 'Newest failure first, for recipients in the admin’s municipality. Each can be retried from the queue board (/admin/queues, queue `mail`, job id = id).',
  })
  @ApiOkResponse({ type: FailedMailPageDto })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @Requires('mail.failed.read')
  async failed(@CurrentPrincipal() principal: Principal, @Query() query: ListFailedMailQuery): Promise<FailedMailPageDto> {
    const { rows, total } = await this.rowSecurity.transaction(principal, (em) => this.store.page(em, principal.municipalityId, query.page, query.pageSize));
    return {
      items: rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        notificationId: r.notificationId ?? null,
        recipientId: r.recipientId,
        status: r.status,
        attempts: r.attempts,
        lastError: r.lastError ?? null,
        failedAt: r.failedAt ? r.failedAt.toISOString() : null,
        createdAt: r.createdAt.toISOString(),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
