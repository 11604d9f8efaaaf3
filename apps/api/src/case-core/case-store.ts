import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import pg from 'pg';
import { In, type EntityManager } from 'typeorm';
import { logData, may, type Actor, type Consent } from '@app/domain';
import { AppUser, BtiCase, RoleAssignmentRow, type Child, type ChildVoiceRow, type Concern } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { problems } from '../common/problem.js';
import { CaseAccessPolicy } from './case-access.policy.js';
import { auditInsertFrom } from '../audit/audit-trail.service.js';
import { preparedQuery } from '../database/prepared.js';
import { RowSecurity } from '../database/row-security.js';
import { versionMismatch } from './if-match.js';

/** The thin definer writes of commands whose actor leaves the case's sight. */
export type LeavingSightWrite = 'bti_case_reject_transfer' | 'bti_case_decline_handover' | 'bti_case_drop_transfer';

/** Loaded in one transaction: the case row (locked when asked) and what the response needs. */
export interface LoadedCase {
  row: BtiCase;
  child: Child;
  concern: Concern;
  consents: Consent[];
  /** The latest record of the child's voice (8.5), if any. */
  childVoice: ChildVoiceRow | null;
  /** Only from `readAudited`: the case's deadlines (DESIGN 12.1). */
  deadlines?: DeadlineRow[];
}

export const DEADLINE_KINDS = ['decision_due', 'evaluation_due', 'consent_expiry', 'task_due', 'child_welfare_report_due'] as const;
export interface DeadlineRow {
  kind: (typeof DEADLINE_KINDS)[number];
  dueAt: Date;
  overdue: boolean;
  responsibleId: string | null;
}

/**
 * The case aggregate's SQL, in one place: loading a case the caller may see, the versioned
 * update, the log entry. Every statement runs in the caller's RowSecurity transaction.
 */
@Injectable()
export class CaseStore {
  constructor(
    private readonly policy: CaseAccessPolicy,
    private readonly rowSecurity: RowSecurity,
  ) {}

  /**
   * The case if the caller may see it, else 404 (never 403: no existence leaks): one prepared
   * statement for the case, its child, concern, consents and latest child voice. `lock` takes the row lock
   * of a command, `FOR NO KEY UPDATE`: it serialises commands on the case but, unlike `FOR
   * UPDATE`, lets rows that reference the case (reminders, log entries) be inserted meanwhile.
   */
  async loadVisible(em: EntityManager, principal: Principal, caseId: string, lock = false): Promise<LoadedCase> {
    if (!isUUID(caseId)) throw problems.notFound('Fant ikke saken.');
    const visible = this.policy.visibleCondition(principal, new Date());
    const [sql, params] = em.connection.driver.escapeQueryWithParameters(
      `${LOAD_CASE} WHERE c.id = :caseId AND ${visible.sql}${lock ? ' FOR NO KEY UPDATE OF c' : ''}`,
      { ...visible.params, caseId },
    );
    const [raw] = await preparedQuery<LoadRow[]>(em, sql, params);
    if (!raw) throw problems.notFound('Fant ikke saken.');
    return fromLoadRow(raw);
  }

  /**
   * `GET /cases/:id`: the case as `loadVisible` loads it and the read's audit row, in one statement
   * and one round trip (RowSecurity.once). A case the caller may not see is 404 and leaves no
   * audit row, as if nothing had been read.
   */
  async readAudited(principal: Principal, caseId: string, action: string): Promise<LoadedCase> {
    if (!isUUID(caseId)) throw problems.notFound('Fant ikke saken.');
    const visible = this.policy.visibleCondition(principal, new Date());
    const audit = auditInsertFrom(principal, action, 'found', 'none');
    const [raw] = await this.rowSecurity.once<LoadRow>(
      principal,
      `WITH found AS (${LOAD_CASE} WHERE c.id = :caseId AND ${visible.sql}),
       audited AS (${audit.sql})
       SELECT f.*, ${DEADLINES} AS "deadlines" FROM found f`,
      { ...visible.params, ...audit.params, caseId },
    );
    if (!raw) throw problems.notFound('Fant ikke saken.');
    const deadlines = (raw.deadlines as (Omit<DeadlineRow, 'dueAt'> & { dueAt: string })[]).map((d) => ({ ...d, dueAt: new Date(d.dueAt) }));
    return { ...fromLoadRow(raw), deadlines };
  }

