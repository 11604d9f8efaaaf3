import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REMINDER_QUEUE, REMINDER_SWEEP_JOB, REMINDER_SWEEP_SCHEDULER } from '@app/platform';
import { logConcern } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

import { jest } from '@jest/globals';

jest.setTimeout(90_000);

/** A long scheduler period, so that a reminder fired before the next scheduled sweep can only have been woken for. */
const PERIOD_MS = 30_000;

describe('the due-sweep: punctual, and never spinning on what it cannot fire yet', () => {
  let t: TestApp;
  let w: TestWorker;
  let ds: DataSource;
  let redis: Redis;
  let queue: Queue;
  beforeAll(async () => {
    t = await startTestApp();
    redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    queue = new Queue(REMINDER_QUEUE, { connection: redis });
    // As an earlier file's worker leaves it in the shared Redis: a scheduler with another period.
    await queue.upsertJobScheduler(REMINDER_SWEEP_SCHEDULER, { every: 200 }, { name: REMINDER_SWEEP_JOB, data: {} });
    w = await startTestWorker({}, { sweepIntervalMs: PERIOD_MS });
    ds = t.db;
  });
  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await w?.close();
    await t?.close();
  });

  /**
   * When the scheduler's next sweep is due (ms since the epoch); waits until this file's worker has
   * set the scheduler to its period (the Redis is shared: an earlier file's worker left its own).
   */
  async function nextScheduledSweep(): Promise<number> {
    return waitFor(
      async () => {
        const scheduler = await queue.getJobScheduler(REMINDER_SWEEP_SCHEDULER);
        return scheduler?.every === PERIOD_MS && scheduler.next;
      },
      20_000,
      `the sweep scheduler with a ${PERIOD_MS} ms period`,
    );
  }

  it('a reminder due between two scheduled sweeps fires at its time, before the next scheduled sweep', async () => {
    let next = await nextScheduledSweep();
    // Leave room: the reminder must fall due well before the scheduler's next sweep.
    if (next - Date.now() < 10_000) {
      await waitFor(async () => (await nextScheduledSweep()) > next, PERIOD_MS + 10_000, 'the scheduled sweep to pass');
      next = await nextScheduledSweep();
    }
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const dueAt = new Date(Date.now() + 2_000);
    await ds.query(`UPDATE scheduled_reminder SET "dueAt" = $2 WHERE "caseId" = $1 AND kind = 'unassigned'`, [c.id, dueAt]);
    // A sweep now (as the scheduler or the watchdog would run one) finds it due within the period.
    await w.pipeline.sweep.run();
    const [fired] = await waitFor(
      async () => {
        const rows: { settledAt: Date; status: string }[] = await ds.query(
          `SELECT "settledAt", status FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'unassigned' AND status <> 'pending'`,
          [c.id],
        );
        return rows.length === 1 && rows;
      },
      PERIOD_MS + 10_000,
      'the unassigned reminder to settle',
    );
    expect(fired.status).toBe('fired');
    expect(fired.settledAt.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(fired.settledAt.getTime()).toBeLessThan(next);
  });

  it('a full batch whose cases are all busy stays pending and ends the sweep (no tight loop of claims); it fires once the case is free', async () => {
    const busyWorker = await startTestWorker({}, { sweepIntervalMs: PERIOD_MS, batchSize: 1, concurrency: 1 });
    const holder = ds.createQueryRunner();
    try {
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      await ds.query(`UPDATE scheduled_reminder SET "dueAt" = now() - interval '1 second' WHERE "caseId" = $1 AND kind = 'unassigned'`, [c.id]);
      // Something holds the case FOR UPDATE (a DELETE, manual SQL): the batch skips the case and leaves its reminder pending.
      await holder.connect();
      await holder.startTransaction();
      await holder.query(`SELECT 1 FROM bti_case WHERE id = $1 FOR UPDATE`, [c.id]);
      let batches = 0;
      const firing = busyWorker.pipeline.firing;
      const fireNext = firing.fireNext.bind(firing);
      firing.fireNext = async () => {
        batches++;
        return fireNext();
      };
      // Each batch of one claims the busy reminder again; a lane that went on while its batches were
      // full would claim it for as long as the case is held. The sweep must end on its own.
      let ended = false;
      const sweep = busyWorker.pipeline.sweep.run().then(() => (ended = true));
      await waitFor(async () => ended, 20_000, 'the sweep to end while the case is held');
      await sweep;
      const status = async () => (await ds.query(`SELECT status FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'unassigned'`, [c.id]))[0].status;
      expect(await status()).toBe('pending');
      expect(batches).toBeGreaterThanOrEqual(1);
      await holder.commitTransaction();
      await busyWorker.pipeline.sweep.run();
      await waitFor(async () => (await status()) === 'fired', 20_000, 'the reminder to fire once the case is free');
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await busyWorker.close();
    }
  });
});
