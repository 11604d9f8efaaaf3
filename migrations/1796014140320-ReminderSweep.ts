import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders fired by a due-sweep over PostgreSQL (docs/REMINDERS.md): retry bookkeeping per
 * reminder (attempts, backoff, last error), a partial index the sweep claims from, one for the
 * retention of settled rows, and one for the retention of delivered outbox rows.
 *
 * Existing rows: the outbox is no longer written for reminders (the sweep reads the schedule
 * itself), so undelivered `reminder_scheduled` / `reminder_cancelled` rows are marked delivered:
 * their reminders are already in `scheduled_reminder`, which the sweep fires. Hand-written.
 */
export class ReminderSweep1796014140320 implements MigrationInterface {
  name = 'ReminderSweep1796014140320';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "scheduled_reminder" ADD "attempts" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "scheduled_reminder" ADD "lastAttemptAt" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "scheduled_reminder" ADD "nextAttemptAt" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "scheduled_reminder" ADD "lastError" character varying(300)`);
    await q.query(`DROP INDEX "public"."IDX_scheduled_reminder_status_due"`);
    await q.query(`CREATE INDEX "IDX_scheduled_reminder_pending_due" ON "scheduled_reminder" ("dueAt") WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX "IDX_scheduled_reminder_settled_at" ON "scheduled_reminder" ("settledAt") WHERE "status" <> 'pending'`);
    await q.query(`CREATE INDEX "IDX_outbox_delivered_at" ON "outbox" ("deliveredAt") WHERE "deliveredAt" IS NOT NULL`);
    await q.query(`UPDATE "outbox" SET "deliveredAt" = now() WHERE "deliveredAt" IS NULL AND "type" IN ('reminder_scheduled', 'reminder_cancelled')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_outbox_delivered_at"`);
    await q.query(`DROP INDEX "public"."IDX_scheduled_reminder_settled_at"`);
    await q.query(`DROP INDEX "public"."IDX_scheduled_reminder_pending_due"`);
    await q.query(`CREATE INDEX "IDX_scheduled_reminder_status_due" ON "scheduled_reminder" ("status", "dueAt")`);
    await q.query(`ALTER TABLE "scheduled_reminder" DROP COLUMN "lastError"`);
    await q.query(`ALTER TABLE "scheduled_reminder" DROP COLUMN "nextAttemptAt"`);
    await q.query(`ALTER TABLE "scheduled_reminder" DROP COLUMN "lastAttemptAt"`);
    await q.query(`ALTER TABLE "scheduled_reminder" DROP COLUMN "attempts"`);
  }
}
