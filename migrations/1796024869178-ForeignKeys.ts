import { MigrationInterface, QueryRunner } from 'typeorm';

type OnDelete = 'RESTRICT' | 'CASCADE';

/** One reference: `table.column` names a row of `parent` (by its `id`). */
export interface Reference {
  table: string;
  column: string;
  parent: string;
  onDelete: OnDelete;
  /** Checked at commit instead of after each statement (see bti_case.childId). */
  deferred?: boolean;
}

const ref = (table: string, column: string, parent: string, onDelete: OnDelete = 'RESTRICT', deferred = false): Reference => ({
  table,
  column,
  parent,
  onDelete,
  ...(deferred ? { deferred } : {}),
});

/**
 * Every column that names another row, as of this migration (a migration is a snapshot). The
 * entities declare the same keys with `@ForeignKey` (same names, same ON DELETE), so generating a
 * migration from them yields nothing.
 *
 * ON DELETE is RESTRICT everywhere (nothing about a child, a case or its history is deleted by
 * cascade: deleting a case, a user or a unit that is still referenced fails and names the key),
 * except for two tables that hold only a user's own set-up, no case data:
 * - `role_assignment.userId` CASCADE: a role is meaningless without its holder;
 * - `notification_setting.userId` CASCADE: the user's e-mail preference.
 * (A user who ever acted on a case is still protected: their cases, log entries, consents … are
 * RESTRICT, so the delete fails before a role or a setting is lost.)
 */
export const FOREIGN_KEYS: readonly Reference[] = [
  // organisation
  ref('cluster', 'municipalityId', 'municipality'),
  ref('unit', 'municipalityId', 'municipality'),
  ref('unit', 'clusterId', 'cluster'),
  ref('app_user', 'municipalityId', 'municipality'),
  ref('role_assignment', 'userId', 'app_user', 'CASCADE'),
  ref('notification_setting', 'userId', 'app_user', 'CASCADE'),
  // the child and the case
  ref('child', 'municipalityId', 'municipality'),
  ref('bti_case', 'municipalityId', 'municipality'),
  ref('bti_case', 'unitId', 'unit'),
  ref('bti_case', 'clusterId', 'cluster'),
  // Checked at commit: POST /cases writes the case before its child, because row-level security
  // shows a child only through a visible case. A case whose child never comes fails its commit.
  ref('bti_case', 'childId', 'child', 'RESTRICT', true),
  ref('bti_case', 'reporterId', 'app_user'),
  ref('bti_case', 'reporterUnitId', 'unit'),
  ref('bti_case', 'assigneeId', 'app_user'),
  ref('bti_case', 'pendingAssigneeId', 'app_user'),
  ref('bti_case', 'transferToUnitId', 'unit'),
  ref('bti_case', 'transferToClusterId', 'cluster'),
  ref('concern', 'caseId', 'bti_case'),
  ref('case_log_entry', 'caseId', 'bti_case'),
  ref('case_log_entry', 'actorId', 'app_user'),
  ref('case_log_entry', 'correctsEntryId', 'case_log_entry'),
  ref('case_task', 'caseId', 'bti_case'),
  ref('case_task', 'logEntryId', 'case_log_entry'),
  ref('case_task', 'responsibleId', 'app_user'),
  ref('case_task', 'createdById', 'app_user'),
  ref('child_voice', 'caseId', 'bti_case'),
  ref('child_voice', 'actorId', 'app_user'),
  ref('child_welfare_report', 'caseId', 'bti_case'),
  ref('child_welfare_report', 'municipalityId', 'municipality'),
  ref('child_welfare_report', 'unitId', 'unit'),
  ref('child_welfare_report', 'reportedById', 'app_user'),
  ref('consent', 'caseId', 'bti_case'),
  ref('consent', 'recordedById', 'app_user'),
  ref('consent', 'withdrawnById', 'app_user'),
  ref('idempotency_key', 'caseId', 'bti_case'),
  ref('idempotency_key', 'actorId', 'app_user'),
  ref('iks_referral', 'caseId', 'bti_case'),
  ref('iks_referral', 'municipalityId', 'municipality'),
  ref('iks_referral', 'unitId', 'unit'),
  ref('iks_referral', 'referredById', 'app_user'),
  ref('iks_referral', 'acceptedById', 'app_user'),
  ref('iks_referral', 'returnedById', 'app_user'),
  ref('iks_referral', 'endedById', 'app_user'),
  ref('iks_competence_order', 'referralId', 'iks_referral'),
  ref('iks_competence_order', 'caseId', 'bti_case'),
  ref('iks_competence_order', 'unitLeaderId', 'app_user'),
  ref('iks_competence_order', 'orderedById', 'app_user'),
  ref('measure', 'caseId', 'bti_case'),
  ref('measure', 'responsibleId', 'app_user'),
  ref('measure', 'createdById', 'app_user'),
  ref('measure_evaluation', 'measureId', 'measure'),
  ref('measure_evaluation', 'caseId', 'bti_case'),
  ref('measure_evaluation', 'evaluatedById', 'app_user'),
  ref('scheduled_reminder', 'caseId', 'bti_case'),
  ref('notification', 'recipientId', 'app_user'),
  ref('notification', 'caseId', 'bti_case'),
  ref('notification_delivery', 'notificationId', 'notification'),
  ref('notification_delivery', 'recipientId', 'app_user'),
  ref('notification_delivery', 'digestId', 'mail_digest'),
  ref('mail_digest', 'recipientId', 'app_user'),
];

