import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report to child welfare as the national document (DESIGN 8.9). Hand-written.
 *
 * - child_welfare_report: one row per `report_to_child_welfare` event, with the KS Fiks v2
 *   document encrypted (it carries the national id) and the status a sender would move
 *   (recorded → sent → acknowledged). Row-level security as the other case tables: visible
 *   with its case. A partial index finds what a sender still has to send.
 * - child.address, unit.address, unit.organisationNumber: facts the document needs, optional,
 *   so existing rows stay valid (NULL: the report asks for the address when it is recorded).
 */
export class ChildWelfareReport1796014250741 implements MigrationInterface {
  name = 'ChildWelfareReport1796014250741';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "child_welfare_report" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "caseId" uuid NOT NULL,
        "municipalityId" uuid NOT NULL,
        "unitId" uuid NOT NULL,
        "reportedById" uuid NOT NULL,
        "channel" character varying(20) NOT NULL,
        "reference" character varying(200),
        "guardiansInformed" boolean NOT NULL,
        "schema" character varying(100) NOT NULL,
        "documentEncrypted" text NOT NULL,
        "status" character varying(20) NOT NULL DEFAULT 'recorded',
        "recordedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sentAt" TIMESTAMP WITH TIME ZONE,
        "acknowledgedAt" TIMESTAMP WITH TIME ZONE,
        "externalId" character varying(100),
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_child_welfare_report" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_child_welfare_report_channel" CHECK ("channel" IN ('digital', 'letter', 'phone', 'barnevernvakt')),
        CONSTRAINT "CHK_child_welfare_report_status" CHECK ("status" IN ('recorded', 'sent', 'acknowledged')),
        CONSTRAINT "CHK_child_welfare_report_sent" CHECK ("status" = 'recorded' OR "sentAt" IS NOT NULL),
        CONSTRAINT "CHK_child_welfare_report_acknowledged" CHECK ("status" <> 'acknowledged' OR "acknowledgedAt" IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX "IDX_child_welfare_report_case" ON "child_welfare_report" ("caseId", "recordedAt")`);
    await q.query(`CREATE INDEX "IDX_child_welfare_report_unsent" ON "child_welfare_report" ("recordedAt") WHERE "status" = 'recorded'`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON "child_welfare_report" TO bti_app`);
    await q.query(`ALTER TABLE "child_welfare_report" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY "child_welfare_report_need_to_know" ON "child_welfare_report"
      USING (EXISTS (SELECT 1 FROM bti_case c WHERE c.id = "child_welfare_report"."caseId")) WITH CHECK (true)`);

    await q.query(`ALTER TABLE "child" ADD "address" jsonb`);
    await q.query(`ALTER TABLE "unit" ADD "address" jsonb`);
    await q.query(`ALTER TABLE "unit" ADD "organisationNumber" character varying(9)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "unit" DROP COLUMN "organisationNumber"`);
    await q.query(`ALTER TABLE "unit" DROP COLUMN "address"`);
    await q.query(`ALTER TABLE "child" DROP COLUMN "address"`);
    await q.query(`DROP POLICY "child_welfare_report_need_to_know" ON "child_welfare_report"`);
    await q.query(`DROP TABLE "child_welfare_report"`);
  }
}
