import { randomUUID } from 'node:crypto';
import type { DomainEffect, ReminderCancelled, ReminderScheduled } from '@app/domain';
import type { EntityManager } from 'typeorm';

/**
 * Unique key of a reminder and of its notifications (one per reminder and recipient). It ends in
 * the reminder's own id, so it is never reused, even after the retention job deleted old rows.
 * BullMQ-era rows have `<kind>.<caseId>.<n>`; both forms stay unique.
 */
export function reminderJobId(kind: string, caseId: string, reminderId: string): string {
  return `${kind}.${caseId}.${reminderId}`;
}

function isReminderEffect(e: DomainEffect): e is ReminderScheduled | ReminderCancelled {
  return e.type === 'ReminderScheduled' || e.type === 'ReminderCancelled';
}

/** Pending reminders of these kinds (and this subject, if given) become cancelled. */
async function cancelPending(em: EntityManager, caseId: string, kinds: string[], subjectId: string | undefined): Promise<void> {
  const params: unknown[] = [caseId, kinds];
  let sql = `UPDATE "scheduled_reminder" SET "status" = 'cancelled', "settledAt" = now()
             WHERE "caseId" = $1 AND "kind" = ANY($2::varchar[]) AND "status" = 'pending'`;
  if (subjectId !== undefined) {
    params.push(subjectId);
    sql += ` AND "subjectId" = $3`;
  }
  await em.query(sql, params);
}

/**
 * Supersedes the pending reminders of the same kinds (and subjects) and inserts the new ones: one
 * statement for the whole run. Within one statement the UPDATE cannot see the rows it inserts, so
 * a run never holds the same kind and subject twice (the caller starts a new run instead).
 */
async function schedule(em: EntityManager, caseId: string, effects: readonly ReminderScheduled[]): Promise<void> {
  const ids = effects.map(() => randomUUID());
  await em.query(
    `WITH input AS (
       SELECT * FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::timestamptz[])
         AS t(id, "jobId", kind, "subjectId", recipient, "dueAt")
     ), superseded AS (
       UPDATE "scheduled_reminder" r SET "status" = 'cancelled', "settledAt" = now()
       FROM input i
       WHERE r."caseId" = $1 AND r."kind" = i.kind AND r."status" = 'pending' AND r."subjectId" IS NOT DISTINCT FROM i."subjectId"
     )
     INSERT INTO "scheduled_reminder" ("id", "jobId", "caseId", "kind", "subjectId", "recipient", "dueAt", "status")
     SELECT id, "jobId", $1, kind, "subjectId", recipient, "dueAt", 'pending' FROM input`,
    [
      caseId,
      ids,
      effects.map((e, i) => reminderJobId(e.kind, caseId, ids[i])),
      effects.map((e) => e.kind),
      effects.map((e) => e.subjectId ?? null),
      effects.map((e) => e.recipient),
      effects.map((e) => e.dueAt),
    ],
  );
}

/**
 * Writes the reminder effects (ReminderScheduled / ReminderCancelled; other effects are ignored)
 * into `scheduled_reminder`, in the caller's transaction and in order. That row is the whole
 * schedule: the worker's due-sweep fires it when its time comes, so the case change never depends
 * on Redis being up. Scheduling a kind (and subject) that is still pending supersedes the earlier
 * reminder; consecutive cancels without a subject are one statement (closing cancels every kind),
 * and so is a run of schedules (a new case's reminders: one INSERT with its supersede).
 * Callers hold the case row lock, which serialises reminder writes per case.
 */
export async function writeReminderEffects(em: EntityManager, caseId: string, effects: readonly DomainEffect[]): Promise<void> {
  const reminderEffects = effects.filter(isReminderEffect);
  let kindsToCancel: string[] = [];
  let toSchedule: ReminderScheduled[] = [];
  const flush = async () => {
    if (kindsToCancel.length > 0) await cancelPending(em, caseId, kindsToCancel, undefined);
    kindsToCancel = [];
    if (toSchedule.length > 0) await schedule(em, caseId, toSchedule);
    toSchedule = [];
  };
  const key = (e: ReminderScheduled) => `${e.kind}\u0000${e.subjectId ?? ''}`;
  for (const effect of reminderEffects) {
    if (effect.type === 'ReminderCancelled' && effect.subjectId === undefined) {
      if (toSchedule.length > 0) await flush();
      kindsToCancel.push(effect.kind);
      continue;
    }
    if (effect.type === 'ReminderCancelled') {
      await flush();
      await cancelPending(em, caseId, [effect.kind], effect.subjectId);
      continue;
    }
    // A run of schedules is one statement, as long as no kind and subject repeats in it.
    if (kindsToCancel.length > 0 || toSchedule.some((e) => key(e) === key(effect))) await flush();
    toSchedule.push(effect);
  }
  await flush();
}
