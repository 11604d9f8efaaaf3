import { spawn, type ChildProcess } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@app/platform';
import { createWorkerApp, ReminderPipeline, type WorkerOptions } from '../../apps/worker/src/worker.factory.js';
import { LogCapture, prepareDatabase, testEnv } from './test-app.js';

export interface TestWorker {
  app: INestApplicationContext;
  pipeline: ReminderPipeline;
  logs: LogCapture;
  close(): Promise<void>;
}

/** The worker in-process, on the harness's Postgres and Redis (or `REDIS_URL` in overrides), with fast polling. */
export async function startTestWorker(envOverrides: Record<string, string> = {}, options: WorkerOptions = {}): Promise<TestWorker> {
  await prepareDatabase();
  const logs = new LogCapture();
  const app = await createWorkerApp(loadConfig(testEnv(envOverrides)), {
    relayIntervalMs: 100,
    lockDurationMs: 5000,
    stalledIntervalMs: 1000,
    redisTimeoutMs: 1000,
    logDestination: logs,
    ...options,
    mail: { dispatchIntervalMs: 200, backoffMs: 200, digestSchedule: false, ...options.mail },
  });
  return { app, pipeline: app.get(ReminderPipeline), logs, close: () => app.close() };
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
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The built worker as a child process (test/harness/worker-process.mjs). */
export function spawnWorkerProcess(envOverrides: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['test/harness/worker-process.mjs'], {
    cwd: process.cwd(),
    env: { ...testEnv(envOverrides), PATH: process.env.PATH, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => out,
    exited,
    waitForOutput: (pattern, timeoutMs = 20_000) =>
      waitFor(async () => {
        if (child.exitCode !== null) throw new Error(`worker exited: ${out.slice(-500)}`);
        return out.match(pattern);
      }, timeoutMs, `worker output ${pattern}`),
  };
}
