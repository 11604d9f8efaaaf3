import type { AuditEventContent } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { problems } from '../common/problem.js';

/** What the audit listing filters on (the query string, validated by its DTO). */
export interface AuditListFilter {
  caseId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  cursor?: string;
}

export interface AuditListRow extends AuditEventContent {
  detail: unknown;
  id: string;
  /** The actor's name now (null for the system actor or a deleted user). */
  actorName: string | null;
  seq: string | null;
  hash: string | null;
}

/**
 * The cursor is opaque to clients: base64url of `a<id>`, the last row of the page they have. The
 * listing is newest first by id, so the next page is `id < <id>`: an index range, however deep.
 */
export const auditCursor = {
  encode: (id: string): string => Buffer.from(`a${id}`).toString('base64url'),
  decode(cursor: string): string {
    const id = /^a([1-9]\d{0,17})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'))?.[1];
    if (!id) throw problems.validation([{ field: 'cursor', message: 'er ikke en markør fra en tidligere side (nextCursor)' }]);
    return id;
  },
};

/** The audit listing counts its matches up to this many (`totalCapped` says there are more). */
export const AUDIT_COUNT_CAP = 1_000;

/**
 * One page of a municipality's audit trail, newest first. Measured at national scale
 * (docs/BENCHMARKS.md, "Paging at national scale"): the page and its total used to be one
 * statement with `count(*) OVER ()`, which reads and joins every matching row for every page
 * (2.4 s for the largest municipality's 472 000 rows); now the page reads pageSize + 1 rows (by
 * `cursor`, an index range; by `page`, an OFFSET that still walks the rows before it) and the total
 * is a separate index-only count.
 */
export async function listAuditEvents(ds: EntityManager, municipalityId: string, filter: AuditListFilter) {
  const where = ['a."municipalityId" = $1'];
  const params: unknown[] = [municipalityId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.caseId) add('a."caseId" = ?', filter.caseId);
  if (filter.actorId) add('a."actorId" = ?', filter.actorId);
  if (filter.from) add('a.at >= ?', new Date(filter.from));
  if (filter.to) add('a.at < ?', new Date(filter.to));
  const counted = [...where];
  const countParams = [...params];
  if (filter.cursor !== undefined) add('a.id < ?::bigint', auditCursor.decode(filter.cursor));
  const offset = filter.cursor !== undefined ? 0 : (filter.page - 1) * filter.pageSize;
  params.push(filter.pageSize + 1, offset);
  const rows: AuditListRow[] = await ds.query(
    `SELECT a.id::text AS id, a."actorId", a."actorUsername", u."displayName" AS "actorName", a.action, a."caseId", a.at, a."requestId", a.purpose, a.detail,
            s.seq::text AS seq, s.hash
     FROM audit_event a LEFT JOIN audit_seal s ON s."eventId" = a.id LEFT JOIN app_user u ON u.id = a."actorId"
     WHERE ${where.join(' AND ')}
     ORDER BY a.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const page = rows.slice(0, filter.pageSize);
  // Counted up to the cap: an exact count read every matching row of the index for every page
  // (~470 000 for the largest municipality at national scale, docs/BENCHMARKS.md run 16).
  countParams.push(AUDIT_COUNT_CAP + 1);
  const [{ total }] = (await ds.query(
    `SELECT count(*)::int AS total FROM (SELECT 1 FROM audit_event a WHERE ${counted.join(' AND ')} LIMIT $${countParams.length}) x`,
    countParams,
  )) as { total: number }[];
  return {
    items: page.map((r) => ({ ...r, sealed: r.hash !== null })),
    total: Math.min(total, AUDIT_COUNT_CAP),
    totalCapped: total > AUDIT_COUNT_CAP,
    nextCursor: rows.length > filter.pageSize ? auditCursor.encode(page[page.length - 1].id) : null,
  };
}

/**
 * The people who appear in a municipality's audit trail, by name (the auditor picks one instead of
 * pasting a UUID): at most 20, those whose name or username starts a word with `q`.
 */
export async function listAuditActors(ds: EntityManager, municipalityId: string, q: string | undefined) {
  const pattern = q ? `${q.trim().toLocaleLowerCase('nb').replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  return (await ds.query(
    `SELECT u.id, u."displayName" AS name, u.username FROM app_user u
      WHERE (bti_fold(u."displayName") LIKE $2 OR bti_fold(u."displayName") LIKE '% ' || $2 OR bti_fold(u.username) LIKE $2)
        AND EXISTS (SELECT 1 FROM audit_event a WHERE a."actorId" = u.id AND a."municipalityId" = $1)
      ORDER BY u."displayName", u.id LIMIT 20`,
    [municipalityId, pattern],
  )) as { id: string; name: string; username: string }[];
}
