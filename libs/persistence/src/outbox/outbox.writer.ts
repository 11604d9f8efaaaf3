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

/** Supersedes a pending reminder of the same kind (and subject) and inserts the new one: one statement. */
async function schedule(em: EntityManager, caseId: string, effect: ReminderScheduled): Promise<void> {
  const id = randomUUID();
  const subjectId = effect.subjectId ?? null;
  await em.query(
    `WITH superseded AS (
       UPDATE "scheduled_reminder" SET "status" = 'cancelled', "settledAt" = now()
       WHERE "caseId" = $2 AND "kind" = $4 AND "status" = 'pending' AND "subjectId" IS NOT DISTINCT FROM $5
     )
     INSERT INTO "scheduled_reminder" ("id", "jobId", "caseId", "kind", "subjectId", "recipient", "dueAt", "status")
     VALUES ($1, $3, $2, $4, $5, $6, $7, 'pending')`,
    [id, caseId, reminderJobId(effect.kind, caseId, id), effect.kind, subjectId, effect.recipient, effect.dueAt],
  );
}

/**
 * Writes the reminder effects (ReminderScheduled / ReminderCancelled; other effects are ignored)
 * into `scheduled_reminder`, in the caller's transaction and in order. That row is the whole
 * schedule: the worker's due-sweep fires it when its time comes, so the case change never depends
 * on Redis being up. Scheduling a kind (and subject) that is still pending supersedes the earlier
 * reminder; consecutive cancels without a subject are one statement (closing cancels every kind).
 * Callers hold the case row lock, which serialises reminder writes per case.
 */
export async function writeReminderEffects(em: EntityManager, caseId: string, effects: readonly DomainEffect[]): Promise<void> {
  const reminderEffects = effects.filter(isReminderEffect);
  let kindsToCancel: string[] = [];
  const flush = async () => {
    if (kindsToCancel.length > 0) await cancelPending(em, caseId, kindsToCancel, undefined);
    kindsToCancel = [];
  };
  for (const effect of reminderEffects) {
    if (effect.type === 'ReminderCancelled' && effect.subjectId === undefined) {
      kindsToCancel.push(effect.kind);
      continue;
    }
    await flush();
    if (effect.type === 'ReminderCancelled') await cancelPending(em, caseId, [effect.kind], effect.subjectId);
    else await schedule(em, caseId, effect);
  }
  await flush();
}
