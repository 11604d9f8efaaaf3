import { Logger } from '@nestjs/common';
import { REMINDER_KINDS, reminderStillApplies, type RecipientRole, type ReminderKind } from '@app/domain';
import { BtiCase, toCaseState } from '@app/persistence';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { loadDirectory, resolveRecipients } from './recipients.js';
import { loadFacts, type ClaimedReminder } from './reminder-facts.js';
import { isUrgent, notificationTypeOf, REMINDER_MESSAGES } from './reminder-texts.js';
import { requestEvaluation } from './system-events.js';
import type { BatchOutcome, ResolvedWorkerOptions } from './worker-options.js';

interface NotificationRow {
  recipientId: string;
  type: string;
  caseId: string;
  dueAt: Date;
  message: string;
  urgent: boolean;
  jobKey: string;
}

const emptyOutcome = (): BatchOutcome => ({ claimed: [], fired: [], obsolete: [] });

/**
 * Fires due reminders in batches, one transaction per batch:
 *   1. claim up to `batchSize` pending reminders whose time has come, `FOR UPDATE SKIP LOCKED`
 *      (parallel batches and workers never take the same row; a cancel waits for the batch);
 *   2. read their cases, the other facts and the role holders set-wise;
 *   3. re-check each with the domain's `reminderStillApplies` and resolve its recipients;
 *   4. insert every notification in one statement (unique per reminder and recipient:
 *      `ON CONFLICT DO NOTHING`) and settle every reminder (`fired` / `obsolete`) in another;
 *   5. a measure's `evaluation_due` also moves its `acting` case to `evaluating` (system event).
 * Notifications and settlement commit together, so a batch that dies before its commit leaves
 * its reminders pending for the next sweep, and one that committed is never fired again.
 */
export class ReminderFiring {
  private readonly logger = new Logger('ReminderFiring');

  constructor(
    private readonly ds: DataSource,
    private readonly options: ResolvedWorkerOptions,
  ) {}

  /**
   * One batch. When it fails after claiming, its reminders are fired one by one, so a reminder
   * that cannot be fired holds back no other; that one gets an attempt counted and a backoff
   * (`nextAttemptAt`) and stays pending — it is retried until it fires. When the claim itself
   * fails (database down), the error goes to the sweep: nothing was taken.
   */
  async fireNext(): Promise<BatchOutcome> {
    let claimed: ClaimedReminder[] = [];
    try {
      return await this.fire(null, (rows) => (claimed = rows));
    } catch (error) {
      if (claimed.length === 0) throw error;
      this.logger.warn(`En bunt med ${claimed.length} påminnelse(r) feilet (${describe(error)}); prøver dem én og én`);
      const outcome = emptyOutcome();
      for (const r of claimed) {
        outcome.claimed.push(r.id);
        try {
          const single = await this.fire([r.id]);
          outcome.fired.push(...single.fired);
          outcome.obsolete.push(...single.obsolete);
        } catch (singleError) {
          await this.recordFailure(r, singleError);
        }
      }
      return outcome;
    }
  }

  /** Claims due reminders (only `onlyIds`, when given) and fires them in one transaction. */
  private async fire(onlyIds: string[] | null, onClaim?: (rows: ClaimedReminder[]) => void): Promise<BatchOutcome> {
    const outcome = await this.ds.transaction(async (em) => {
      const claimed = await claim(em, this.options.batchSize, onlyIds);
      onClaim?.(claimed);
      if (claimed.length === 0) return emptyOutcome();
      const result = await this.settle(em, claimed);
      if (this.options.beforeBatchCommit) await this.options.beforeBatchCommit(result);
      return result;
    });
    if (outcome.claimed.length > 0) {
      this.logger.log(`Påminnelser: ${outcome.fired.length} sendt, ${outcome.obsolete.length} ikke lenger aktuelle`);
      if (this.options.afterBatchCommit) await this.options.afterBatchCommit(outcome);
    }
    return outcome;
  }