  /**
   * `GET /cases`: one page of the cases the caller may see that match `filter`, in `list.sort`'s
   * order, with what the list shows and the list's audit rows, in one statement and one round trip,
   * like `readAudited`: the page is cut first (`LIMIT`/`OFFSET` on the case alone, its order
   * computed over every match, so «over fristen» comes first across pages), then joined like
   * `loadVisible`. `total` comes from a window count over the matches; a page past the end has no
   * row to carry it, so only then a COUNT follows.
   */
  async pageAudited(
    principal: Principal,
    filter: { sql: string; params: Record<string, unknown> },
    page: number,
    pageSize: number,
    action: string,
    list: ListOrder,
  ): Promise<{ items: ListedCase[]; total: number }> {
    const visible = this.policy.visibleCondition(principal, new Date());
    const where = `${visible.sql}${filter.sql ? ` AND ${filter.sql}` : ''}`;
    const audit = auditInsertFrom(principal, action, 'loaded', 'one event');
    const params = {
      ...visible.params, ...filter.params, ...audit.params, limit: pageSize, offset: (page - 1) * pageSize,
      listDecisionCutoff: list.decisionCutoff, listNow: list.now,
    };
    const order = LIST_ORDER[list.sort];
    const rows = await this.rowSecurity.once<LoadRow & ListColumns & { total: string }>(
      principal,
      `WITH page AS (
         SELECT c.*, count(*) OVER () AS "total", ${LIST_COLUMNS} FROM bti_case c WHERE ${where}
         ORDER BY ${order} LIMIT :limit OFFSET :offset),
       loaded AS (SELECT l.*, u."displayName" AS "coordinatorName" FROM (${loadCaseFrom('page c')}) l LEFT JOIN app_user u ON u.id = l."assigneeId"),
       audited AS (${audit.sql})
       SELECT * FROM loaded ORDER BY ${order}`,
      params,
    );
    if (rows.length > 0) {
      const total = Number(rows[0].total);
      return {
        items: rows.map(({ total: _total, overdue, nextDeadline, coordinatorName, ...raw }) => ({
          ...fromLoadRow(raw as LoadRow),
          list: { overdue, nextDeadline, coordinatorName },
        })),
        total,
      };
    }
    if (page === 1) return { items: [], total: 0 };
    const [{ total }] = await this.rowSecurity.once<{ total: number }>(principal, `SELECT count(*)::int AS "total" FROM bti_case c WHERE ${where}`, params);
    return { items: [], total };
  }

  /**
   * Optimistic lock as a second line behind the row lock: the UPDATE names the version it read.
   * `updatedAt` is the command's own clock, so the response built in memory carries what was stored.
   */
  async saveVersioned(em: EntityManager, row: BtiCase, changes: Partial<BtiCase>, updatedAt: Date = new Date()): Promise<void> {
    const result = await em
      .createQueryBuilder()
      .update(BtiCase)
      .set({ ...changes, updatedAt, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: row.id, version: row.version })
      .execute();
    if (result.affected !== 1) throw versionMismatch(row.version + 1);
  }

