import { spawn, type ChildProcess } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll } from '@jest/globals';
import { loadConfig } from '@app/platform';
import { createWorkerApp, ReminderPipeline, type WorkerOptions } from '../../apps/worker/src/worker.factory.js';
import { assertFreshBuild } from './build.js';
import { LogCapture, logins, prepareDatabase, testEnv } from './test-app.js';

export interface TestWorker {
  app: INestApplicationContext;
  pipeline: ReminderPipeline;
  logs: LogCapture;
  /** Resolves once this worker has completed `n` more sweeps (each reads the whole due schedule afresh). */
  sweeps(n?: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Fast sweeps and short BullMQ locks for tests. */
export const TEST_WORKER_OPTIONS: WorkerOptions = {
  sweepIntervalMs: 200,
  watchdogIntervalMs: 500,
  retryBaseMs: 200,
  retryMaxMs: 2_000,
  lockDurationMs: 5000,
  stalledIntervalMs: 1000,
  redisTimeoutMs: 1000,
};

/** The worker in-process, on the harness's Postgres and Redis (or `REDIS_URL` in overrides), with fast polling. */
export async function startTestWorker(envOverrides: Record<string, string> = {}, options: WorkerOptions = {}): Promise<TestWorker> {
  await prepareDatabase();
  const logs = new LogCapture();
  const app = await createWorkerApp(loadConfig(testEnv({ DATABASE_URL: logins.worker, ...envOverrides })), {
    ...TEST_WORKER_OPTIONS,
    logDestination: logs,
    ...options,
    mail: { dispatchIntervalMs: 200, backoffMs: 200, digestSchedule: false, ...options.mail },
  });
  const pipeline = app.get(ReminderPipeline);
  return {
    app,
    pipeline,
    logs,
    async sweeps(n = 2, timeoutMs = 20_000) {
      const target = pipeline.sweep.completed + n;
      await waitFor(async () => pipeline.sweep.completed >= target, timeoutMs, `${n} more sweeps`);
    },
    close: () => app.close(),
  };
}

/** Polls `probe` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the output matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves once the process has printed `n` more SWEEP_DONE lines. */
  sweeps(n?: number, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every worker process this test file spawned: none may outlive the file (it would seal and sweep beside the next file's tests). */
const spawned = new Set<ChildProcess>();
afterAll(async () => {
  const alive = [...spawned].filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(alive.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGKILL')))));
  spawned.clear();
});

/**
 * A built worker as a child process: test/harness/worker-process.mjs (test hooks: HANG_AT,
 * prints BATCH_* and SWEEP_DONE), or with `entry` the real apps/worker main.
 */
export function spawnWorkerProcess(envOverrides: Record<string, string> = {}, entry = 'test/harness/worker-process.mjs'): WorkerProcess {
  assertFreshBuild('worker');
  const child = spawn(process.execPath, [entry], {
    cwd: process.cwd(),
    env: { ...testEnv({ DATABASE_URL: logins.worker }), PATH: process.env.PATH, LOG_LEVEL: 'warn', ...envOverrides },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitForOutput = (pattern: RegExp, timeoutMs = 20_000) =>
    waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`worker exited: ${out.slice(-500)}`);
      return out.match(pattern);
    }, timeoutMs, `worker output ${pattern}`);
  return {
    child,
    output: () => out,
    exited,
    waitForOutput,
    async sweeps(n = 2, timeoutMs = 20_000) {
      const count = () => (out.match(/^SWEEP_DONE/gm) ?? []).length;
      const target = count() + n;
      await waitFor(async () => count() >= target, timeoutMs, `${n} more sweeps of the worker process`);
    },
  };
}
