import { Logger } from '@nestjs/common';
import { createRedis, MAIL_QUEUE, type MailConfig, type MailJobData, type MailJobName, type MailJobs } from '@app/platform';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { DigestCollector } from './digest-collector.js';
import { citizenNoticeMail, digestMail, noticeMail, type NoticeFacts } from './mail-content.js';
import type { ResolvedMailOptions } from './mail-options.js';
import { describeMailError, type MailTransport } from './mail-transport.js';

export type MailOutcome = 'sent' | 'skipped' | 'missing' | 'collected' | 'failed';

type Table = 'notification_delivery' | 'mail_digest' | 'citizen_notice';

interface NoticeRow extends NoticeFacts {
  status: string;
  email: string | null;
}

/**
 * Sends e-mail jobs. A job re-reads its row and returns early when it was sent already (or the
 * recipient has no address any more); otherwise it sends with a Message-ID derived from the row
 * id and records `sentAt` right after the server accepted. A failed attempt is recorded on the
 * row and rethrown, so BullMQ retries with exponential backoff; the last attempt marks the row
 * `failed` (listed for admins, and the job stays in the failed set on the queue board).
 */
export class MailProcessor {
  private readonly logger = new Logger('MailProcessor');
  private connection: Redis | null = null;
  private worker: Worker<MailJobData, MailOutcome, MailJobName> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly redisUrl: string,
    private readonly transport: MailTransport,
    private readonly collector: DigestCollector,
    private readonly config: MailConfig,
    private readonly options: ResolvedMailOptions,
  ) {}

  start(): void {
    this.connection = createRedis(this.redisUrl);
    this.connection.on('error', () => undefined);
    this.worker = new Worker<MailJobData, MailOutcome, MailJobName>(MAIL_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      concurrency: this.options.concurrency,
    });
    this.worker.on('error', (error) => this.logger.warn(`Worker-feil: ${error.message}`));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  async process(job: Job<MailJobData, MailOutcome, MailJobName>): Promise<MailOutcome> {
    switch (job.name) {
      case 'notice':
        return this.sendNotice(job, (job.data as MailJobs['notice']).deliveryId);
      case 'digest':
        return this.sendDigest(job, (job.data as MailJobs['digest']).digestId);
      case 'citizen-notice':
        return this.sendCitizenNotice(job, (job.data as MailJobs['citizen-notice']).noticeId);
      case 'digest-run':
        await this.collector.run(new Date());
        return 'collected';
      default:
        throw new Error(`Ukjent e-postjobb ${String(job.name)}`);
    }
  }

  private async sendNotice(job: Job, deliveryId: string): Promise<MailOutcome> {
    const [row]: NoticeRow[] = await this.ds.query(
      `SELECT d.status, n.type, n."caseId", n."caseReference", n."dueAt", n.urgent, u.email
         FROM notification_delivery d
         JOIN notification n ON n.id = d."notificationId"
         JOIN app_user u ON u.id = d."recipientId"
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row) return 'missing';
    if (row.status === 'sent' || row.status === 'skipped') return row.status;
    if (!row.email) return this.skip('notification_delivery', deliveryId);
    const messageId = this.transport.messageIdFor('notice', deliveryId);
    await this.attempt(job, 'notification_delivery', deliveryId, () => this.transport.send(row.email!, messageId, noticeMail(row, this.config.publicUrl)));
    await this.recordSent('notification_delivery', deliveryId, messageId);
    this.logger.log(`E-post notice.${deliveryId} sendt`);
    return 'sent';
  }

  private async sendDigest(job: Job, digestId: string): Promise<MailOutcome> {
    const [digest]: { status: string; email: string | null; day: string }[] = await this.ds.query(
      `SELECT g.status, u.email, g."digestDate"::text AS day FROM mail_digest g JOIN app_user u ON u.id = g."recipientId" WHERE g.id = $1`,
      [digestId],
    );
    if (!digest) return 'missing';
    if (digest.status === 'sent' || digest.status === 'skipped') return digest.status;
    const notices: NoticeFacts[] = await this.ds.query(
      `SELECT n.type, n."caseId", n."caseReference", n."dueAt", n.urgent FROM notification_delivery d JOIN notification n ON n.id = d."notificationId"
        WHERE d."digestId" = $1 ORDER BY n."createdAt", n.id`,
      [digestId],
    );
    if (!digest.email || notices.length === 0) return this.skip('mail_digest', digestId);
    const messageId = this.transport.messageIdFor('digest', digestId);
    await this.attempt(job, 'mail_digest', digestId, () => this.transport.send(digest.email!, messageId, digestMail(notices, this.config.publicUrl, digest.day)));
    await this.recordSent('mail_digest', digestId, messageId);
    this.logger.log(`E-post digest.${digestId} sendt (${notices.length} varsler)`);
    return 'sent';
  }

  /** A guardian's notice: the address from their case_guardian row, the kind only in the text. */
  private async sendCitizenNotice(job: Job, noticeId: string): Promise<MailOutcome> {
    const [row]: { status: string; kind: string; email: string | null }[] = await this.ds.query(
      `SELECT n.status, n.kind, g.email FROM citizen_notice n JOIN case_guardian g ON g.id = n."guardianId" WHERE n.id = $1`,
      [noticeId],
    );
    if (!row) return 'missing';
    if (row.status === 'sent' || row.status === 'skipped') return row.status;
    if (!row.email) return this.skip('citizen_notice', noticeId);
    const messageId = this.transport.messageIdFor('citizen', noticeId);
    await this.attempt(job, 'citizen_notice', noticeId, () => this.transport.send(row.email!, messageId, citizenNoticeMail(row.kind, this.config.publicUrl)));
    await this.recordSent('citizen_notice', noticeId, messageId);
    this.logger.log(`E-post citizen.${noticeId} sendt`);
    return 'sent';
  }

  /** Runs the SMTP send; a failure is recorded on the row (without addresses) and rethrown. */
  private async attempt(job: Job, table: Table, id: string, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const reason = describeMailError(error);
      await this.ds
        .query(
          `UPDATE ${table} SET attempts = attempts + 1, "lastError" = $2,
                  status = CASE WHEN $3 THEN 'failed' ELSE status END, "failedAt" = CASE WHEN $3 THEN now() ELSE "failedAt" END
            WHERE id = $1 AND status <> 'sent'`,
          [id, reason, final],
        )
        .catch(() => undefined); // the job's own retry matters more than this record
      this.logger.warn(`E-postjobb ${job.id} feilet (forsøk ${job.attemptsMade + 1}${final ? ', siste' : ''}): ${reason}`);
      throw new Error(reason);
    }
  }

  /**
   * Records the server's acceptance. Retried here rather than by the job, because a job retry
   * would send the message again; only when the database stays away for ~15 s does the job fail.
   */
  private async recordSent(table: Table, id: string, messageId: string): Promise<void> {
    const statements: [string, unknown[]][] = [
      [`UPDATE ${table} SET status = 'sent', "sentAt" = now(), "messageId" = $2, attempts = attempts + 1, "lastError" = NULL, "failedAt" = NULL WHERE id = $1`, [id, messageId]],
    ];
    if (table === 'mail_digest') {
      statements.push([`UPDATE notification_delivery SET status = 'sent', "sentAt" = now(), "messageId" = $2 WHERE "digestId" = $1`, [id, messageId]]);
    }
    for (const delay of [0, 500, 2_000, 5_000, 8_000]) {
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await this.ds.transaction(async (em) => {
          for (const [sql, params] of statements) await em.query(sql, params);
        });
        return;
      } catch (error) {
        this.logger.warn(`Kunne ikke registrere sendt e-post ${id}: ${(error as Error).message}`);
      }
    }
    throw new Error(`E-post ${id} er sendt, men kunne ikke registreres`);
  }

  private async skip(table: Table, id: string): Promise<MailOutcome> {
    await this.ds.query(`UPDATE ${table} SET status = 'skipped' WHERE id = $1 AND status <> 'sent'`, [id]);
    return 'skipped';
  }
}
