import { Logger } from '@nestjs/common';
import { createRedis, REMINDER_JOB_OPTIONS, REMINDER_QUEUE, type ReminderJobData, type ReminderJobName } from '@app/platform';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/** The fields of a scheduled_reminder row a job is built from. */
export interface ReminderRowForJob {
  id: string;
  jobId: string;
  caseId: string;
  kind: string;
  dueAt: Date | string;
}

/** A delayed job for a reminder row: deterministic id, ids-only payload, delay until dueAt. */
export function reminderJob(row: ReminderRowForJob, now = Date.now()): { name: ReminderJobName; data: ReminderJobData; opts: JobsOptions } {
  return {
    name: row.kind as ReminderJobName,
    data: { reminderId: row.id, caseId: row.caseId },
    opts: { ...REMINDER_JOB_OPTIONS, jobId: row.jobId, delay: Math.max(0, new Date(row.dueAt).getTime() - now) },
  };
}

/** The producer side of the reminder queue, on its own Redis connection. */
export class ReminderQueue {
  private readonly logger = new Logger('ReminderQueue');
  readonly connection: Redis;
  readonly queue: Queue<ReminderJobData>;

  constructor(redisUrl: string) {
    this.connection = createRedis(redisUrl);
    this.connection.on('error', () => undefined); // reconnects on its own; the relay waits for 'ready'
    this.queue = new Queue<ReminderJobData>(REMINDER_QUEUE, { connection: this.connection });
    this.queue.on('error', (error) => this.logger.warn(`Kø-feil: ${error.message}`));
  }

  get ready(): boolean {
    return this.connection.status === 'ready';
  }

  /** Resolves true once connected (false after `timeoutMs`). */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.ready) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.connection.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.connection.on('ready', onReady);
    });
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
