import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { reminderJob, type ReminderQueue, type ReminderRowForJob } from './reminder-queue.js';
import { withTimeout, type ResolvedWorkerOptions } from './worker-options.js';

const CHUNK = 200;

/**
 * Rebuilds missing delayed jobs from the database: every pending reminder whose job Redis does not
 * know (a flushed or replaced Redis) is added again, with its deterministic id and the remaining
 * delay. Runs at worker start and periodically.
 */
export class Reconciliation {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    private readonly ds: DataSource,
    private readonly reminders: ReminderQueue,
    private readonly options: ResolvedWorkerOptions,
  ) {}

  /** Returns the number of jobs restored. */
  async run(): Promise<number> {
    if (!this.reminders.ready) throw new Error('Redis er ikke tilkoblet');
    const rows = (await this.ds.query(
      `SELECT "id", "jobId", "caseId", "kind", "dueAt" FROM "scheduled_reminder" WHERE "status" = 'pending' ORDER BY "dueAt"`,
    )) as ReminderRowForJob[];
    let restored = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const pipeline = this.reminders.connection.pipeline();
      for (const r of chunk) pipeline.exists(this.reminders.queue.toKey(r.jobId));
      const results = (await withTimeout(pipeline.exec(), this.options.redisTimeoutMs, 'exists')) ?? [];
      const missing = chunk.filter((_, j) => results[j]?.[1] === 0);
      if (missing.length === 0) continue;
      const now = Date.now();
      await withTimeout(this.reminders.queue.addBulk(missing.map((r) => reminderJob(r, now))), this.options.redisTimeoutMs, 'addBulk');
      restored += missing.length;
    }
    if (restored > 0) this.logger.log(`Gjenopprettet ${restored} påminnelse(r) som manglet i Redis`);
    return restored;
  }
}
