import { MAIL_JOB_OPTIONS } from '@app/platform';

/** Tuning of the e-mail notices in the worker; tests shorten the intervals and the backoff. */
export interface MailOptions {
  /** The dispatcher looks for new notifications this often (ms), and at once on a NOTIFY. */
  dispatchIntervalMs?: number;
  /** Pending deliveries whose job went missing (Redis lost it) are re-enqueued this often (ms). */
  reconcileIntervalMs?: number;
  /** Notifications per dispatcher query. */
  batchSize?: number;
  /** Notifications older than this are not mailed (hours): bounds the dispatcher's scan. */
  lookbackHours?: number;
  /** Attempts of one e-mail before it lands in the failed set. */
  attempts?: number;
  /** First retry delay (ms); doubles each attempt. */
  backoffMs?: number;
  /** Parallel mail jobs. */
  concurrency?: number;
  /** Register the 07:30 digest job scheduler (tests trigger the digest run themselves). */
  digestSchedule?: boolean;
  /** LISTEN for new notifications (the interval is the fallback). */
  listen?: boolean;
}

export const MAIL_OPTIONS = Symbol('MAIL_OPTIONS');

export const DEFAULT_MAIL_OPTIONS: Required<MailOptions> = {
  dispatchIntervalMs: 5_000,
  reconcileIntervalMs: 5 * 60_000,
  batchSize: 200,
  lookbackHours: 48,
  attempts: MAIL_JOB_OPTIONS.attempts,
  backoffMs: MAIL_JOB_OPTIONS.backoff.delay,
  concurrency: 5,
  digestSchedule: true,
  listen: true,
};

export type ResolvedMailOptions = Required<MailOptions>;

export function resolveMailOptions(options: MailOptions = {}): ResolvedMailOptions {
  const out = { ...DEFAULT_MAIL_OPTIONS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
