import { Logger } from '@nestjs/common';
import { REMINDER_KINDS, reminderStillApplies, type RecipientRole, type ReminderFacts, type ReminderKind } from '@app/domain';
import {
  BtiCase,
  ConsentRow,
  IksReferral,
  Measure,
  MeasureEvaluation,
  Notification,
  ScheduledReminder,
  toCaseState,
  toDomainConsent,
  type ScheduledReminderStatus,
} from '@app/persistence';
import { createRedis, REMINDER_QUEUE, type ReminderJobData } from '@app/platform';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';
import { resolveRecipients } from './recipients.js';
import { isUrgent, notificationTypeOf, REMINDER_MESSAGES } from './reminder-texts.js';
import type { ResolvedWorkerOptions } from './worker-options.js';

export type ReminderOutcome = 'fired' | 'obsolete' | 'missing' | ScheduledReminderStatus;

/** Facts outside the case (consent, IKS referral, measure), read before the transaction. */
interface ExtraFacts extends ReminderFacts {
  responsibleId?: string | null;
}

/**
 * Fires reminder jobs. When a job runs it re-reads its scheduled_reminder row and the case; it
 * writes notifications only if the reminder is still pending and `reminderStillApplies`. The
 * notification rows and the reminder's new status commit together (and notifications are unique
 * per job and recipient), so a retried or re-delivered job never notifies twice. Errors are
 * rethrown: BullMQ retries with exponential backoff, then keeps the job in the failed set.
 */
export class ReminderProcessor {
  private readonly logger = new Logger('ReminderProcessor');
  private connection: Redis | null = null;
  private worker: Worker<ReminderJobData, ReminderOutcome> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly redisUrl: string,
    private readonly options: ResolvedWorkerOptions,
  ) {}

  start(): void {
    this.connection = createRedis(this.redisUrl);
    this.connection.on('error', () => undefined);
    this.worker = new Worker<ReminderJobData, ReminderOutcome>(REMINDER_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      concurrency: this.options.concurrency,
      lockDuration: this.options.lockDurationMs,
      stalledInterval: this.options.stalledIntervalMs,
      maxStalledCount: 3,
    });
    this.worker.on('error', (error) => this.logger.warn(`Worker-feil: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`Påminnelsesjobb ${job?.id ?? '?'} feilet (forsøk ${job?.attemptsMade ?? '?'}): ${error.message}`),
    );
  }

  /** Waits for running jobs to finish (graceful shutdown), then disconnects. */
  async close(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  async process(job: Job<ReminderJobData>): Promise<ReminderOutcome> {
    if (this.options.beforeJob) await this.options.beforeJob(job);
    const reminder = await this.ds.getRepository(ScheduledReminder).findOneBy({ id: job.data.reminderId });
    if (!reminder) return 'missing';
    if (reminder.status !== 'pending') return reminder.status;
    const facts = await this.readFacts(reminder);
    const outcome = await this.ds.transaction(async (em) => {
      const locked = await em.getRepository(ScheduledReminder).findOne({ where: { id: reminder.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) return 'missing';
      if (locked.status !== 'pending') return locked.status;
      const kind = locked.kind as ReminderKind;
      const row = await em.findOneBy(BtiCase, { id: locked.caseId });
      if (!row || !(REMINDER_KINDS as readonly string[]).includes(kind) || !reminderStillApplies(kind, toCaseState(row), facts)) {
        await settle(em, locked.id, 'obsolete');
        return 'obsolete';
      }
      const recipients = await resolveRecipients(em, row, locked.recipient as RecipientRole, facts.responsibleId);
      if (recipients.length > 0) {
        await em
          .createQueryBuilder()
          .insert()
          .into(Notification)
          .values(
            recipients.map((recipientId) => ({
              recipientId,
              type: notificationTypeOf(kind),
              caseId: row.id,
              dueAt: locked.dueAt,
              message: REMINDER_MESSAGES[kind],
              urgent: isUrgent(kind),
              jobKey: locked.jobId,
            })),
          )
          .orIgnore()
          .execute();
      } else {
        this.logger.warn(`Påminnelse ${locked.jobId}: ingen mottaker funnet`);
      }
      await settle(em, locked.id, 'fired');
      return 'fired';
    });
    this.logger.log(`Påminnelse ${reminder.jobId}: ${outcome}`);
    return outcome;
  }

  /** Facts for consent, IKS and measure reminders; a missing row means "still holds" (the domain's default). */
  private async readFacts(reminder: ScheduledReminder): Promise<ExtraFacts> {
    const facts: ExtraFacts = { now: new Date() };
    if (reminder.kind === 'consent_expiry' && reminder.subjectId) {
      const consent = await this.ds.getRepository(ConsentRow).findOneBy({ id: reminder.subjectId });
      if (consent) facts.consent = toDomainConsent(consent);
    }
    if (reminder.kind === 'iks_pending') {
      const referral = await this.ds.getRepository(IksReferral).findOne({ where: { caseId: reminder.caseId }, order: { createdAt: 'DESC' } });
      if (referral) facts.iksReferralStatus = referral.status as ReminderFacts['iksReferralStatus'];
    }
    if ((reminder.kind === 'evaluation_due' || reminder.kind === 'evaluation_overdue') && reminder.subjectId) {
      const measure = await this.ds.getRepository(Measure).findOneBy({ id: reminder.subjectId });
      if (measure) {
        facts.responsibleId = measure.responsibleId;
        // Only an evaluation after this reminder was scheduled settles it: `continue`/`adjust`
        // schedule the next evaluation, which an earlier evaluation must not make obsolete.
        const evaluatedSince = await this.ds
          .getRepository(MeasureEvaluation)
          .createQueryBuilder('e')
          // Compared in SQL: a JS Date would cut the microseconds off the reminder's timestamp.
          .where('e."measureId" = :measureId AND e."createdAt" > (SELECT r."createdAt" FROM scheduled_reminder r WHERE r.id = :reminderId)', {
            measureId: measure.id,
            reminderId: reminder.id,
          })
          .getExists();
        facts.measureEvaluated = measure.status === 'ended' || evaluatedSince;
      }
    }
    return facts;
  }
}

async function settle(em: EntityManager, id: string, status: ScheduledReminderStatus): Promise<void> {
  await em.query(`UPDATE "scheduled_reminder" SET "status" = $2, "settledAt" = now() WHERE "id" = $1`, [id, status]);
}
