import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REMINDER_QUEUE, REMINDER_SWEEP_SCHEDULER } from '@app/platform';
// @ts-expect-error: plain ESM script without type declarations
import { startRedis, throwawayDir } from '../scripts/embedded-services.mjs';
import { logConcern } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { spawnWorkerProcess, startTestWorker, waitFor, type TestWorker, type WorkerProcess } from './harness/worker.js';

import { jest } from '@jest/globals';

// Each test starts workers (in-process or as processes), waits for reminders due in 2–4 s and for
// the workers' next sweeps; the hooks start and stop a Redis and an API.
jest.setTimeout(90_000);

const SHORT = { REMINDER_UNASSIGNED: 'PT2S', REMINDER_ASSESSMENT_DUE: 'PT2S', REMINDER_CHILD_WELFARE_REPORT: 'PT2S' };
const WORKER_MAIN = 'dist/apps/worker/apps/worker/src/main.js';

/**
 * The reminders these tests time (PT2S); a concern's other reminders (decision_due, P14D) fall due
 * long after the test and are left out of its counts.
 */
const WITHIN_TEST = `now() + interval '1 hour'`;

/** Notifications per reminder of the case: kind → number per recipient, e.g. { unassigned: ['ola.leder'] }. */
async function notesByKind(ds: DataSource, caseId: string): Promise<Record<string, string[]>> {
  const rows: { kind: string; username: string | null }[] = await ds.query(
    `SELECT r.kind, u.username FROM scheduled_reminder r
       LEFT JOIN notification n ON n."jobKey" = r."jobId" LEFT JOIN app_user u ON u.id = n."recipientId"
     WHERE r."caseId" = $1 AND r."dueAt" < ${WITHIN_TEST} ORDER BY r.kind, u.username`,
    [caseId],
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) out[r.kind] = [...(out[r.kind] ?? []), ...(r.username ? [r.username] : [])];
  return out;
}
async function statuses(ds: DataSource, caseId: string): Promise<Record<string, string>> {
  const rows: { kind: string; status: string }[] = await ds.query(`SELECT kind, status FROM scheduled_reminder WHERE "caseId" = $1 AND "dueAt" < ${WITHIN_TEST}`, [caseId]);
  return Object.fromEntries(rows.map((r) => [r.kind, r.status]));
}
const allFired = (s: Record<string, string>, n: number) => Object.keys(s).length === n && Object.values(s).every((x) => x === 'fired');

/** What a concern logged by kari in solsiden-bhg must produce, exactly once each. */
const CONCERN_NOTES = { unassigned: ['ola.leder'], assessment_due: ['kari.ansatt'], assessment_due_leader: ['ola.leder'] };
const URGENT_NOTES = { ...CONCERN_NOTES, child_welfare_report_missing: ['ola.leder'] };

