import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminder pipeline: transactional outbox, scheduled reminders, idempotent notifications per job. Hand-written. */
export class Reminders1795427078911 implements MigrationInterface {
  name = 'Reminders1795427078911';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" BIGSERIAL NOT NULL,
        "type" character varying(40) NOT NULL,
        "caseId" uuid NOT NULL,
        "payload" jsonb NOT NULL,
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "deliveredAt" TIMESTAMP WITH TIME ZONE,
        "attempts" integer NOT NULL DEFAULT '0',
        "lastError" text,
        CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_outbox_undelivered" ON "outbox" ("id") WHERE "deliveredAt" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "scheduled_reminder" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "jobId" character varying(200) NOT NULL,
        "caseId" uuid NOT NULL,
        "kind" character varying(40) NOT NULL,
        "subjectId" character varying(100),
        "recipient" character varying(40) NOT NULL,
        "dueAt" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" character varying(20) NOT NULL DEFAULT 'pending',
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "settledAt" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_f13cb63acc3683aee4fcbd11549" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_scheduled_reminder_job_id" ON "scheduled_reminder" ("jobId")`);
    await queryRunner.query(`CREATE INDEX "IDX_scheduled_reminder_case_kind" ON "scheduled_reminder" ("caseId", "kind")`);
    await queryRunner.query(`CREATE INDEX "IDX_scheduled_reminder_status_due" ON "scheduled_reminder" ("status", "dueAt")`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "jobKey" character varying(200)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notification_job_key_recipient" ON "notification" ("jobKey", "recipientId")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_notification_job_key_recipient"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "jobKey"`);
    await queryRunner.query(`DROP TABLE "scheduled_reminder"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
