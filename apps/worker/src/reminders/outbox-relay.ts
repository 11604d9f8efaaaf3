import { Logger } from '@nestjs/common';
import type { ReminderCancelledPayload, ReminderScheduledPayload } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { reminderJob, type ReminderQueue, type ReminderRowForJob } from './reminder-queue.js';
import { withTimeout, type ResolvedWorkerOptions } from './worker-options.js';

interface OutboxRecord {
  id: string;
  type: 'reminder_scheduled' | 'reminder_cancelled';
  caseId: string;
  payload: ReminderScheduledPayload | ReminderCancelledPayload;
}

/**
 * Moves outbox rows to BullMQ. Each tick locks a batch (`FOR UPDATE SKIP LOCKED`, so several
 * workers share the work), adds delayed jobs with the reminders' deterministic ids (a re-run
 * adds nothing twice), removes cancelled reminders' jobs, and marks the rows delivered. When Redis
 * is unreachable the transaction rolls back and the rows wait for the next tick.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> = Promise.resolve();
  private stopped = true;
  private failing = false;
  private lastCleanup = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly reminders: ReminderQueue,
    private readonly options: ResolvedWorkerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.loop();
    }, ms);
  }

  private async loop(): Promise<void> {
    let moved = 0;
    try {
      moved = await this.tick();
      if (this.failing) this.logger.log('Utboksen leveres igjen');
      this.failing = false;
      await this.cleanup();
    } catch (error) {
      if (!this.failing) this.logger.warn(`Utboksen kunne ikke leveres, prøver igjen: ${(error as Error).message}`);
      this.failing = true;
    }
    // A full batch: go on at once; otherwise wait for the next poll.
    this.schedule(moved >= this.options.relayBatchSize ? 0 : this.options.relayIntervalMs);
  }

  /** One batch; returns the number of outbox rows delivered. */
  async tick(): Promise<number> {
    if (!this.reminders.ready) throw new Error('Redis er ikke tilkoblet');
    return this.ds.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT "id", "type", "caseId", "payload" FROM "outbox" WHERE "deliveredAt" IS NULL ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.relayBatchSize],
      )) as OutboxRecord[];
      if (rows.length === 0) return 0;

      const scheduledIds = rows
        .filter((r) => r.type === 'reminder_scheduled')
        .map((r) => (r.payload as ReminderScheduledPayload).reminderId);
      if (scheduledIds.length > 0) {
        // Only still-pending reminders become jobs: one cancelled before delivery needs none.
        const pending = (await em.query(
          `SELECT "id", "jobId", "caseId", "kind", "dueAt" FROM "scheduled_reminder" WHERE "id" = ANY($1::uuid[]) AND "status" = 'pending'`,
          [scheduledIds],
        )) as ReminderRowForJob[];
        if (pending.length > 0) {
          const now = Date.now();
          await withTimeout(this.reminders.queue.addBulk(pending.map((r) => reminderJob(r, now))), this.options.redisTimeoutMs, 'addBulk');
        }
      }
      for (const row of rows.filter((r) => r.type === 'reminder_cancelled')) {
        for (const jobId of (row.payload as ReminderCancelledPayload).jobIds) {
          // 0 when missing or running: harmless, the processor sees the cancelled row.
          await withTimeout(this.reminders.queue.remove(jobId), this.options.redisTimeoutMs, 'remove');
        }
      }
      await em.query(`UPDATE "outbox" SET "deliveredAt" = now(), "attempts" = "attempts" + 1 WHERE "id" = ANY($1::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /** Delivered rows are kept for a while (for tracing), then deleted. */
  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await this.ds.query(`DELETE FROM "outbox" WHERE "deliveredAt" < now() - make_interval(secs => $1)`, [
      this.options.outboxRetentionMs / 1000,
    ]);
  }
}
