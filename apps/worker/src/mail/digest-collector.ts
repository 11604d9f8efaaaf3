import { isWorkingDay, OSLO } from '@app/domain';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { MailQueue } from './mail-queue.js';

/**
 * The 07:30 run: on a Norwegian working day, every user with digest deliveries waiting gets one
 * digest for the day (unique per user and Oslo day, so a second run the same day collects
 * nothing), and the digest's job is enqueued. On weekends and public holidays the notices wait
 * for the next working day.
 */
export class DigestCollector {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: MailQueue,
  ) {}

  /** Returns the ids of the digests collected now (none on a day off or a second run). */
  async run(now: Date = new Date()): Promise<string[]> {
    if (!isWorkingDay(now)) return [];
    const day = DateTime.fromJSDate(now, { zone: OSLO }).toISODate();
    const rows: { id: string }[] = await this.ds.transaction(async (em) => {
      const digests: { id: string; recipientId: string }[] = await em.query(
        `INSERT INTO mail_digest ("recipientId", "digestDate")
         SELECT DISTINCT "recipientId", $1::date FROM notification_delivery
          WHERE mode = 'digest' AND status = 'pending' AND "digestId" IS NULL
         ON CONFLICT ("recipientId", "digestDate") DO NOTHING
         RETURNING id, "recipientId"`,
        [day],
      );
      if (digests.length === 0) return [];
      await em.query(
        `UPDATE notification_delivery d SET "digestId" = x.id
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "recipientId" uuid)
          WHERE d."recipientId" = x."recipientId" AND d.mode = 'digest' AND d.status = 'pending' AND d."digestId" IS NULL`,
        [JSON.stringify(digests)],
      );
      return digests;
    });
    const ids = rows.map((r) => r.id);
    await this.queue.addDigests(ids);
    return ids;
  }
}
