import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail notices (DESIGN section 10): users' addresses and settings, one delivery row per
 * notification that goes out by e-mail, daily digests, and a NOTIFY on new notifications that
 * wakes the worker's mail dispatcher. Tables and indexes generated from the entities; the
 * trigger and the back-fill are hand-written.
 */
export class MailDelivery1796014164692 implements MigrationInterface {
  name = 'MailDelivery1796014164692';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notification_setting" ("userId" uuid NOT NULL, "emailMode" character varying(20) NOT NULL DEFAULT 'immediate', "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3480ded3271e72f04ecb8353ad1" PRIMARY KEY ("userId"))`,
    );
    await q.query(
      `CREATE TABLE "mail_digest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientId" uuid NOT NULL, "digestDate" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "lastError" text, "messageId" character varying(200), "sentAt" TIMESTAMP WITH TIME ZONE, "failedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_mail_digest_recipient_date" UNIQUE ("recipientId", "digestDate"), CONSTRAINT "PK_d636b084cdf4f33685b872be32d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_e5258910cfb1ee50bac742d6f1" ON "mail_digest" ("status")`);
    await q.query(
      `CREATE TABLE "notification_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notificationId" uuid NOT NULL, "recipientId" uuid NOT NULL, "mode" character varying(20) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'pending', "digestId" uuid, "attempts" integer NOT NULL DEFAULT '0', "lastError" text, "messageId" character varying(200), "sentAt" TIMESTAMP WITH TIME ZONE, "failedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_44ae81122e4c1e71660c04405e4" UNIQUE ("notificationId"), CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_notification_delivery_digest" ON "notification_delivery" ("digestId")`);
    await q.query(`CREATE INDEX "IDX_notification_delivery_pending" ON "notification_delivery" ("mode", "status", "createdAt")`);
    await q.query(`ALTER TABLE "app_user" ADD "email" character varying(320)`);
    await q.query(`CREATE INDEX "IDX_notification_created" ON "notification" ("createdAt")`);

    // The dispatcher looks back two days. Notifications written before this migration were seen
    // in the app already: mark them skipped so switching e-mail on does not mail old news.
    await q.query(
      `INSERT INTO "notification_delivery" ("notificationId", "recipientId", "mode", "status")
       SELECT "id", "recipientId", 'immediate', 'skipped' FROM "notification" WHERE "createdAt" > now() - interval '3 days'`,
    );

    // One NOTIFY per inserting statement (not per row), delivered at commit: wakes the dispatcher.
    await q.query(`CREATE FUNCTION "bti_notification_created"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('bti_notification_created', ''); RETURN NULL; END $$`);
    await q.query(
      `CREATE TRIGGER "notification_created_notify" AFTER INSERT ON "notification" FOR EACH STATEMENT EXECUTE FUNCTION "bti_notification_created"()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "notification_created_notify" ON "notification"`);
    await q.query(`DROP FUNCTION "bti_notification_created"()`);
    await q.query(`DROP INDEX "public"."IDX_notification_created"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "email"`);
    await q.query(`DROP INDEX "public"."IDX_notification_delivery_pending"`);
    await q.query(`DROP INDEX "public"."IDX_notification_delivery_digest"`);
    await q.query(`DROP TABLE "notification_delivery"`);
    await q.query(`DROP INDEX "public"."IDX_e5258910cfb1ee50bac742d6f1"`);
    await q.query(`DROP TABLE "mail_digest"`);
    await q.query(`DROP TABLE "notification_setting"`);
  }
}
