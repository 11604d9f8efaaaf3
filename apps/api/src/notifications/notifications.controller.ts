import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsNull, Not, type FindOptionsWhere } from 'typeorm';
import { Notification } from '@app/persistence';
import { RowSecurity } from '../database/row-security.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { problems } from '../common/problem.js';
import { ListNotificationsQuery, NotificationDto, NotificationPageDto } from './notification.dto.js';

function toDto(n: Notification): NotificationDto {
  return {
    id: n.id,
    type: n.type,
    caseId: n.caseId,
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
  constructor(private readonly rowSecurity: RowSecurity) {}

  /** Newest first; urgent ones first among the unread. */
  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    const where: FindOptionsWhere<Notification> = { recipientId: principal.userId };
    if (query.unread === true) where.readAt = IsNull();
    if (query.unread === false) where.readAt = Not(IsNull());
    // Row-level security: a caller reads only their own notifications.
    const [rows, total] = await this.rowSecurity.transaction(principal, (em) =>
      em.getRepository(Notification).findAndCount({
        where,
        order: { urgent: 'DESC', createdAt: 'DESC', id: 'ASC' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
    );
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
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
}