describe('reminders under faults (own Redis): none lost, none doubled', () => {
  let t: TestApp;
  let ds: DataSource;
  let redis: { url: string; port: number; stop(): Promise<void> };
  let redisDir: string;
  let generation = 0;
  const restartRedis = async () => {
    redis = await startRedis({ dataDir: path.join(redisDir, String(++generation)), port: redis.port, persistent: false });
  };
  beforeAll(async () => {
    redisDir = throwawayDir('bti-reminder-faults');
    redis = await startRedis({ dataDir: path.join(redisDir, String(generation)), persistent: false });
    t = await startTestApp({ ...SHORT, REDIS_URL: redis.url });
    ds = t.db;
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('Redis down: a case is logged (201) and its reminders still fire, once; the schedulers come back with Redis', async () => {
    const w = await startTestWorker({ ...SHORT, REDIS_URL: redis.url });
    try {
      await redis.stop();
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'] } });
      await waitFor(async () => allFired(await statuses(ds, c.id), 4), 30_000, 'all four fired without Redis');
      await restartRedis();
      const queue = new Queue(REMINDER_QUEUE, { connection: { url: redis.url } });
      try {
        await waitFor(async () => queue.getJobScheduler(REMINDER_SWEEP_SCHEDULER), 20_000, 'sweep scheduler restored');
      } finally {
        await queue.close();
      }
      await w.sweeps(2);
      expect(await notesByKind(ds, c.id)).toEqual(URGENT_NOTES);
    } finally {
      await w.close();
    }
  });

  it('Redis flushed (FLUSHALL) under a running worker: the schedulers are re-created and the reminders fire once', async () => {
    const w = await startTestWorker({ ...SHORT, REDIS_URL: redis.url });
    const queue = new Queue(REMINDER_QUEUE, { connection: { url: redis.url } });
    try {
      await waitFor(async () => queue.getJobScheduler(REMINDER_SWEEP_SCHEDULER), 10_000, 'scheduler');
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const client = new Redis(redis.url);
      await client.flushall();
      client.disconnect();
      expect(await queue.getJobScheduler(REMINDER_SWEEP_SCHEDULER)).toBeUndefined();
      await waitFor(async () => allFired(await statuses(ds, c.id), 3), 30_000, 'fired after the flush');
      await waitFor(async () => queue.getJobScheduler(REMINDER_SWEEP_SCHEDULER), 10_000, 'scheduler re-created');
      await w.sweeps(2);
      expect(await notesByKind(ds, c.id)).toEqual(CONCERN_NOTES);
    } finally {
      await queue.close();
      await w.close();
    }
  });

  /** Starts a worker process that hangs at `hangAt` in its first batch; returns it and the held reminder ids. */
  async function workerHeldAt(hangAt: 'before_commit' | 'after_commit'): Promise<{ proc: WorkerProcess; caseId: string; held: string[] }> {
    const proc = spawnWorkerProcess({ ...SHORT, REDIS_URL: redis.url, HANG_AT: hangAt });
    try {
      await proc.waitForOutput(/WORKER_READY/);
      await proc.sweeps(3); // the job scheduler drives the sweeps by now
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const [, ids] = await proc.waitForOutput(/BATCH_HELD (\S+)/);
      return { proc, caseId: c.id, held: ids.split(',') };
    } catch (error) {
      // A hung batch holds its transaction open: left alive it would stall sealing for the whole run.
      proc.child.kill('SIGKILL');
      throw error;
    }
  }

  it('worker killed after writing the notifications, before its transaction commits: they fire once on the next worker', async () => {
    const { proc, caseId, held } = await workerHeldAt('before_commit');
    let w: TestWorker | undefined;
    try {
      // Written but uncommitted: from outside nothing has happened yet.
      const rows: { status: string }[] = await ds.query(`SELECT status FROM scheduled_reminder WHERE id = ANY($1)`, [held]);
      expect(rows.map((r) => r.status)).toEqual(held.map(() => 'pending'));
      proc.child.kill('SIGKILL');
      await proc.exited;
      w = await startTestWorker({ ...SHORT, REDIS_URL: redis.url });
      await waitFor(async () => allFired(await statuses(ds, caseId), 3), 30_000, 'fired by the next worker');
      await w.sweeps(2);
      expect(await notesByKind(ds, caseId)).toEqual(CONCERN_NOTES);
    } finally {
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
      await w?.close();
    }
  });

  it('worker killed after its batch committed, before the sweep job was acknowledged: the job is redelivered, re-added after removal, and nothing doubles', async () => {
    const { proc, caseId, held } = await workerHeldAt('after_commit');
    const queue = new Queue(REMINDER_QUEUE, { connection: { url: redis.url } });
    let w: TestWorker | undefined;
    try {
      // The held batch runs in a sweep job, or in a sweep the worker woke for itself (a reminder due
      // before the next period): then the next sweep job joins that sweep and waits on it. Either
      // way a due_sweep job is active and never acknowledged.
      const active = await waitFor(async () => (await queue.getActive())[0], 10_000, 'a sweep job waiting on the held batch');
      expect(active.name).toBe('due_sweep');
      const fired: { status: string }[] = await ds.query(`SELECT status FROM scheduled_reminder WHERE id = ANY($1)`, [held]);
      expect(fired.map((r) => r.status)).toEqual(held.map(() => 'fired'));
      proc.child.kill('SIGKILL');
      await proc.exited;
      w = await startTestWorker({ ...SHORT, REDIS_URL: redis.url }, { lockDurationMs: 1500, stalledIntervalMs: 500 });
      // The stalled job is taken over and run again (or failed as stalled): it leaves `active`.
      await waitFor(async () => ['completed', 'failed'].includes(await active.getState()), 30_000, 'redelivered job settled');
      // Re-adding the removed job id runs one more sweep over the same schedule.
      await queue.remove(active.id!);
      const again = await queue.add('due_sweep', {}, { jobId: active.id! });
      await waitFor(async () => (await again.getState()) === 'completed', 20_000, 're-added job ran');
      await waitFor(async () => allFired(await statuses(ds, caseId), 3), 30_000, 'the rest fired');
      await w.sweeps(2);
      expect(await notesByKind(ds, caseId)).toEqual(CONCERN_NOTES);
    } finally {
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
      await queue.close();
      await w?.close();
    }
  });

  it('SIGTERM through the real entry point (apps/worker main): the running batch finishes and commits, then exit 0', async () => {
    const worker = spawnWorkerProcess({ ...SHORT, REDIS_URL: redis.url, LOG_LEVEL: 'info' }, WORKER_MAIN);
    const blocker = ds.createQueryRunner();
    try {
      await worker.waitForOutput(/Worker startet/);
      // Holds the notification table: the worker's batch will wait inside its transaction.
      await blocker.startTransaction();
      await blocker.query('LOCK TABLE notification IN SHARE ROW EXCLUSIVE MODE');
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const waitingInsert = async () =>
        (await ds.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "notification"%'`)).length > 0;
      await waitFor(waitingInsert, 20_000, 'the batch waiting on its notification insert');
      worker.child.kill('SIGTERM');
      await worker.waitForOutput(/SIGTERM: stopper/);
      // The signal arrived while the batch was running, and the process waits for it.
      expect(await waitingInsert()).toBe(true);
      expect(worker.child.exitCode).toBeNull();
      await blocker.rollbackTransaction();
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      const s = await statuses(ds, c.id);
      const firedKinds = Object.keys(s).filter((k) => s[k] === 'fired');
      expect(firedKinds.length).toBeGreaterThan(0);
      const notes = await notesByKind(ds, c.id);
      for (const kind of firedKinds) expect(notes[kind]).toEqual(CONCERN_NOTES[kind as keyof typeof CONCERN_NOTES]);
      for (const kind of Object.keys(s).filter((k) => s[k] === 'pending')) expect(notes[kind]).toEqual([]);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    }
  });
});