  /**
   * A change after which its actor no longer sees the case, made by a thin definer function
   * (migrations LeavingSightWrites, CaseLifecycle, ThinCaseWrites): row-level security would refuse
   * the actor's own UPDATE. `args` are the columns the domain decided. False when the version moved
   * on; `updatedAt` is what the function stamped (now(), the transaction's time).
   */
  async writeLeavingSight(em: EntityManager, fn: LeavingSightWrite, caseId: string, version: number, args: unknown[] = []): Promise<{ ok: boolean; updatedAt: Date }> {
    const params = [caseId, version, ...args];
    const [row] = (await em.query(`SELECT ${fn}(${params.map((_, i) => `$${i + 1}`).join(', ')}) AS ok, now() AS "updatedAt"`, params)) as { ok: boolean; updatedAt: Date }[];
    return row;
  }

  /**
   * Appends to the case log (stafettlogg) in the caller's transaction: a plain INSERT without
   * RETURNING. Nothing reads the entry back, and row-level security would check a returned row
   * against the SELECT policy: a caller who has just lost sight of the case (an IKS return, a
   * rejected transfer) or never had it (a leader acknowledging a competence order) may still log.
   */
  async appendLog(em: EntityManager, caseId: string, type: string, actorId: string, text: string, fields: Record<string, unknown> = {}): Promise<void> {
    // `data` keeps ids, codes and booleans only (libs/domain logData): never a copy of the payload.
    const data = JSON.stringify(logData(type, fields));
    await em.query(`INSERT INTO case_log_entry ("caseId", type, "actorId", text, data) VALUES ($1, $2, $3, $4, $5)`, [caseId, type, actorId, text, data]);
  }

  /**
   * A new case with its child, concern, guardians and first log entry, in one statement (data-modifying
   * CTEs; the foreign keys are checked at its end, the case's child key at commit). Every value is
   * the caller's but the reference, which the insert trigger draws: the answer returns it.
   */
  async insertNew(em: EntityManager, row: BtiCase, child: Child, concern: Concern, log: { type: string; actorId: string; text: string }): Promise<string> {
    const [{ reference }] = (await em.query(
      `WITH new_case AS (
         INSERT INTO bti_case (id, "municipalityId", "unitId", "clusterId", "childId", "reporterId", "reporterUnitId", status, level,
                               anonymous, "suspectedViolenceOrAbuse", version, "createdAt", "updatedAt", "profileVersion")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $31) RETURNING reference),
       new_child AS (
         INSERT INTO child (id, "municipalityId", "firstName", "lastName", "birthDate", "nationalIdEncrypted", "nationalIdHash", guardians, address)
         VALUES ($5, $2, $14, $15, $16::date, $17, $18, $19::jsonb, $20::jsonb)),
       new_concern AS (
         INSERT INTO concern (id, "caseId", description, categories, "riskFactors", "protectiveFactors", "childVoice", "suspectedViolenceOrAbuse", "createdAt")
         VALUES ($21, $1, $22, $23::text[], $24::text[], $25::text[], $26, $27, $13)),
       new_log AS (INSERT INTO case_log_entry ("caseId", type, "actorId", text) VALUES ($1, $28, $29, $30)),
       -- The guardians the concern names become the case's guardian rows (a national id only when staff register one).
       new_guardians AS (
         INSERT INTO case_guardian ("caseId", name, relation, "parentalResponsibility", contact, position)
         SELECT $1, g.name, g.relation, g."parentalResponsibility", g.contact, (g.ord - 1)::smallint
         FROM ROWS FROM (jsonb_to_recordset($19::jsonb) AS (name text, relation text, "parentalResponsibility" boolean, contact text))
           WITH ORDINALITY AS g(name, relation, "parentalResponsibility", contact, ord))
       SELECT reference FROM new_case`,
      [
        row.id, row.municipalityId, row.unitId, row.clusterId, row.childId, row.reporterId, row.reporterUnitId, row.status, row.level,
        row.anonymous, row.suspectedViolenceOrAbuse, row.version, row.createdAt,
        child.firstName, child.lastName, child.birthDate, child.nationalIdEncrypted, child.nationalIdHash,
        JSON.stringify(child.guardians), child.address === null ? null : JSON.stringify(child.address),
        concern.id, concern.description, concern.categories, concern.riskFactors, concern.protectiveFactors, concern.childVoice, concern.suspectedViolenceOrAbuse,
        log.type, log.actorId, log.text, row.profileVersion,
      ],
    )) as { reference: string }[];
    return reference;
  }

