import { Logger } from '@nestjs/common';
import {
  createRedis,
  REMINDER_JOB_OPTIONS,
  REMINDER_QUEUE,
  REMINDER_RETENTION_JOB,
  REMINDER_RETENTION_SCHEDULER,
  REMINDER_SWEEP_JOB,
  REMINDER_SWEEP_SCHEDULER,
  type ReminderJobData,
} from '@app/platform';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { withTimeout, type ResolvedWorkerOptions } from './worker-options.js';

/**
 * The Redis side of the reminders: two BullMQ job schedulers (a due-sweep every
 * `sweepIntervalMs`, retention every `retentionIntervalMs`) and the worker that runs their jobs.
 * Redis holds nothing per reminder, so losing it loses nothing: `ensureSchedulers` puts the
 * schedulers back (the pipeline's watchdog calls it every few seconds).
 */
export class ReminderJobs {
  private readonly logger = new Logger('ReminderJobs');
  private readonly connection: Redis;
  private readonly workerConnection: Redis;
  readonly queue: Queue<ReminderJobData>;
  private worker: Worker<ReminderJobData> | null = null;

  constructor(
    redisUrl: string,
    private readonly options: ResolvedWorkerOptions,
  ) {
    this.connection = createRedis(redisUrl);
    this.connection.on('error', () => undefined); // reconnects on its own; the watchdog checks `ready`
    this.workerConnection = createRedis(redisUrl);
    this.workerConnection.on('error', () => undefined);
    this.queue = new Queue<ReminderJobData>(REMINDER_QUEUE, { connection: this.connection });
    this.queue.on('error', (error) => this.logger.warn(`Kø-feil: ${error.message}`));
  }

  get ready(): boolean {
    return this.connection.status === 'ready';
  }

  /** Starts taking sweep and retention jobs. */
  start(handlers: { sweep: () => Promise<unknown>; retention: () => Promise<unknown> }): void {
    this.worker = new Worker<ReminderJobData>(
      REMINDER_QUEUE,
      (job: Job<ReminderJobData>) => (job.name === REMINDER_RETENTION_JOB ? handlers.retention() : handlers.sweep()),
      {
        connection: this.workerConnection,
        // A sweep and a retention run may overlap; two sweeps in one process join (DueSweep).
        concurrency: 2,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
      },
    );
    this.worker.on('error', (error) => this.logger.warn(`Worker-feil: ${error.message}`));
    this.worker.on('failed', (job, error) => this.logger.warn(`Jobb ${job?.name ?? '?'} feilet: ${error.message}`));
  }

  /**
   * Creates the schedulers that are missing (a new Redis, or one that was flushed). Returns
   * whether the sweep scheduler is alive: it exists and its next run is not overdue (some worker
   * takes its jobs).
   */
  async ensureSchedulers(): Promise<boolean> {
    const t = this.options.redisTimeoutMs;
    const sweep = await withTimeout(this.queue.getJobScheduler(REMINDER_SWEEP_SCHEDULER), t, 'getJobScheduler');
    if (!sweep || sweep.every !== this.options.sweepIntervalMs) {
      await withTimeout(
        this.queue.upsertJobScheduler(REMINDER_SWEEP_SCHEDULER, { every: this.options.sweepIntervalMs }, { name: REMINDER_SWEEP_JOB, data: {}, opts: REMINDER_JOB_OPTIONS }),
        t,
        'upsertJobScheduler',
      );
      if (!sweep) this.logger.log('Sveip-planleggeren er opprettet i Redis');
    }
    const retention = await withTimeout(this.queue.getJobScheduler(REMINDER_RETENTION_SCHEDULER), t, 'getJobScheduler');
    if (!retention || retention.every !== this.options.retentionIntervalMs) {
      await withTimeout(
        this.queue.upsertJobScheduler(
          REMINDER_RETENTION_SCHEDULER,
          { every: this.options.retentionIntervalMs },
          { name: REMINDER_RETENTION_JOB, data: {}, opts: REMINDER_JOB_OPTIONS },
        ),
        t,
        'upsertJobScheduler',
      );
    }
    const overdueBy = sweep?.next ? Date.now() - sweep.next : 0;
    return sweep !== undefined && overdueBy < 3 * this.options.sweepIntervalMs + this.options.watchdogIntervalMs;
  }

  /** Waits for the running job (a sweep finishes its batches) and disconnects. */
  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close().catch(() => undefined);
    await this.workerConnection.quit().catch(() => this.workerConnection.disconnect());
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