  private async settle(em: EntityManager, allClaimed: ClaimedReminder[]): Promise<BatchOutcome> {
    const now = new Date();
    const busy = await lockCases(em, allClaimed);
    const claimed = allClaimed.filter((r) => !busy.all.has(r.caseId) && !(r.kind === 'evaluation_due' && busy.forEvaluation.has(r.caseId)));
    const cases = new Map((await em.findBy(BtiCase, { id: In([...new Set(claimed.map((r) => r.caseId))]) })).map((c) => [c.id, c]));
    const facts = await loadFacts(em, claimed, now);
    const directory = await loadDirectory(em, [...cases.values()]);
    const outcome: BatchOutcome = { claimed: allClaimed.map((r) => r.id), fired: [], obsolete: [] };
    const evaluationsDue: { row: BtiCase; reminderId: string }[] = [];
    const notifications: NotificationRow[] = [];
    for (const r of claimed) {
      const row = cases.get(r.caseId);
      const kind = r.kind as ReminderKind;
      const known = (REMINDER_KINDS as readonly string[]).includes(r.kind);
      const fact = facts.get(r.id)!;
      if (!row || !known || !reminderStillApplies(kind, toCaseState(row), fact)) {
        outcome.obsolete.push(r.id);
        continue;
      }
      const recipients = [...new Set(resolveRecipients(directory, row, r.recipient as RecipientRole, fact.responsibleId))];
      if (recipients.length === 0) this.logger.warn(`Påminnelse ${r.jobId}: ingen mottaker funnet`);
      for (const recipientId of recipients) {
        notifications.push({
          recipientId,
          type: notificationTypeOf(kind),
          caseId: row.id,
          dueAt: r.dueAt,
          message: REMINDER_MESSAGES[kind],
          urgent: isUrgent(kind),
          jobKey: r.jobId,
        });
      }
      outcome.fired.push(r.id);
      if (kind === 'evaluation_due' && row.status === 'acting' && !evaluationsDue.some((e) => e.row.id === row.id)) evaluationsDue.push({ row, reminderId: r.id });
    }
    if (notifications.length > 0) await insertNotifications(em, notifications);
    await em.query(
      `UPDATE "scheduled_reminder" r SET "status" = u."status", "settledAt" = clock_timestamp(), "nextAttemptAt" = NULL
       FROM unnest($1::uuid[], $2::varchar[]) AS u("id", "status") WHERE r."id" = u."id"`,
      [
        [...outcome.fired, ...outcome.obsolete],
        [...outcome.fired.map(() => 'fired'), ...outcome.obsolete.map(() => 'obsolete')],
      ],
    );
    for (const { row, reminderId } of evaluationsDue) await requestEvaluation(em, row, reminderId, now);
    return outcome;
  }

  /** Milliseconds until the next pending reminder falls due, if that is within `ms`; else null. */
  async nextDueWithin(ms: number): Promise<number | null> {
    const [row] = (await this.ds.query(
      `SELECT ceil(extract(epoch FROM (min("dueAt") - clock_timestamp())) * 1000)::int AS "inMs"
       FROM "scheduled_reminder"
       WHERE "status" = 'pending' AND "dueAt" > clock_timestamp() AND "dueAt" <= clock_timestamp() + make_interval(secs => $1::float8 / 1000)`,
      [ms],
    )) as { inMs: number | null }[];
    return row?.inMs == null ? null : Math.max(0, row.inMs);
  }

  /** Counts a failed attempt and sets the backoff: base·2^(attempts−1), capped; the row stays pending. */
  private async recordFailure(r: ClaimedReminder, error: unknown): Promise<void> {
    const message = describe(error).slice(0, 300);
    const result: unknown = await this.ds.query(
      `UPDATE "scheduled_reminder" r
       SET "attempts" = r."attempts" + 1, "lastError" = $2, "lastAttemptAt" = t."at",
           "nextAttemptAt" = t."at" + make_interval(secs => least($4::float8, $3::float8 * power(2, r."attempts")) / 1000)
       FROM (SELECT clock_timestamp() AS "at") t
       WHERE r."id" = $1 AND r."status" = 'pending' RETURNING r."attempts"`,
      [r.id, message, this.options.retryBaseMs, this.options.retryMaxMs],
    );
    // UPDATE … RETURNING comes back from TypeORM's pg driver as [rows, count].
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as { attempts: number }[];
    const row = rows[0];
    this.logger.error(`Påminnelse ${r.jobId} kunne ikke sendes (forsøk ${row?.attempts ?? '?'}), prøves igjen: ${message}`);
  }
}