  /** A user of the municipality as the rules see them (roles, service); null when there is none. */
  async actorOf(em: EntityManager, userId: string, municipalityId: string): Promise<Actor | null> {
    return (await this.actorsOf(em, [userId], municipalityId)).get(userId) ?? null;
  }

  /** The users of the municipality among `userIds`, as actors with their roles: two queries however many. */
  async actorsOf(em: EntityManager, userIds: readonly string[], municipalityId: string): Promise<Map<string, Actor>> {
    const ids = userIds.filter((id) => isUUID(id));
    if (!ids.length) return new Map();
    const users = await em.findBy(AppUser, { id: In(ids), municipalityId });
    const roles = users.length ? await em.findBy(RoleAssignmentRow, { userId: In(users.map((u) => u.id)) }) : [];
    return new Map(
      users.map((user) => [
        user.id,
        {
          userId: user.id,
          municipalityId,
          service: user.service,
          roles: roles.filter((r) => r.userId === user.id).map((r) => ({ role: r.role as Actor['roles'][number]['role'], scopeType: r.scopeType, scopeId: r.scopeId })),
        },
      ]),
    );
  }

  /**
   * Whether another user could open the case identified now, by the same rule as their own
   * requests. A measure's or a task's responsible must (their reminders lead to the case), so
   * nobody is made responsible without access (README: "Responsible people").
   */
  async canOpenIdentified(em: EntityManager, userId: string, row: BtiCase, consents: readonly Consent[], now: Date): Promise<boolean> {
    const actor = await this.actorOf(em, userId, row.municipalityId);
    if (!actor) return false;
    const other = { ...actor, service: actor.service ?? null } as Principal;
    const visible = this.policy.visibleCondition(other, now);
    const sees = await em.getRepository(BtiCase).createQueryBuilder('c').where('c.id = :caseId', { caseId: row.id }).andWhere(visible.sql, visible.params).getExists();
    return sees && this.policy.viewOf(other, row, consents, now) === 'full';
  }

  /**
   * The coordinator named for a unit must work there, as the permission table says who does (those
   * who may raise a concern in it, `case.create`): else 400 naming `field`.
   */
  async requireUnitStaff(em: EntityManager, userId: string, unitId: string, municipalityId: string, field: string): Promise<void> {
    const candidate = await this.actorOf(em, userId, municipalityId);
    if (!candidate || !may(candidate, 'case.create', { unitId, municipalityId })) throw problems.validation([{ field, message: 'er ikke en ansatt i enheten som kan være koordinator' }]);
  }
}

/**
 * The case with what every command and read needs, in one round trip. Child, concern and voice
 * columns come prefixed; consents as JSON (timestamps as text, parsed as the driver parses
 * timestamptz, so the values equal those of a plain column). Row-level security applies to every
 * table here as to separate queries.
 */
