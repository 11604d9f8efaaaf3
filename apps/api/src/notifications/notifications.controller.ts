import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { Notification } from '@app/persistence';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CaseAccessPolicy } from '../case-core/case-access.policy.js';
import { problems } from '../common/problem.js';
import { RowSecurity } from '../database/row-security.js';
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
    const read = query.unread === true ? ' AND n."readAt" IS NULL' : query.unread === false ? ' AND n."readAt" IS NOT NULL' : '';
    return this.rowSecurity.transaction(principal, async (em) => {
      const [sql, values] = em.connection.driver.escapeQueryWithParameters(
        `SELECT n.*, count(*) OVER () AS "total", ch."childName"
           FROM notification n
           LEFT JOIN LATERAL (SELECT k."firstName" || ' ' || k."lastName" AS "childName" FROM bti_case c JOIN child k ON k.id = c."childId"
                               WHERE c.id = n."caseId" AND ${identified.sql}) ch ON true
          WHERE n."recipientId" = :me${read}
          ORDER BY n.urgent DESC, n."createdAt" DESC, n.id ASC LIMIT :limit OFFSET :offset`,
        { ...identified.params, me: principal.userId, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      const rows = (await em.query(sql, values)) as (Notification & { total: string; childName: string | null })[];
      const named = [...new Set(rows.filter((r) => r.childName !== null).map((r) => r.caseId!))];
      if (named.length) await this.audit.record(em, principal, 'notification.list', named);
      // A page past the end has no row to carry the total.
      const total = rows.length ? Number(rows[0].total) : await countOf(em, principal, query.unread);
      return { items: rows.map((r) => toDto(r, r.childName)), total, page: query.page, pageSize: query.pageSize };
    });
  }

  @Get('unread-count')
  @ApiOperation({ summary: "The caller's unread notifications (the header's badge)" })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountDto> {
    return { unread: await this.rowSecurity.transaction(principal, (em) => countOf(em, principal, true)) };
  }

  /** Marks one of the caller's notifications read (idempotent: the first readAt is kept). */
  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'Not the caller’s notification, or no such notification' })
  async markRead(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => problems.notFound() })) id: string): Promise<NotificationDto> {
    const row = await this.rowSecurity.transaction(principal, async (em) => {
      const repo = em.getRepository(Notification);
      await repo
        .createQueryBuilder()
        .update()
        .set({ readAt: () => 'now()' })
        .where('"id" = :id AND "recipientId" = :me AND "readAt" IS NULL', { id, me: principal.userId })
        .execute();
      return repo.findOneBy({ id, recipientId: principal.userId });
    });
    if (!row) throw problems.notFound('Fant ikke varselet.');
    return toDto(row);
  }

  /** «Marker alle som lest»: every unread notification of the caller, now. */
  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkAllReadDto })
  async markAllRead(@CurrentPrincipal() principal: Principal): Promise<MarkAllReadDto> {
    const result = await this.rowSecurity.transaction(principal, (em) =>
      em
        .getRepository(Notification)
        .createQueryBuilder()
        .update()
        .set({ readAt: () => 'now()' })
        .where('"recipientId" = :me AND "readAt" IS NULL', { me: principal.userId })
        .execute(),
    );
    return { marked: result.affected ?? 0 };
  }
}

function countOf(em: EntityManager, principal: Principal, unread: boolean | undefined): Promise<number> {
  const qb = em.getRepository(Notification).createQueryBuilder('n').where('n."recipientId" = :me', { me: principal.userId });
  if (unread === true) qb.andWhere('n."readAt" IS NULL');
  if (unread === false) qb.andWhere('n."readAt" IS NOT NULL');
  return qb.getCount();
}
