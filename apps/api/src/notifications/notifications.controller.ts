import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Notification } from '@app/persistence';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CaseAccessPolicy } from '../case-core/case-access.policy.js';
import { problems } from '../common/problem.js';
import { RowSecurity } from '../database/row-security.js';
import { NotificationStore } from './notification-store.js';
import { ListNotificationsQuery, MarkAllReadDto, NotificationDto, NotificationPageDto, UnreadCountDto } from './notification.dto.js';

function toDto(n: Notification, childName: string | null = null): NotificationDto {
  return {
    id: n.id,
    type: n.type,
    caseId: n.caseId,
    caseReference: n.caseReference,
    childName,
    dueAt: n.dueAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    message: n.message,
    urgent: n.urgent,
  };
}

/** The caller's own notifications (varsler); nobody sees anyone else's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly policy: CaseAccessPolicy,
    private readonly audit: AuditTrail,
    private readonly store: NotificationStore,
  ) {}

  /**
   * Newest first; urgent ones first among the unread. Beside a notice about a case, the child's
   * name while the reader can open that case identified (read as the caller, so row-level security
   * applies too); each name shown is an audited read (`notification.list`).
   */
  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    const identified = this.policy.visibleCondition(principal, new Date(), 'c', 'full');
    return this.rowSecurity.transaction(principal, async (em) => {
      const rows = await this.store.page(em, principal.userId, identified, query);
      const named = [...new Set(rows.filter((r) => r.childName !== null).map((r) => r.caseId!))];
      if (named.length) await this.audit.record(em, principal, 'notification.list', named);
      // A page past the end has no row to carry the total.
      const total = rows.length ? Number(rows[0].total) : await this.store.count(em, principal.userId, query.unread);
      return { items: rows.map((r) => toDto(r, r.childName)), total, page: query.page, pageSize: query.pageSize };
    });
  }

  @Get('unread-count')
  @ApiOperation({ summary: "The caller's unread notifications (the header's badge)" })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountDto> {
    return { unread: await this.rowSecurity.transaction(principal, (em) => this.store.count(em, principal.userId, true)) };
  }

  /** Marks one of the caller's notifications read (idempotent: the first readAt is kept). */
  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'Not the caller’s notification, or no such notification' })
  async markRead(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => problems.notFound() })) id: string): Promise<NotificationDto> {
    const row = await this.rowSecurity.transaction(principal, (em) => this.store.markRead(em, principal.userId, id));
    if (!row) throw problems.notFound('Fant ikke varselet.');
    return toDto(row);
  }

  /** «Marker alle som lest»: every unread notification of the caller, now. */
  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkAllReadDto })
  async markAllRead(@CurrentPrincipal() principal: Principal): Promise<MarkAllReadDto> {
    return { marked: await this.rowSecurity.transaction(principal, (em) => this.store.markAllRead(em, principal.userId)) };
  }
}
