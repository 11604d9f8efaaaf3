import type { DomainEffect, ReminderCancelled, ReminderScheduled } from '@app/domain';
import type { EntityManager } from 'typeorm';
import { OutboxRow, ScheduledReminder, type ReminderCancelledPayload, type ReminderScheduledPayload } from './outbox.entities.js';

/** Deterministic BullMQ job id of the n-th reminder of `kind` on a case. BullMQ 6 refuses most
 * custom ids containing ':', hence '.' as the separator. */
export function reminderJobId(kind: string, caseId: string, n: number): string {
  return `${kind}.${caseId}.${n}`;
}

function isReminderEffect(e: DomainEffect): e is ReminderScheduled | ReminderCancelled {
  return e.type === 'ReminderScheduled' || e.type === 'ReminderCancelled';
}

/** Marks pending reminders of `kind` (and `subjectId`, if given) cancelled; writes one outbox row for the relay. */
async function cancelPending(em: EntityManager, caseId: string, kind: string, subjectId: string | undefined): Promise<void> {
  const params: unknown[] = [caseId, kind];
  let sql = `UPDATE "scheduled_reminder" SET "status" = 'cancelled', "settledAt" = now()
             WHERE "caseId" = $1 AND "kind" = $2 AND "status" = 'pending'`;
  if (subjectId !== undefined) {
    params.push(subjectId);
    sql += ` AND "subjectId" = $3`;
  }
  sql += ` RETURNING "id", "jobId"`;
  const result: unknown = await em.query(sql, params);
  // pg driver via TypeORM returns [rows, count] for UPDATE … RETURNING
  const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as { id: string; jobId: string }[];
  if (!Array.isArray(rows) || rows.length === 0) return;
  const payload: ReminderCancelledPayload = { reminderIds: rows.map((r) => r.id), jobIds: rows.map((r) => r.jobId) };
  await em.insert(OutboxRow, { type: 'reminder_cancelled', caseId, payload });
}

/**
 * Writes outbox rows for the reminder effects (ReminderScheduled / ReminderCancelled), ignoring
 * other effects, in the caller's transaction. Effects are applied in order. Scheduling a kind
 * (and subject) that is still pending supersedes the earlier reminder. Cancelling takes effect in
 * the database at once: the worker checks the reminder's row when the job fires, so the case
 * change never depends on Redis being up.
 */
export async function writeReminderEffects(em: EntityManager, caseId: string, effects: readonly DomainEffect[]): Promise<void> {
  const reminderEffects = effects.filter(isReminderEffect);
  if (reminderEffects.length === 0) return;
  // Serialises reminder writes per case, so the per-kind counter in the job id stays unique.
  await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reminders:${caseId}`]);
  for (const effect of reminderEffects) {
    if (effect.type === 'ReminderCancelled') {
      await cancelPending(em, caseId, effect.kind, effect.subjectId);
      continue;
    }
    await cancelPending(em, caseId, effect.kind, effect.subjectId ?? undefined);
    const [{ count }] = (await em.query(
      `SELECT count(*)::int AS count FROM "scheduled_reminder" WHERE "caseId" = $1 AND "kind" = $2`,
      [caseId, effect.kind],
    )) as { count: number }[];
    const jobId = reminderJobId(effect.kind, caseId, count + 1);
    const inserted = await em.insert(ScheduledReminder, {
      jobId,
      caseId,
      kind: effect.kind,
      subjectId: effect.subjectId ?? null,
      recipient: effect.recipient,
      dueAt: effect.dueAt,
      status: 'pending',
    });
    const reminderId = (inserted.identifiers[0] as { id: string }).id;
    const payload: ReminderScheduledPayload = { reminderId, jobId };
    await em.insert(OutboxRow, { type: 'reminder_scheduled', caseId, payload });
  }
}