export const foreignKeyName = (r: Pick<Reference, 'table' | 'column'>): string => `FK_${r.table}_${r.column}`;

/**
 * Indexes on the case references that had none, so deleting a case (an erasure under a future
 * retention rule) or joining from it does not scan these tables. Every other referencing column
 * either leads an index already or names a user or an organisation unit: those are deactivated,
 * not deleted, and RESTRICT refuses the delete of one that anything names, so an index there would
 * cost every insert for the sake of a delete that does not happen.
 */
const NEW_INDEXES: readonly { name: string; table: string; column: string }[] = [
  { name: 'IDX_measure_evaluation_case', table: 'measure_evaluation', column: 'caseId' },
  { name: 'IDX_iks_competence_order_case', table: 'iks_competence_order', column: 'caseId' },
  { name: 'IDX_idempotency_key_case', table: 'idempotency_key', column: 'caseId' },
];

/**
 * Foreign keys on every reference, and the end of round one's `outbox`. Hand-written.
 *
 * **Existing rows.** Each key is added `NOT VALID` (new and changed rows are checked from now on)
 * and then validated under a savepoint. A key whose existing rows all resolve is validated; a key
 * with rows that name a missing parent is left `NOT VALID`, the rows are left as they are (this
 * migration deletes no personal data), and one line names the key and how many rows dangle:
 *
 *   [migration ForeignKeys] FK_consent_caseId: 3 row(s) name a missing bti_case; the key stays NOT VALID …
 *
 * Find them with `SELECT * FROM consent t WHERE t."caseId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM
 * bti_case p WHERE p.id = t."caseId")`, repair them (restore the parent, or decide what the row
 * is), then `ALTER TABLE "consent" VALIDATE CONSTRAINT "FK_consent_caseId"`. Keys still waiting:
 * `SELECT conrelid::regclass, conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated`.
 *
 * **Not keyed, on purpose:**
 * - `audit_event.caseId` and `audit_event.actorId`: the audit trail must outlive what it
 *   describes (a case erased under a retention rule keeps the record of who read it), it is
 *   append-only (no SET NULL or CASCADE possible), the worker's system actor is the nil UUID, which
 *   no user row has, and a key would make every audited read (a list page audits up to 100 cases)
 *   take a row lock on each case it names. The audit tables' own keys (municipality, the seal's
 *   event) exist since AuditSealing.
 * - `role_assignment.scopeId` names a unit, a cluster or a municipality depending on `scopeType`;
 *   `scheduled_reminder.subjectId` a measure, consent or task depending on `kind`;
 *   `iks_referral.memberIds` is an array. PostgreSQL keys cannot express these.
 *
 * **The outbox**: nothing has written `outbox` since reminders became a due-sweep over
 * `scheduled_reminder` (migration ReminderSweep marked its undelivered rows delivered); only the
 * retention job read it. Dropped, with its rows (they hold ids only: a reminder id and its job id).
 */
export class ForeignKeys1796024869178 implements MigrationInterface {
  name = 'ForeignKeys1796024869178';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbox"`);
    for (const index of NEW_INDEXES) {
      await q.query(`CREATE INDEX "${index.name}" ON "${index.table}" ("${index.column}")`);
    }
    for (const r of FOREIGN_KEYS) {
      const name = foreignKeyName(r);
      await q.query(
        `ALTER TABLE "${r.table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${r.column}") REFERENCES "${r.parent}"("id")
         ON DELETE ${r.onDelete} ON UPDATE NO ACTION${r.deferred ? ' DEFERRABLE INITIALLY DEFERRED' : ''} NOT VALID`,
      );
      await q.query(`SAVEPOINT fk_validate`);
      try {
        await q.query(`ALTER TABLE "${r.table}" VALIDATE CONSTRAINT "${name}"`);
        await q.query(`RELEASE SAVEPOINT fk_validate`);
      } catch (error) {
        const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
        if (code !== '23503') throw error;
        await q.query(`ROLLBACK TO SAVEPOINT fk_validate`);
        const [{ n }] = (await q.query(
          `SELECT count(*)::int AS n FROM "${r.table}" t
           WHERE t."${r.column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${r.parent}" p WHERE p.id = t."${r.column}")`,
        )) as { n: number }[];
        // Ids and counts only: never a row's contents.
        console.warn(
          `[migration ForeignKeys] ${name}: ${n} row(s) name a missing ${r.parent}; the key stays NOT VALID (new rows are checked). ` +
            `Repair them, then ALTER TABLE "${r.table}" VALIDATE CONSTRAINT "${name}".`,
        );
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const r of [...FOREIGN_KEYS].reverse()) {
      await q.query(`ALTER TABLE "${r.table}" DROP CONSTRAINT "${foreignKeyName(r)}"`);
    }
    for (const index of [...NEW_INDEXES].reverse()) await q.query(`DROP INDEX "public"."${index.name}"`);
    await q.query(`
      CREATE TABLE "outbox" (
        "id" BIGSERIAL NOT NULL,
        "type" character varying(40) NOT NULL,
        "caseId" uuid NOT NULL,
        "payload" jsonb NOT NULL,
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "deliveredAt" TIMESTAMP WITH TIME ZONE,
        "attempts" integer NOT NULL DEFAULT '0',
        "lastError" text,
        CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_outbox_undelivered" ON "outbox" ("id") WHERE "deliveredAt" IS NULL`);
    await q.query(`CREATE INDEX "IDX_outbox_delivered_at" ON "outbox" ("deliveredAt") WHERE "deliveredAt" IS NOT NULL`);
  }
}
