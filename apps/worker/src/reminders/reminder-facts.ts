import type { ReminderFacts } from '@app/domain';
import { ConsentRow, toDomainConsent } from '@app/persistence';
import { In, type EntityManager } from 'typeorm';

/** The columns of a claimed scheduled_reminder row the firing needs. */
export interface ClaimedReminder {
  id: string;
  jobId: string;
  caseId: string;
  kind: string;
  subjectId: string | null;
  recipient: string;
  dueAt: Date;
  attempts: number;
}

/** Facts outside the case (consent, IKS referral, measure) for each reminder, plus a measure's or a log task's responsible. */
export interface ReminderBatchFacts extends ReminderFacts {
  responsibleId?: string | null;
}

const MEASURE_KINDS = ['evaluation_due', 'evaluation_overdue'];

/**
 * Reads the facts of a whole batch in one statement per kind of fact, in the batch's transaction.
 * A missing consent, referral or measure means "still holds" (the domain's default).
 */
export async function loadFacts(em: EntityManager, reminders: readonly ClaimedReminder[], now: Date): Promise<Map<string, ReminderBatchFacts>> {
  const facts = new Map<string, ReminderBatchFacts>(reminders.map((r) => [r.id, { now }]));

  const consentIds = reminders.filter((r) => r.kind === 'consent_expiry' && r.subjectId).map((r) => r.subjectId!);
  if (consentIds.length > 0) {
    const consents = new Map((await em.findBy(ConsentRow, { id: In(consentIds) })).map((c) => [c.id, c]));
    for (const r of reminders) {
      const consent = r.kind === 'consent_expiry' && r.subjectId ? consents.get(r.subjectId) : undefined;
      if (consent) facts.get(r.id)!.consent = toDomainConsent(consent);
    }
  }

  const iksCases = reminders.filter((r) => r.kind === 'iks_pending').map((r) => r.caseId);
  if (iksCases.length > 0) {
    const rows = (await em.query(
      `SELECT DISTINCT ON ("caseId") "caseId", "status" FROM "iks_referral" WHERE "caseId" = ANY($1::uuid[]) ORDER BY "caseId", "createdAt" DESC`,
      [iksCases],
    )) as { caseId: string; status: ReminderFacts['iksReferralStatus'] }[];
    const latest = new Map(rows.map((x) => [x.caseId, x.status]));
    for (const r of reminders) if (r.kind === 'iks_pending' && latest.has(r.caseId)) facts.get(r.id)!.iksReferralStatus = latest.get(r.caseId);
  }

  const measureReminders = reminders.filter((r) => MEASURE_KINDS.includes(r.kind) && r.subjectId);
  if (measureReminders.length > 0) {
    // Only an evaluation after the reminder was scheduled settles it: `continue`/`adjust` schedule
    // the next evaluation, which an earlier evaluation must not make obsolete. Compared in SQL (a
    // JS Date would cut the microseconds off the reminder's timestamp).
    const rows = (await em.query(
      `SELECT r."id", m."responsibleId", (m."status" = 'ended' OR EXISTS (
                SELECT 1 FROM "measure_evaluation" e WHERE e."measureId" = m."id" AND e."createdAt" > r."createdAt")) AS "evaluated"
       FROM "scheduled_reminder" r JOIN "measure" m ON m."id"::text = r."subjectId"
       WHERE r."id" = ANY($1::uuid[])`,
      [measureReminders.map((r) => r.id)],
    )) as { id: string; responsibleId: string; evaluated: boolean }[];
    for (const row of rows) Object.assign(facts.get(row.id)!, { responsibleId: row.responsibleId, measureEvaluated: row.evaluated });
  }

  // A log task's reminder goes to the task's responsible.
  const taskReminders = reminders.filter((r) => r.kind === 'task_due' && r.subjectId);
  if (taskReminders.length > 0) {
    const rows = (await em.query(
      `SELECT r."id", t."responsibleId" FROM "scheduled_reminder" r JOIN "case_task" t ON t."id"::text = r."subjectId" WHERE r."id" = ANY($1::uuid[])`,
      [taskReminders.map((r) => r.id)],
    )) as { id: string; responsibleId: string }[];
    for (const row of rows) facts.get(row.id)!.responsibleId = row.responsibleId;
  }
  return facts;
}
