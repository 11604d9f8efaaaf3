import { Logger } from '@nestjs/common';
import type { ReminderFiring } from './reminder-firing.js';
import type { ResolvedWorkerOptions } from './worker-options.js';

/**
 * One sweep fires everything that is due: `concurrency` lanes, each claiming and firing batches
 * until a batch comes back short. A sweep asked for while one runs is run again right after it
 * (what fell due meanwhile does not wait a period); sweeps of several workers share the rows
 * through SKIP LOCKED. A sweep also is the reconciliation: the database's schedule is read afresh
 * every time, so whatever was missed (an outage of the database, Redis or the worker) fires on
 * the first sweep after recovery.
 *
 * The scheduler's period bounds how late a reminder can be; to be punctual, each sweep looks up
 * the next reminder due before the next period (one probe of the pending index) and wakes for it.
 */
export class DueSweep {
  private readonly logger = new Logger('DueSweep');
  private running: Promise<number> | null = null;
  private again = false;
  private stopping = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  /** Completed sweeps of this process and when the last one ended (the watchdog reads these). */
  completed = 0;
  lastCompletedAt = 0;
  /** Sweeps that failed (the database unreachable): the next one retries, nothing was taken. */
  failed = 0;

  constructor(
    private readonly firing: ReminderFiring,
    private readonly options: ResolvedWorkerOptions,
  ) {}

  /** Returns the number of reminders claimed. */
  run(): Promise<number> {
    if (this.stopping) return Promise.resolve(0);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.sweep().finally(() => {
      this.running = null;
      if (this.again && !this.stopping) {
        this.again = false;
        void this.run().catch(() => undefined); // a failure is counted in `failed`; the scheduler retries
      }
    });
    return this.running;
  }

  /** Lanes finish the batch they are in (it commits) and take no new one. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    await this.running?.catch(() => undefined);
  }

  private async sweep(): Promise<number> {
    const lanes = Array.from({ length: this.options.concurrency }, () => this.lane());
    const results = await Promise.allSettled(lanes);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      this.failed++;
      throw failed.reason;
    }
    const claimed = results.reduce((sum, r) => sum + (r as PromiseFulfilledResult<number>).value, 0);
    this.completed++;
    this.lastCompletedAt = Date.now();
    this.options.afterSweep?.(claimed);
    if (claimed >= this.options.batchSize) this.logger.log(`Sveip: ${claimed} påminnelse(r) behandlet`);
    await this.wakeForNextDue();
    return claimed;
  }

  /** Sets a timer for the next reminder that falls due before the scheduler's next sweep. */
  private async wakeForNextDue(): Promise<void> {
    if (this.stopping) return;
    const inMs = await this.firing.nextDueWithin(this.options.sweepIntervalMs).catch(() => null);
    if (inMs === null || this.stopping) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      void this.run().catch(() => undefined);
    }, inMs);
    this.wakeTimer.unref();
  }

  private async lane(): Promise<number> {
    let total = 0;
    while (!this.stopping) {
      const outcome = await this.firing.fireNext();
      total += outcome.claimed.length;
      // Done when a batch settles fewer than it may take: nothing more is due, or what it left
      // pending (its case busy, a failure backing off) waits for the next sweep instead of being
      // claimed again at once in a tight loop.
      if (outcome.fired.length + outcome.obsolete.length < this.options.batchSize) break;
    }
    return total;
  }
}
