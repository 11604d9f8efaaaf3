import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A notice's delivery or a digest that exhausted its retries. */
export interface FailedMailRow {
  kind: 'notice' | 'digest';
  id: string;
  notificationId: string | null;
  recipientId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date | null;
  createdAt: Date;
}

const FAILED = `
  SELECT 'notice' AS kind, d.id, d."notificationId", d."recipientId", d.status, d.attempts, d."lastError", d."failedAt", d."createdAt"
    FROM notification_delivery d JOIN app_user u ON u.id = d."recipientId"
   WHERE d.status = 'failed' AND u."municipalityId" = $1
  UNION ALL
  SELECT 'digest', g.id, NULL, g."recipientId", g.status, g.attempts, g."lastError", g."failedAt", g."createdAt"
    FROM mail_digest g JOIN app_user u ON u.id = g."recipientId"
   WHERE g.status = 'failed' AND u."municipalityId" = $1`;

/** Failed e-mails' SQL, in the admin's RowSecurity transaction (deliveries to their own municipality's users only). */
@Injectable()
export class FailedMailStore {
  /** Newest failure first; the page and the total in one statement, a page past the end counts separately. */
  async page(em: EntityManager, municipalityId: string, page: number, pageSize: number): Promise<{ rows: FailedMailRow[]; total: number }> {
    const rows: (FailedMailRow & { total: string })[] = await em.query(
      `SELECT f.*, count(*) OVER () AS total FROM (${FAILED}) f ORDER BY f."failedAt" DESC NULLS LAST, f.id LIMIT $2 OFFSET $3`,
      [municipalityId, pageSize, (page - 1) * pageSize],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : ((await em.query(`SELECT count(*)::int AS n FROM (${FAILED}) f`, [municipalityId])) as { n: number }[])[0].n;
    return { rows, total };
  }
}