/**
 * Locks the batch's cases without waiting (SKIP LOCKED) and returns those it must leave alone for
 * now: their reminders stay pending, unsettled, for the next sweep.
 * - evaluation_due may change its case (request_evaluation): `FOR NO KEY UPDATE`, which excludes a
 *   request working on the case (a request holding it may be about to cancel this very reminder,
 *   which we hold). Not `FOR UPDATE`: that would also conflict with the `FOR KEY SHARE` that every
 *   insert referencing the case takes (foreign keys), so two lanes could each hold one case and
 *   insert a notification for the other's: a deadlock. Busy → only its evaluation_due waits.
 * - every case: `FOR KEY SHARE`, the lock the notification's foreign key takes anyway, but taken
 *   here without waiting. Whoever holds a case `FOR UPDATE` (no API request does: they take `FOR NO
 *   KEY UPDATE`, which does not conflict with it; a DELETE, a key change, manual SQL) and then
 *   waits for a reminder row this batch has claimed would otherwise wait for us while we wait for
 *   it. Busy → all of its reminders wait for the next sweep.
 * A case that does not exist is not busy: its reminders are found obsolete as before.
 */
async function lockCases(em: EntityManager, claimed: ClaimedReminder[]): Promise<{ all: Set<string>; forEvaluation: Set<string> }> {
  const ids = (rows: unknown) => new Set((rows as { id: string }[]).map((r) => r.id));
  const caseIds = [...new Set(claimed.map((r) => r.caseId))];
  const evaluationCases = [...new Set(claimed.filter((r) => r.kind === 'evaluation_due').map((r) => r.caseId))];
  const forUpdate = evaluationCases.length > 0 ? ids(await em.query(`SELECT "id" FROM "bti_case" WHERE "id" = ANY($1::uuid[]) FOR NO KEY UPDATE SKIP LOCKED`, [evaluationCases])) : new Set<string>();
  const shared = caseIds.length > 0 ? ids(await em.query(`SELECT "id" FROM "bti_case" WHERE "id" = ANY($1::uuid[]) FOR KEY SHARE SKIP LOCKED`, [caseIds])) : new Set<string>();
  const notLocked = caseIds.filter((id) => !shared.has(id) || (evaluationCases.includes(id) && !forUpdate.has(id)));
  // Skipped because locked, or because missing? A plain read sees a locked row.
  const existing = notLocked.length > 0 ? ids(await em.query(`SELECT "id" FROM "bti_case" WHERE "id" = ANY($1::uuid[])`, [notLocked])) : new Set<string>();
  return {
    all: new Set(caseIds.filter((id) => !shared.has(id) && existing.has(id))),
    forEvaluation: new Set(evaluationCases.filter((id) => !forUpdate.has(id) && existing.has(id))),
  };
}

/** The claim: due, pending, not backing off; oldest first; rows other batches hold are skipped. */
async function claim(em: EntityManager, limit: number, onlyIds: string[] | null): Promise<ClaimedReminder[]> {
  const params: unknown[] = [limit];
  let only = '';
  if (onlyIds) {
    params.push(onlyIds);
    only = `AND "id" = ANY($2::uuid[])`;
  }
  return (await em.query(
    `SELECT "id", "jobId", "caseId", "kind", "subjectId", "recipient", "dueAt", "attempts"
     FROM "scheduled_reminder"
     WHERE "status" = 'pending' AND "dueAt" <= now() AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= now()) ${only}
     ORDER BY "dueAt" LIMIT $1
     FOR UPDATE SKIP LOCKED`,
    params,
  )) as ClaimedReminder[];
}

/** One multi-row insert; a notification that exists already for this reminder and recipient is skipped. */
async function insertNotifications(em: EntityManager, rows: NotificationRow[]): Promise<void> {
  await em.query(
    `INSERT INTO "notification" ("recipientId", "type", "caseId", "dueAt", "message", "urgent", "jobKey")
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::timestamptz[], $5::text[], $6::boolean[], $7::varchar[])
     ON CONFLICT DO NOTHING`,
    [
      rows.map((n) => n.recipientId),
      rows.map((n) => n.type),
      rows.map((n) => n.caseId),
      rows.map((n) => n.dueAt),
      rows.map((n) => n.message),
      rows.map((n) => n.urgent),
      rows.map((n) => n.jobKey),
    ],
  );
}

/** An error's SQL state (if any) and message; never row data (PostgreSQL puts values in `detail`, not here). */
function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}`;
}
