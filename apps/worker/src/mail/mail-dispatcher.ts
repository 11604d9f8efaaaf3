import type { DataSource } from 'typeorm';
import type { MailQueue } from './mail-queue.js';
import type { ResolvedMailOptions } from './mail-options.js';

/**
 * Turns notifications into deliveries. Whoever wrote the notification (the reminder processor,
 * a request in the API), the dispatcher finds it here: every notification of the last
 * `lookbackHours` whose recipient has an e-mail address and that has no delivery yet gets one
 * (unique per notification, so two dispatchers never double it), in the recipient's mode —
 * urgent notices always immediate. Immediate deliveries are enqueued at once; digest ones wait
 * for the 07:30 run. Paged: at most `batchSize` rows per statement.
 */
export class MailDispatcher {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: MailQueue,
    private readonly options: ResolvedMailOptions,
  ) {}

  /**
   * Records and enqueues deliveries for notifications created within `windowMs` (the whole
   * lookback when omitted). Returns how many deliveries were recorded. The rows commit before
   * the jobs are added: if Redis fails in between, `reconcile` adds them later.
   */
  async dispatch(windowMs = this.options.lookbackHours * 3_600_000): Promise<number> {
    const since = new Date(Date.now() - Math.min(windowMs, this.options.lookbackHours * 3_600_000));
    let recorded = 0;
    for (;;) {
      const rows: { id: string; mode: string }[] = await this.ds.query(
        `INSERT INTO notification_delivery ("notificationId", "recipientId", mode)
         SELECT n.id, n."recipientId",
                CASE WHEN n.urgent OR COALESCE(s."emailMode", 'immediate') = 'immediate' THEN 'immediate' ELSE 'digest' END
           FROM notification n
           JOIN app_user u ON u.id = n."recipientId" AND u.email IS NOT NULL
           LEFT JOIN notification_setting s ON s."userId" = n."recipientId"
          WHERE n."createdAt" > $1
            AND NOT EXISTS (SELECT 1 FROM notification_delivery d WHERE d."notificationId" = n.id)
          ORDER BY n."createdAt"
          LIMIT $2
         ON CONFLICT ("notificationId") DO NOTHING
         RETURNING id, mode`,
        [since, this.options.batchSize],
      );
      recorded += rows.length;
      await this.queue.addNotices(rows.filter((r) => r.mode === 'immediate').map((r) => r.id));
      if (rows.length < this.options.batchSize) return recorded;
    }
  }

  /**
   * Enqueues the guardians' notices written within `windowMs` and still pending (the API writes
   * them already rate-limited, one per guardian, kind and day). Job id = row id: a re-add is a no-op.
   */
  async dispatchCitizenNotices(windowMs = this.options.lookbackHours * 3_600_000): Promise<number> {
    const since = new Date(Date.now() - Math.min(windowMs, this.options.lookbackHours * 3_600_000));
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM citizen_notice WHERE status = 'pending' AND "createdAt" > $1 ORDER BY "createdAt" LIMIT $2`,
      [since, this.options.batchSize],
    );
    await this.queue.addCitizenNotices(rows.map((r) => r.id));
    return rows.length;
  }

  /**
   * Re-adds the jobs of pending immediate deliveries and pending digests (a no-op for jobs Redis
   * still has: the job id is the row id). Covers a Redis outage or a lost Redis.
   */
  async reconcile(): Promise<void> {
    const page = async (table: 'notification_delivery' | 'mail_digest' | 'citizen_notice', extra: string, add: (ids: string[]) => Promise<void>) => {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows: { id: string }[] = await this.ds.query(
          `SELECT id FROM ${table} WHERE status = 'pending' ${extra} AND id > $1 ORDER BY id LIMIT $2`,
          [after, this.options.batchSize],
        );
        await add(rows.map((r) => r.id));
        if (rows.length < this.options.batchSize) return;
        after = rows[rows.length - 1].id;
      }
    };
    await page('notification_delivery', `AND mode = 'immediate'`, (ids) => this.queue.addNotices(ids));
    await page('citizen_notice', '', (ids) => this.queue.addCitizenNotices(ids));
    await page('mail_digest', '', (ids) => this.queue.addDigests(ids));
  }
}
