import type { Job } from 'bullmq';

/** Tuning of the worker; tests shorten the intervals. */
export interface WorkerOptions {
  /** Outbox relay poll interval (ms). */
  relayIntervalMs?: number;
  /** Outbox rows per relay transaction. */
  relayBatchSize?: number;
  /** Delivered outbox rows are deleted after this long (ms). */
  outboxRetentionMs?: number;
  /** Reconciliation runs at start and then this often (ms). */
  reconcileIntervalMs?: number;
  /** Parallel reminder jobs. */
  concurrency?: number;
  /** BullMQ job lock (ms); a killed worker's job is taken over after this. */
  lockDurationMs?: number;
  /** BullMQ stalled-job check interval (ms). */
  stalledIntervalMs?: number;
  /** Redis calls of the relay give up after this (ms), so a Redis outage never blocks the database. */
  redisTimeoutMs?: number;
  /** Log destination (tests). */
  logDestination?: NodeJS.WritableStream;
  /** Test hook: runs before a job is processed (e.g. to make it slow). */
  beforeJob?: (job: Job) => Promise<void>;
}

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

export const DEFAULT_WORKER_OPTIONS = {
  relayIntervalMs: 250,
  relayBatchSize: 200,
  outboxRetentionMs: 7 * 24 * 3600 * 1000,
  reconcileIntervalMs: 10 * 60 * 1000,
  concurrency: 5,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  redisTimeoutMs: 5_000,
};

export type ResolvedWorkerOptions = typeof DEFAULT_WORKER_OPTIONS & Pick<WorkerOptions, 'logDestination' | 'beforeJob'>;

export function resolveWorkerOptions(options: WorkerOptions = {}): ResolvedWorkerOptions {
  const out = { ...DEFAULT_WORKER_OPTIONS } as ResolvedWorkerOptions;
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