const loadCaseFrom = (cases: string) => `
SELECT c.*,
  ch.id AS "child.id", ch."municipalityId" AS "child.municipalityId", ch."firstName" AS "child.firstName", ch."lastName" AS "child.lastName",
  ch."birthDate"::text AS "child.birthDate", ch."nationalIdEncrypted" AS "child.nationalIdEncrypted", ch."nationalIdHash" AS "child.nationalIdHash",
  (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('name', g.name, 'relation', g.relation, 'parentalResponsibility', g."parentalResponsibility",
            'contact', g.contact)) ORDER BY g.position, g."createdAt", g.id), '[]'::jsonb)
     FROM case_guardian g WHERE g."caseId" = c.id) AS "child.guardians", ch.address AS "child.address",
  k.id AS "concern.id", k."caseId" AS "concern.caseId", k.description AS "concern.description", k.categories AS "concern.categories",
  k."riskFactors" AS "concern.riskFactors", k."protectiveFactors" AS "concern.protectiveFactors", k."childVoice" AS "concern.childVoice",
  k."suspectedViolenceOrAbuse" AS "concern.suspectedViolenceOrAbuse", k."createdAt" AS "concern.createdAt",
  v.id AS "voice.id", v."caseId" AS "voice.caseId", v.event AS "voice.event", v.heard AS "voice.heard", v.view AS "voice.view",
  v."reasonNotHeard" AS "voice.reasonNotHeard", v.weight AS "voice.weight", v."guardiansView" AS "voice.guardiansView",
  v."actorId" AS "voice.actorId", v.at AS "voice.at",
  (SELECT coalesce(json_agg(json_build_object('id', s.id, 'recipients', s.recipients, 'decision', s.decision, 'validFrom', s."validFrom"::text,
            'validUntil', s."validUntil"::text, 'withdrawnAt', s."withdrawnAt"::text) ORDER BY s."createdAt", s.id), '[]'::json)
     FROM consent s WHERE s."caseId" = c.id) AS "consents"
FROM ${cases}
JOIN child ch ON ch.id = c."childId"
JOIN concern k ON k."caseId" = c.id
LEFT JOIN LATERAL (SELECT * FROM child_voice w WHERE w."caseId" = c.id ORDER BY w.at DESC, w.id DESC LIMIT 1) v ON true`;
const LOAD_CASE = loadCaseFrom('bti_case c');

