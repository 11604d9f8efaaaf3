import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantNewTable } from './least-privilege/new-table.js';

/** Staff, not a citizen's request (as migrations/family-access/citizen-policies.ts says it). */
const STAFF = `(current_user <> 'bti_app' OR nullif(current_setting('bti.citizen_hmac', true), '') IS NULL)`;

/**
 * The family's access, second part (DESIGN 12.4, 12.8.7, 12.8.11): the unit leader clears an
 * entry's `confidential` (column-level UPDATE of the two clearing columns, staff only); a guardian's
 * e-mail address for notices; and `citizen_notice`, the e-mails to guardians (kind only), one per
 * guardian, kind and Oslo day, written by the API's request and sent by the worker.
 */
export class FamilyNoticesAndOverrides1796200000000 implements MigrationInterface {
  name = 'FamilyNoticesAndOverrides1796200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT UPDATE ("confidentialClearedAt", "confidentialClearedById") ON "case_log_entry" TO bti_app`);
    await q.query(`CREATE POLICY "case_log_entry_declassify" ON "case_log_entry" FOR UPDATE TO bti_app
      USING (EXISTS (SELECT 1 FROM bti_case c WHERE c.id = "caseId")) WITH CHECK (confidential IS NOT NULL)`);
    await q.query(`CREATE POLICY "case_log_entry_declassify_staff" ON "case_log_entry" AS RESTRICTIVE FOR UPDATE TO bti_app USING (${STAFF}) WITH CHECK (${STAFF})`);

    await q.query(`ALTER TABLE "case_guardian" ADD "email" varchar(320)`);

    await q.query(`
      CREATE TABLE "citizen_notice" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "caseId" uuid NOT NULL,
        "guardianId" uuid NOT NULL,
        "kind" varchar(30) NOT NULL,
        "noticeDate" date NOT NULL DEFAULT (now() AT TIME ZONE 'Europe/Oslo')::date,
        "status" varchar(20) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "lastError" text,
        "messageId" varchar(200),
        "sentAt" timestamptz,
        "failedAt" timestamptz,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_citizen_notice" PRIMARY KEY ("id"),
        CONSTRAINT "FK_citizen_notice_caseId" FOREIGN KEY ("caseId") REFERENCES "bti_case"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_citizen_notice_guardianId" FOREIGN KEY ("guardianId") REFERENCES "case_guardian"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_citizen_notice_kind" CHECK ("kind" IN ('consent_request', 'log_shared')),
        CONSTRAINT "CHK_citizen_notice_status" CHECK ("status" IN ('pending', 'sent', 'skipped', 'failed')),
        CONSTRAINT "UQ_citizen_notice_daily" UNIQUE ("guardianId", "kind", "noticeDate")
      )`);
    await q.query(`CREATE INDEX "IDX_citizen_notice_pending" ON "citizen_notice" ("status", "createdAt")`);
    await grantNewTable(q, 'citizen_notice', { app: 'SELECT, INSERT', worker: 'SELECT, UPDATE', rls: true });
    // The API writes notices for staff requests on cases it sees; the worker reads and marks them all.
    await q.query(`CREATE POLICY "citizen_notice_app" ON "citizen_notice" TO bti_app
      USING (EXISTS (SELECT 1 FROM bti_case c WHERE c.id = "caseId")) WITH CHECK (bti_case_of_my_municipality("caseId") AND ${STAFF})`);
    await q.query(`CREATE POLICY "citizen_notice_worker" ON "citizen_notice" TO bti_worker USING (true) WITH CHECK (true)`);
    // The worker reads the guardian's address and the case's reference for the notices it sends.
    await q.query(`CREATE POLICY "case_guardian_worker_notice" ON "case_guardian" FOR SELECT TO bti_worker
      USING (EXISTS (SELECT 1 FROM citizen_notice n WHERE n."guardianId" = case_guardian.id))`);
    await q.query(`GRANT SELECT ("id", "email") ON "case_guardian" TO bti_worker`);
    // The guardians a staff request should notify: decided as the owner (bti_app may not ask about
    // another citizen's sight of a case), for a staff caller of the case's municipality only.
    await q.query(`CREATE FUNCTION bti_notice_guardians(p_case uuid, p_kind varchar, p_at timestamptz, p_confidential varchar) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
        INSERT INTO citizen_notice ("caseId", "guardianId", kind)
        SELECT g."caseId", g.id, p_kind FROM case_guardian g
         WHERE g."caseId" = p_case AND g.email IS NOT NULL AND g."nationalIdHash" IS NOT NULL
           AND nullif(current_setting('bti.user_id', true), '') IS NOT NULL
           AND nullif(current_setting('bti.citizen_hmac', true), '') IS NULL
           AND bti_case_of_my_municipality(p_case)
           AND bti_citizen_relation_of(p_case, g."nationalIdHash") = 'guardian'
           AND CASE p_kind WHEN 'consent_request' THEN g."parentalResponsibility"
                 ELSE bti_citizen_sees_entry_of(p_case, p_at, p_confidential, g."nationalIdHash") END
        ON CONFLICT ("guardianId", kind, "noticeDate") DO NOTHING
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_notice_guardians(uuid, varchar, timestamptz, varchar) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION bti_notice_guardians(uuid, varchar, timestamptz, varchar) TO bti_app`);
    // A new notice wakes the worker's mail dispatcher, as a staff notification does.
    await q.query(`CREATE TRIGGER "citizen_notice_created_notify" AFTER INSERT ON "citizen_notice" FOR EACH STATEMENT EXECUTE FUNCTION "bti_notification_created"()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE SELECT ("id", "email") ON "case_guardian" FROM bti_worker`);
    await q.query(`DROP POLICY "case_guardian_worker_notice" ON "case_guardian"`);
    await q.query(`DROP FUNCTION bti_notice_guardians(uuid, varchar, timestamptz, varchar)`);
    await q.query(`DROP TABLE "citizen_notice"`);
    await q.query(`ALTER TABLE "case_guardian" DROP COLUMN "email"`);
    await q.query(`DROP POLICY "case_log_entry_declassify_staff" ON "case_log_entry"`);
    await q.query(`DROP POLICY "case_log_entry_declassify" ON "case_log_entry"`);
    await q.query(`REVOKE UPDATE ("confidentialClearedAt", "confidentialClearedById") ON "case_log_entry" FROM bti_app`);
  }
}
