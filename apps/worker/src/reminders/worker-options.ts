import { DEFAULT_REMINDER_WORKER, type ReminderWorkerConfig } from '@app/platform';

/** What one batch did (test hooks and logs see ids only). */
export interface BatchOutcome {
  claimed: string[];
  fired: string[];
  obsolete: string[];
}

/**
 * Tuning of the worker. Concurrency, batch size and sweep period come from the validated
 * environment (`AppConfig.reminderWorker`); the rest are defaults that tests shorten.
 */
export interface WorkerOptions extends Partial<ReminderWorkerConfig> {
  /** Backoff of a reminder whose firing failed: base·2^(attempts−1), capped (ms). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How often each worker checks that the job schedulers exist and that sweeps are running (ms). */
  watchdogIntervalMs?: number;
  /** Settled reminders are deleted after this long (ms). */
  settledRetentionMs?: number;
  /** Period of the retention job (ms) and rows deleted per statement. */
  retentionIntervalMs?: number;
  retentionPageSize?: number;
  /** BullMQ lock of the running sweep job (ms); a killed worker's job is taken over after this. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Redis calls give up after this (ms), so a Redis outage never blocks the database side. */
  redisTimeoutMs?: number;
  /** Log destination (tests). */
  logDestination?: NodeJS.WritableStream;
  /** Test hooks around a batch's commit (fault tests kill the process in them). */
  beforeBatchCommit?: (outcome: BatchOutcome) => Promise<void>;
  afterBatchCommit?: (outcome: BatchOutcome) => Promise<void>;
  /** Test hook: a sweep finished (whatever it found). */
  afterSweep?: (claimed: number) => void;
}

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

export const DEFAULT_WORKER_OPTIONS = {
  ...DEFAULT_REMINDER_WORKER,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  watchdogIntervalMs: 5_000,
  settledRetentionMs: 90 * 24 * 3600 * 1000,
  retentionIntervalMs: 3600 * 1000,
  retentionPageSize: 5_000,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  redisTimeoutMs: 5_000,
};

export type ResolvedWorkerOptions = typeof DEFAULT_WORKER_OPTIONS &
  Pick<WorkerOptions, 'logDestination' | 'beforeBatchCommit' | 'afterBatchCommit' | 'afterSweep'>;

/** Defaults, then the environment's reminder-worker settings, then explicit options (tests). */
export function resolveWorkerOptions(config: ReminderWorkerConfig, options: WorkerOptions = {}): ResolvedWorkerOptions {
  const out = { ...DEFAULT_WORKER_OPTIONS, ...config } as ResolvedWorkerOptions;
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}

/** Rejects after `ms` (the underlying call may still complete later; every Redis call here is idempotent). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: Redis svarte ikke innen ${ms} ms`)), ms);
    }),
  ]);
}