/** The orders of the case list (`GET /cases?sort=`). */
export const LIST_SORTS = ['created', 'activity', 'deadline', 'priority'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** What a list row shows besides the case: computed over every match, before the page is cut. */
export interface ListColumns {
  /** Undecided past the decision deadline (twice the assessment reminder after the concern). */
  overdue: boolean;
  /** The earliest of: the decision deadline (undecided), a measure's evaluation, the report of a flagged case. */
  nextDeadline: Date | null;
  /** The coordinator's (stafettholder's) name, for the presenter to show when the view is full. */
  coordinatorName: string | null;
}
export type ListedCase = LoadedCase & { list: ListColumns };
export interface ListOrder {
  sort: ListSort;
  /** Cases created before it and still undecided are over the decision deadline. */
  decisionCutoff: Date;
  /** The instant the cutoff was taken from: each undecided case's deadline is `createdAt + (now - cutoff)`, the same on every page. */
  now: Date;
}

const UNDECIDED = `c.status IN ('discovered', 'assessing', 'deciding')`;
const LIST_COLUMNS = `
  (${UNDECIDED} AND c."createdAt" < :listDecisionCutoff) AS "overdue",
  LEAST(
    CASE WHEN ${UNDECIDED} THEN c."createdAt" + (CAST(:listNow AS timestamptz) - CAST(:listDecisionCutoff AS timestamptz)) END,
    (SELECT min(r."dueAt") FROM scheduled_reminder r
      WHERE r."caseId" = c.id AND ((r.kind = 'evaluation_due' AND r.status = 'pending')
        OR (r.kind = 'child_welfare_report_missing' AND r.status IN ('pending', 'fired') AND c."suspectedViolenceOrAbuse"
            AND c."childWelfareReportedAt" IS NULL AND c.status <> 'closed')))) AS "nextDeadline"`;
/** Orders over the page's own columns, so the page and the joined rows sort alike. */
const LIST_ORDER: Record<ListSort, string> = {
  created: `"createdAt" DESC, id DESC`,
  activity: `"updatedAt" DESC, id DESC`,
  deadline: `"nextDeadline" ASC NULLS LAST, "createdAt" DESC, id DESC`,
  priority: `"overdue" DESC, ("assigneeId" IS NULL) DESC, "createdAt" DESC, id DESC`,
};
/**
 * The deadlines of the open case `f` (DESIGN 12.1), as JSON, from the reminder schedule (decision,
 * report to child welfare, tasks) and the rows behind it (active measures, consents in effect);
 * row-level security hides what the caller may not see. A fired reminder's deadline stands until
 * the case moves on. Dates without a time (evaluation, task) are due at the start of the day in
 * Oslo and overdue from the next day.
 */
const DEADLINES = `(
  SELECT coalesce(json_agg(d ORDER BY d."dueAt", d.kind), '[]'::json) FROM (
    SELECT CASE r.kind WHEN 'decision_due' THEN 'decision_due' ELSE 'child_welfare_report_due' END AS kind, r."dueAt",
           NULL::uuid AS "responsibleId", r."dueAt" < now() AS overdue
      FROM scheduled_reminder r
     WHERE r."caseId" = f.id AND r.status IN ('pending', 'fired')
       AND ((r.kind = 'decision_due' AND f.status IN ('discovered', 'assessing', 'deciding'))
         OR (r.kind = 'child_welfare_report_missing' AND f."suspectedViolenceOrAbuse" AND f."childWelfareReportedAt" IS NULL))
    UNION ALL
    SELECT 'evaluation_due', m."evaluationDate"::timestamp AT TIME ZONE 'Europe/Oslo', m."responsibleId",
           m."evaluationDate" < (now() AT TIME ZONE 'Europe/Oslo')::date
      FROM measure m WHERE m."caseId" = f.id AND m.status = 'active'
    UNION ALL
    SELECT 'consent_expiry', s."validUntil", NULL, s."validUntil" < now()
      FROM consent s WHERE s."caseId" = f.id AND s."validUntil" IS NOT NULL AND s."withdrawnAt" IS NULL AND s.decision IS DISTINCT FROM 'refused'
    UNION ALL
    SELECT 'task_due', t."dueDate"::timestamp AT TIME ZONE 'Europe/Oslo', t."responsibleId",
           t."dueDate" < (now() AT TIME ZONE 'Europe/Oslo')::date
      FROM case_task t
     WHERE t."caseId" = f.id
       AND EXISTS (SELECT 1 FROM scheduled_reminder r WHERE r."caseId" = f.id AND r.kind = 'task_due' AND r."subjectId" = t.id::text AND r.status IN ('pending', 'fired'))
  ) d WHERE f.status <> 'closed')`;

type LoadRow = BtiCase & Record<string, unknown> & {
  consents: { id: string; recipients: string[]; decision: string | null; validFrom: string; validUntil: string | null; withdrawnAt: string | null }[];
};

const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (value: string) => Date;
const timestamp = (value: string | null): Date | null => (value === null ? null : parseTimestamptz(value));

/** Splits the prefixed columns of LOAD_CASE into the rows the callers know. */
function fromLoadRow(raw: LoadRow): LoadedCase {
  const row: Record<string, unknown> = {};
  const parts: Record<'child' | 'concern' | 'voice', Record<string, unknown>> = { child: {}, concern: {}, voice: {} };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'consents' || key === 'deadlines') continue;
    const dot = key.indexOf('.');
    if (dot < 0) row[key] = value;
    else parts[key.slice(0, dot) as keyof typeof parts][key.slice(dot + 1)] = value;
  }
  return {
    row: row as unknown as BtiCase,
    child: parts.child as unknown as Child,
    concern: parts.concern as unknown as Concern,
    consents: raw.consents.map((c) => ({
      id: c.id,
      recipients: c.recipients,
      decision: (c.decision ?? 'given') as Consent['decision'],
      validFrom: timestamp(c.validFrom)!,
      validUntil: timestamp(c.validUntil),
      withdrawnAt: timestamp(c.withdrawnAt),
    })),
    childVoice: parts.voice.id === null ? null : (parts.voice as unknown as ChildVoiceRow),
  };
}
