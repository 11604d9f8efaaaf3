import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { preparedQuery } from '../database/prepared.js';

/**
 * Writes audit events in the request's own transaction: if the audit write fails, the read or
 * write it describes fails with it. Never silently skipped.
 *
 * One INSERT, no lock and no read: the row is written unsealed, and the worker's sealer chains
 * it into the municipality's hash chain after commit (apps/worker/src/audit). So requests of
 * different municipalities, or of the same one, never wait on each other for the audit trail.
 */
@Injectable()
export class AuditTrail {
  /** One event per case touched; `caseIds` empty → one event without a case (e.g. an empty list). */
  async record(em: EntityManager, principal: Principal, action: string, caseIds: readonly string[]): Promise<void> {
    const [sql, values] = em.connection.driver.escapeQueryWithParameters(`${INSERT_AUDIT_EVENTS} unnest(CAST(:auditCaseIds AS uuid[])) AS touched(id)`, {
      ...eventFields(principal, action),
      auditCaseIds: caseIds.length ? caseIds : [null],
    });
    await preparedQuery(em, sql, values);
  }

  /** One event of an administrative change: what it touched and the fields before and after (ids and codes, no personal data). */
  async recordChange(em: EntityManager, principal: Principal, action: string, detail: AdminChangeDetail): Promise<void> {
    const f = eventFields(principal, action);
    await em.query(
      `INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, "caseId", at, "requestId", purpose, detail)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8::jsonb)`,
      [f.auditMunicipality, f.auditActor, f.auditUsername, f.auditAction, f.auditAt, f.auditRequest, f.auditPurpose, JSON.stringify(detail)],
    );
  }
}

/** What an administrative audit event records: the target and its fields before and after. */
export interface AdminChangeDetail {
  target: { type: string; id: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The audit rows of a read that is one statement (RowSecurity.once): an INSERT, to be written as a
 * data-modifying CTE, of one event per case in the statement's own CTE `source` (its column
 * `id`). With `whenEmpty: 'one event'` a source without rows still gets one event without a case
 * (an empty list was read); with `'none'` it gets none (a case the caller may not see was not read).
 * The values are named parameters (TypeORM's `:name`), so the caller's statement binds them with its own.
 */
export function auditInsertFrom(
  principal: Principal,
  action: string,
  source: string,
  whenEmpty: 'one event' | 'none',
): { sql: string; params: Record<string, unknown> } {
  const ids =
    whenEmpty === 'one event'
      ? `(SELECT id FROM ${source} UNION ALL SELECT NULL::uuid WHERE NOT EXISTS (SELECT 1 FROM ${source}))`
      : `(SELECT id FROM ${source})`;
  return { sql: `${INSERT_AUDIT_EVENTS} ${ids} AS touched`, params: eventFields(principal, action) };
}

/** One audit event per row of what follows `FROM` (a relation `touched` with a column `id`, the case). */
const INSERT_AUDIT_EVENTS = `INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, "caseId", at, "requestId", purpose)
  SELECT CAST(:auditMunicipality AS uuid), CAST(:auditActor AS uuid), CAST(:auditUsername AS varchar), CAST(:auditAction AS varchar), touched.id,
         CAST(:auditAt AS timestamptz), CAST(:auditRequest AS varchar), CAST(:auditPurpose AS varchar)
  FROM`;

/** The values every event of a request shares: who, what, when, which request and why. */
function eventFields(principal: Principal, action: string): Record<string, unknown> {
  return {
    auditMunicipality: principal.municipalityId,
    auditActor: principal.userId,
    auditUsername: principal.username,
    auditAction: action,
    auditAt: new Date(),
    auditRequest: principal.requestId,
    auditPurpose: principal.purpose,
  };
}
