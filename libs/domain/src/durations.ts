import { Duration } from 'luxon';

/**
 * Configurable reminder durations (DESIGN section 5), keyed by the reminder they time. The leader's
 * second assessment reminder and evaluation_due have no own duration: the first is twice
 * `assessment_due`, the second fires at the measure's evaluation date.
 */
export const REMINDER_DURATION_KEYS = [
  'unassigned',
  'assessment_due',
  'tfa_follow_up',
  'evaluation_overdue',
  'consent_expiry',
  'iks_pending',
  'child_welfare_report_missing',
  'decision_due',
  'task_due',
] as const;
export type ReminderDurationKey = (typeof REMINDER_DURATION_KEYS)[number];

/** ISO-8601 durations, e.g. `P7D`, `PT24H`, `PT3S` (tests). */
export type ReminderDurations = Record<ReminderDurationKey, string>;

export const DEFAULT_REMINDER_DURATIONS: ReminderDurations = Object.freeze({
  unassigned: 'P2D',
  assessment_due: 'P7D',
  tfa_follow_up: 'P14D',
  evaluation_overdue: 'P7D',
  consent_expiry: 'P30D',
  iks_pending: 'P3D',
  child_welfare_report_missing: 'PT24H',
  decision_due: 'P14D',
  // How long before a task's due date its responsible is reminded (a day's notice).
  task_due: 'P1D',
});

/** The environment variable (and municipality profile `reminders` key) for each duration. */
export const REMINDER_ENV_VARS: Record<ReminderDurationKey, string> = {
  unassigned: 'REMINDER_UNASSIGNED',
  assessment_due: 'REMINDER_ASSESSMENT_DUE',
  tfa_follow_up: 'REMINDER_TFA_FOLLOW_UP',
  evaluation_overdue: 'REMINDER_EVALUATION_OVERDUE',
  consent_expiry: 'REMINDER_CONSENT_EXPIRY',
  iks_pending: 'REMINDER_IKS_PENDING',
  child_welfare_report_missing: 'REMINDER_CHILD_WELFARE_REPORT',
  decision_due: 'REMINDER_DECISION_DUE',
  task_due: 'REMINDER_TASK_DUE',
};

/** Parses an ISO-8601 duration; throws on anything invalid, zero or negative (a config error). */
export function parseIsoDuration(iso: string): Duration {
  const d = Duration.fromISO(typeof iso === 'string' ? iso.trim() : '');
  if (!d.isValid) throw new Error(`Invalid ISO-8601 duration: ${JSON.stringify(iso)}`);
  if (d.toMillis() <= 0) throw new Error(`Reminder duration must be positive: ${JSON.stringify(iso)}`);
  return d;
}

/**
 * Merges overrides in order (e.g. municipality profile `reminders`, then process env) over the
 * defaults. Keys are the env var names; every value is validated, so a typo fails at start-up.
 */
export function reminderDurationsFrom(
  ...overrides: ReadonlyArray<Readonly<Record<string, string | undefined>> | undefined>
): ReminderDurations {
  const result: ReminderDurations = { ...DEFAULT_REMINDER_DURATIONS };
  for (const source of overrides) {
    if (!source) continue;
    for (const key of REMINDER_DURATION_KEYS) {
      const value = source[REMINDER_ENV_VARS[key]];
      if (value === undefined || value === '') continue;
      parseIsoDuration(value);
      result[key] = value.trim();
    }
  }
  return result;
}

/** `iso` times `factor`, as ISO (used for the leader's reminder at twice the assessment time). */
export function multiplyIsoDuration(iso: string, factor: number): string {
  const d = parseIsoDuration(iso);
  const obj = d.toObject();
  const scaled: Record<string, number> = {};
  for (const [unit, value] of Object.entries(obj)) scaled[unit] = (value as number) * factor;
  return Duration.fromObject(scaled).toISO() ?? iso;
}
