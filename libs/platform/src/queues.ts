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


/** Retry policy of reminder jobs: exponential backoff, then the failed set (visible on the dashboard). */
export const REMINDER_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential' as const, delay: 1000 },
  // Completed jobs are kept a while so a re-add by the relay with the same id is a no-op.
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** E-mail notices (DESIGN section 10): one job per delivery or digest, and the daily digest run. */
export const MAIL_QUEUE = 'mail';

/** Job names on MAIL_QUEUE and their payloads (ids only: the job re-reads the row). */
export interface MailJobs {
  /** One notification to one address; job id = notification_delivery.id. */
  notice: { deliveryId: string };
  /** One user's daily digest; job id = mail_digest.id. */
  digest: { digestId: string };
  /** 07:30 Europe/Oslo: collects the digests of the day (a BullMQ job scheduler). */
  'digest-run': Record<string, never>;
}
export type MailJobName = keyof MailJobs;
export type MailJobData = MailJobs[MailJobName];

/** Retry policy of mail jobs: exponential backoff (1 s, 2 s, … about 17 min in all), then the failed set. */
export const MAIL_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential' as const, delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Every queue name, for the dashboard and health checks. */
export const ALL_QUEUES = [REMINDER_QUEUE, MAIL_QUEUE] as const;
