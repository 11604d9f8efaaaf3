import { Logger } from '@nestjs/common';
import { createRedis, MAIL_JOB_OPTIONS, MAIL_QUEUE, type MailJobData } from '@app/platform';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ResolvedMailOptions } from './mail-options.js';

/** The id of the job scheduler that starts the digest run at 07:30 Oslo time. */
export const DIGEST_SCHEDULER_ID = 'mail-digest-0730';

/**
 * The producer side of the mail queue, on its own Redis connection. Job ids are the row ids, so
 * adding a job twice (dispatcher and reconciliation, or two workers) is a no-op.
 */
export class MailQueue {
  private readonly logger = new Logger('MailQueue');
  readonly connection: Redis;
  readonly queue: Queue<MailJobData, unknown, string>;

  constructor(
    redisUrl: string,
    private readonly options: ResolvedMailOptions,
  ) {
    this.connection = createRedis(redisUrl);
    this.connection.on('error', () => undefined); // reconnects on its own; callers time out
    this.queue = new Queue<MailJobData, unknown, string>(MAIL_QUEUE, { connection: this.connection });
    this.queue.on('error', (error) => this.logger.warn(`Kø-feil: ${error.message}`));
  }

  private jobOptions(jobId: string): JobsOptions {
    return { ...MAIL_JOB_OPTIONS, attempts: this.options.attempts, backoff: { type: 'exponential', delay: this.options.backoffMs }, jobId };
  }

  /** One `notice` job per delivery id. */
  async addNotices(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.bounded(this.queue.addBulk(deliveryIds.map((deliveryId) => ({ name: 'notice' as const, data: { deliveryId }, opts: this.jobOptions(deliveryId) }))));
  }

  /** One `digest` job per digest id. */
  async addDigests(digestIds: string[]): Promise<void> {
    if (digestIds.length === 0) return;
    await this.bounded(this.queue.addBulk(digestIds.map((digestId) => ({ name: 'digest' as const, data: { digestId }, opts: this.jobOptions(digestId) }))));
  }

  /** One `citizen-notice` job per citizen_notice id. */
  async addCitizenNotices(noticeIds: string[]): Promise<void> {
    if (noticeIds.length === 0) return;
    await this.bounded(this.queue.addBulk(noticeIds.map((noticeId) => ({ name: 'citizen-notice' as const, data: { noticeId }, opts: this.jobOptions(noticeId) }))));
  }

  /** 07:30 Europe/Oslo every day; the run itself skips days that are not working days. */
  async scheduleDigestRun(): Promise<void> {
    await this.bounded(
      this.queue.upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: '30 7 * * *', tz: 'Europe/Oslo' },
        { name: 'digest-run', data: {}, opts: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 }, removeOnComplete: 30, removeOnFail: 100 } },
      ),
    );
  }

  /** Redis calls give up after a while, so an outage never blocks the dispatcher's loop. */
  private bounded<T>(promise: Promise<T>, ms = 5_000): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([
      promise.finally(() => clearTimeout(timer)),
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis svarte ikke innen ${ms} ms`)), ms);
      }),
    ]);
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
