/**
 * Every BullMQ queue, job name and job payload of the system, in one place. Payloads carry ids
 * only — never a name, a national id or free text — because Redis and the dashboard are outside
 * the database's access control.
 */

/**
 * The reminder queue (DESIGN sections 5 and 11). PostgreSQL holds the schedule
 * (`scheduled_reminder`); Redis holds no job per reminder, only two job schedulers whose jobs
 * drive the worker: a due-sweep every second and a daily retention run.
 */
export const REMINDER_QUEUE = 'reminders';

/** Fires every pending reminder whose time has come (claimed in batches from PostgreSQL). */
export const REMINDER_SWEEP_JOB = 'due_sweep';
/** Deletes settled reminders past their retention, in pages. */
export const REMINDER_RETENTION_JOB = 'retention';
export const REMINDER_JOB_NAMES = [REMINDER_SWEEP_JOB, REMINDER_RETENTION_JOB] as const;
export type ReminderJobName = (typeof REMINDER_JOB_NAMES)[number];

/** Job scheduler ids (one of each per queue, whatever the number of workers). */
export const REMINDER_SWEEP_SCHEDULER = 'reminders.due-sweep';
export const REMINDER_RETENTION_SCHEDULER = 'reminders.retention';

/** Sweep and retention jobs carry no data at all. */
export type ReminderJobData = Record<string, never>;


/**
 * Options of the scheduled jobs. One attempt: the next period is the retry, and the database,
 * not the job, remembers what is due. Few finished jobs are kept (one a second would fill Redis).
 */
export const REMINDER_JOB_OPTIONS = {
  attempts: 1,
  removeOnComplete: { count: 50 },
  removeOnFail: { count: 200 },
};

/** E-mail notices (DESIGN section 10): one job per delivery or digest, and the daily digest run. */
export const MAIL_QUEUE = 'mail';

/** Job names on MAIL_QUEUE and their payloads (ids only: the job re-reads the row). */
export interface MailJobs {
  /** One notification to one address; job id = notification_delivery.id. */
  notice: { deliveryId: string };
  /** One user's daily digest; job id = mail_digest.id. */
  digest: { digestId: string };
  /** One e-mail to a guardian (the kind of notice only); job id = citizen_notice.id. */
  'citizen-notice': { noticeId: string };
  /** 07:30 Europe/Oslo: collects the digests of the day (a BullMQ job scheduler). */
  'digest-run': Record<string, never>;
}
export type MailJobName = keyof MailJobs;
export type MailJobData = MailJobs[MailJobName];

/**
 * Retry policy of mail jobs: exponential backoff (2 s, 4 s, … 68 min in all, so a relay outage of
 * an hour is ridden out), then the failed set. The worker's MailOptions may override both.
 */
export const MAIL_JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Archive extractions and the daily deletion run (DESIGN 12.5). The package itself never enters
 * Redis: the extract job names its archive_extraction row and writes files under ARCHIVE_DIR.
 */
export const ARCHIVE_QUEUE = 'archive';
export interface ArchiveJobs {
  /** One extraction; job id = archive_extraction.id; progress = cases written. */
  extract: { extractionId: string };
  /** Kassasjon: deletes cases past deleteAfter that the gate allows (a daily job scheduler). */
  'retention-run': Record<string, never>;
}
export type ArchiveJobName = keyof ArchiveJobs;
export const RETENTION_RUN_SCHEDULER = 'archive.retention-run';
/** An extraction is not retried by the queue: a failed run is marked failed and started again by the archivist. */
export const ARCHIVE_JOB_OPTIONS = { attempts: 1, removeOnComplete: { age: 30 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 } };

/** Every queue name, for the dashboard and health checks. */
export const ALL_QUEUES = [REMINDER_QUEUE, MAIL_QUEUE, ARCHIVE_QUEUE] as const;
