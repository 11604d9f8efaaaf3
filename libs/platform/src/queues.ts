import { REMINDER_KINDS } from '@app/domain';

/**
 * Every BullMQ queue, job name and job payload of the system, in one place. Payloads carry ids
 * only — never a name, a national id or free text — because Redis and the dashboard are outside
 * the database's access control.
 */

/** Delayed reminder jobs (DESIGN section 5): the outbox relay adds them, the worker fires them. */
export const REMINDER_QUEUE = 'reminders';

/** Job names on REMINDER_QUEUE: one per reminder kind (libs/domain `ReminderKind`). */
export const REMINDER_JOB_NAMES = REMINDER_KINDS;
export type ReminderJobName = (typeof REMINDER_JOB_NAMES)[number];

/** The data of a reminder job. The job id is the reminder's `jobId` (`<kind>.<caseId>.<n>`). */
export interface ReminderJobData {
  /** scheduled_reminder.id */
  reminderId: string;
  /** bti_case.id */
  caseId: string;
}

/** Every queue name, for the dashboard and health checks. */
export const ALL_QUEUES = [REMINDER_QUEUE] as const;

/** Retry policy of reminder jobs: exponential backoff, then the failed set (visible on the dashboard). */
export const REMINDER_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential' as const, delay: 1000 },
  // Completed jobs are kept a while so a re-add by the relay with the same id is a no-op.
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
