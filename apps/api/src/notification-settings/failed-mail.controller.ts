import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RowSecurity } from '../database/row-security.js';
import { CurrentPrincipal, Requires, type Principal } from '../auth/principal.js';
import { FailedMailPageDto, ListFailedMailQuery } from './notification-settings.dto.js';

/** E-mails that exhausted their retries, for the municipality's admins. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('mail-deliveries')
export class FailedMailController {
  constructor(private readonly rowSecurity: RowSecurity) {}

  @Get('failed')
  @ApiOperation({
    summary: 'E-mail notices and digests that could not be delivered (admin only)',
    description: 'Newest failure first, for recipients in the admin’s municipality. Each can be retried from the queue board (/admin/queues, queue `mail`, job id = id).',
  })
  @ApiOkResponse({ type: FailedMailPageDto })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @Requires('mail.failed.read')
  async failed(@CurrentPrincipal() principal: Principal, @Query() query: ListFailedMailQuery): Promise<FailedMailPageDto> {
    const failed = `
      SELECT 'notice' AS kind, d.id, d."notificationId", d."recipientId", d.status, d.attempts, d."lastError", d."failedAt", d."createdAt"
        FROM notification_delivery d JOIN app_user u ON u.id = d."recipientId"
       WHERE d.status = 'failed' AND u."municipalityId" = $1
      UNION ALL
      SELECT 'digest', g.id, NULL, g."recipientId", g.status, g.attempts, g."lastError", g."failedAt", g."createdAt"
        FROM mail_digest g JOIN app_user u ON u.id = g."recipientId"
       WHERE g.status = 'failed' AND u."municipalityId" = $1`;
    // The page and the total in one statement; a page past the end counts separately.
    // As the admin: row-level security shows deliveries to users of their own municipality only.
    const { rows, total } = await this.rowSecurity.transaction(principal, async (em) => {
      const rows: (Record<string, unknown> & { total: string })[] = await em.query(
        `SELECT f.*, count(*) OVER () AS total FROM (${failed}) f ORDER BY f."failedAt" DESC NULLS LAST, f.id LIMIT $2 OFFSET $3`,
        [principal.municipalityId, query.pageSize, (query.page - 1) * query.pageSize],
      );
      const total: number = rows.length > 0 ? Number(rows[0].total) : (await em.query(`SELECT count(*)::int AS n FROM (${failed}) f`, [principal.municipalityId]))[0].n;
      return { rows, total };
    });
    return {
      items: rows.map((r) => ({
        kind: r.kind as 'notice' | 'digest',
        id: r.id as string,
        notificationId: (r.notificationId as string | null) ?? null,
        recipientId: r.recipientId as string,
        status: r.status as string,
        attempts: r.attempts as number,
        lastError: (r.lastError as string | null) ?? null,
        failedAt: r.failedAt ? (r.failedAt as Date).toISOString() : null,
        createdAt: (r.createdAt as Date).toISOString(),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
