import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * A `POST /cases` retried with the same Idempotency-Key within this time replays the first answer;
 * after it, the key is forgotten (clients retry within minutes; a week is generous).
 */
export const IDEMPOTENCY_KEY_RETENTION_MS = 7 * 24 * 3600 * 1000;
const RUN_EVERY_MS = 3600 * 1000;
const BATCH = 5000;

/**
 * Deletes remembered Idempotency-Keys older than the retention, hourly, in batches of short
 * transactions (a long one would hold back the audit sealer, which waits for older transactions).
 */
@Injectable()
export class IdempotencyKeyRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('IdempotencyKeyRetention');
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();

  constructor(private readonly ds: DataSource) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  /** Deletes every key older than `retentionMs`; returns how many. */
  async runOnce(retentionMs = IDEMPOTENCY_KEY_RETENTION_MS): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.ds.query(
        `DELETE FROM idempotency_key WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM idempotency_key WHERE "createdAt" < now() - make_interval(secs => $1) LIMIT $2))`,
        [retentionMs / 1000, BATCH],
      )) as [unknown, number];
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.current = this.runOnce()
        .catch((error: unknown) => this.logger.warn(`Gamle Idempotency-Key-er kunne ikke slettes: ${(error as Error).message}`))
        .finally(() => {
          if (this.timer) this.schedule(RUN_EVERY_MS);
        });
    }, ms);
  }
}
