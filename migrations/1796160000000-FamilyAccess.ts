import { MigrationInterface, QueryRunner } from 'typeorm';
import { CITIZEN_CASE_UPDATE, CITIZEN_FUNCTIONS, CITIZEN_RESTRICTIONS, CITIZEN_TABLES_HIDDEN, NOT_CITIZEN } from './family-access/citizen-policies.js';

/**
 * The family's own door (DESIGN 12.4, 12.8.7): guardians as rows with an HMAC-indexed national id,
 * confidential log entries, the youth's sharing choice, digital consent requests, the release of a
 * hidden case, and row-level security for a citizen identity (`bti.citizen_hmac`). Hand-written.
 */
export class FamilyAccess1796160000000 implements MigrationInterface {
  name = 'FamilyAccess1796160000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_guardian" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "caseId" uuid NOT NULL,
        "name" varchar(100) NOT NULL,
        "relation" varchar(40) NOT NULL,
        "parentalResponsibility" boolean NOT NULL,
        "contact" varchar(200),
        "nationalIdEncrypted" text,
        "nationalIdHash" varchar(64),
        "basis" varchar(20),
        "verifiedById" uuid,
        "verifiedAt" timestamptz,
        "position" smallint NOT NULL DEFAULT 0,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_guardian" PRIMARY KEY ("id"),
        CONSTRAINT "FK_case_guardian_caseId" FOREIGN KEY ("caseId") REFERENCES "bti_case"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_case_guardian_verifiedById" FOREIGN KEY ("verifiedById") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_case_guardian_basis" CHECK ("basis" IN ('stated_by_staff', 'document_seen', 'registry')),
        CONSTRAINT "CHK_case_guardian_verified" CHECK (("nationalIdHash" IS NULL) = ("basis" IS NULL))
      )`);
    await q.query(`CREATE INDEX "IDX_case_guardian_caseId" ON "case_guardian" ("caseId")`);
    await q.query(`CREATE INDEX "IDX_case_guardian_nationalIdHash" ON "case_guardian" ("nationalIdHash") WHERE "nationalIdHash" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "UQ_case_guardian_case_person" ON "case_guardian" ("caseId", "nationalIdHash") WHERE "nationalIdHash" IS NOT NULL`);
    // Today's guardians (JSON on the child) become rows of every case of that child, in their order.
    await q.query(`
      INSERT INTO "case_guardian" ("caseId", "name", "relation", "parentalResponsibility", "contact", "position")
      SELECT c.id, left(g.value->>'name', 100), left(coalesce(g.value->>'relation', 'annen'), 40),
             coalesce((g.value->>'parentalResponsibility')::boolean, false), left(g.value->>'contact', 200), (g.ordinality - 1)::smallint
      FROM "bti_case" c JOIN "child" ch ON ch.id = c."childId"
      CROSS JOIN LATERAL jsonb_array_elements(ch.guardians) WITH ORDINALITY AS g(value, ordinality)`);

    await q.query(`ALTER TABLE "case_log_entry" ADD "confidential" varchar(20)`);
    await q.query(`ALTER TABLE "case_log_entry" ADD CONSTRAINT "CHK_case_log_entry_confidential" CHECK ("confidential" IN ('child_asked', 'risk_to_child', 'third_party'))`);
    // Cleared by the unit leader: the one change a log entry allows (who and when kept beside it).
    await q.query(`ALTER TABLE "case_log_entry" ADD "confidentialClearedAt" timestamptz`);
    await q.query(`ALTER TABLE "case_log_entry" ADD "confidentialClearedById" uuid`);
    await q.query(`ALTER TABLE "case_log_entry" ADD CONSTRAINT "FK_case_log_entry_confidentialClearedById" FOREIGN KEY ("confidentialClearedById") REFERENCES "app_user"("id") ON DELETE RESTRICT`);
    // A citizen's statement names the citizen by the national id's HMAC (actorId is null).
    await q.query(`ALTER TABLE "case_log_entry" ADD "citizenHmac" varchar(64)`);

    // guardians_may_be_informed (unit leader): a hidden case becomes visible to its guardians.
    await q.query(`ALTER TABLE "bti_case" ADD "guardiansMayBeInformedAt" timestamptz`);

    await q.query(`
      CREATE TABLE "youth_sharing" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "caseId" uuid NOT NULL,
        "sharesWithGuardians" boolean NOT NULL,
        "decidedBy" varchar(12) NOT NULL,
        "citizenHmac" varchar(64),
        "overriddenById" uuid,
        "reason" text,
        "at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_youth_sharing" PRIMARY KEY ("id"),
        CONSTRAINT "FK_youth_sharing_caseId" FOREIGN KEY ("caseId") REFERENCES "bti_case"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_youth_sharing_overriddenById" FOREIGN KEY ("overriddenById") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_youth_sharing_decided" CHECK (("decidedBy" = 'youth' AND "citizenHmac" IS NOT NULL)
          OR ("decidedBy" = 'unit_leader' AND "overriddenById" IS NOT NULL AND length("reason") >= 10))
      )`);
    await q.query(`CREATE INDEX "IDX_youth_sharing_case_at" ON "youth_sharing" ("caseId", "at")`);

    await q.query(`
      CREATE TABLE "consent_request" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "caseId" uuid NOT NULL,
        "services" text[] NOT NULL,
        "purpose" text NOT NULL,
        "validUntil" timestamptz NOT NULL,
        "requires" varchar(30) NOT NULL,
        "askYouth" boolean NOT NULL,
        "status" varchar(10) NOT NULL DEFAULT 'waiting',
        "consentId" uuid,
        "requestedById" uuid NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_consent_request" PRIMARY KEY ("id"),
        CONSTRAINT "FK_consent_request_caseId" FOREIGN KEY ("caseId") REFERENCES "bti_case"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_consent_request_consentId" FOREIGN KEY ("consentId") REFERENCES "consent"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_consent_request_requestedById" FOREIGN KEY ("requestedById") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_consent_request_status" CHECK ("status" IN ('waiting', 'in_effect', 'refused')),
        CONSTRAINT "CHK_consent_request_requires" CHECK ("requires" IN ('all_with_responsibility', 'one'))
      )`);
    await q.query(`CREATE INDEX "IDX_consent_request_caseId" ON "consent_request" ("caseId")`);
    await q.query(`
      CREATE TABLE "consent_request_answer" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "requestId" uuid NOT NULL,
        "citizenHmac" varchar(64) NOT NULL,
        "answer" varchar(10) NOT NULL,
        "acr" varchar(60) NOT NULL,
        "at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_consent_request_answer" PRIMARY KEY ("id"),
        CONSTRAINT "FK_consent_request_answer_requestId" FOREIGN KEY ("requestId") REFERENCES "consent_request"("id") ON DELETE RESTRICT,
        CONSTRAINT "UQ_consent_request_answer_citizen" UNIQUE ("requestId", "citizenHmac"),
        CONSTRAINT "CHK_consent_request_answer" CHECK ("answer" IN ('given', 'refused'))
      )`);
    // A digital consent: given in the portal by a logged-in citizen, recorded by nobody on the staff.
    await q.query(`ALTER TABLE "consent" ALTER COLUMN "recordedById" DROP NOT NULL`);
    await q.query(`ALTER TABLE "consent" ADD "citizenHmacs" varchar(64)[]`);
    await q.query(`ALTER TABLE "consent" ADD "acr" varchar(60)`);
    await q.query(`ALTER TABLE "consent" ADD "withdrawnByCitizenHmac" varchar(64)`);
    await q.query(`ALTER TABLE "consent" ADD CONSTRAINT "CHK_consent_recorded" CHECK ("recordedById" IS NOT NULL OR (form = 'digital' AND "citizenHmacs" IS NOT NULL))`);

    for (const sql of CITIZEN_FUNCTIONS) await q.query(sql);
    for (const table of ['case_guardian', 'youth_sharing', 'consent_request', 'consent_request_answer']) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
    }
    // Staff: the rows of a case they see (the case's own policies decide), as for the log.
    for (const table of ['case_guardian', 'youth_sharing', 'consent_request']) {
      await q.query(`CREATE POLICY "${table}_need_to_know" ON "${table}" USING (EXISTS (SELECT 1 FROM bti_case c WHERE c.id = "${table}"."caseId")) WITH CHECK (true)`);
    }
    await q.query(`CREATE POLICY "consent_request_answer_need_to_know" ON "consent_request_answer"
      USING (EXISTS (SELECT 1 FROM consent_request r WHERE r.id = "consent_request_answer"."requestId")) WITH CHECK (true)`);
    // A citizen sees the cases they are linked to and that 12.4 does not hide from them.
    await q.query(`CREATE POLICY "bti_case_citizen" ON "bti_case" FOR SELECT USING ((SELECT bti_citizen_hmac()) IS NOT NULL AND bti_citizen_relation(id) IS NOT NULL)`);
    await q.query(`CREATE POLICY "bti_case_citizen_withdrawal" ON "bti_case" FOR UPDATE USING (${CITIZEN_CASE_UPDATE}) WITH CHECK (${CITIZEN_CASE_UPDATE})`);
    for (const [name, table, command, using, check] of CITIZEN_RESTRICTIONS) {
      await q.query(
        `CREATE POLICY "${name}" ON "${table}" AS RESTRICTIVE FOR ${command} TO bti_app` + (using ? ` USING (${using})` : '') + (check ? ` WITH CHECK (${check})` : ''),
      );
    }
    for (const table of CITIZEN_TABLES_HIDDEN) {
      await q.query(`CREATE POLICY "${table}_not_citizen" ON "${table}" AS RESTRICTIVE TO bti_app USING (${NOT_CITIZEN})`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON "case_guardian", "consent_request" TO bti_app`);
    await q.query(`GRANT SELECT, INSERT ON "youth_sharing", "consent_request_answer" TO bti_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of CITIZEN_TABLES_HIDDEN) await q.query(`DROP POLICY "${table}_not_citizen" ON "${table}"`);
    for (const [name, table] of CITIZEN_RESTRICTIONS) await q.query(`DROP POLICY "${name}" ON "${table}"`);
    await q.query(`DROP POLICY "bti_case_citizen" ON "bti_case"`);
    await q.query(`DROP POLICY "bti_case_citizen_withdrawal" ON "bti_case"`);
    await q.query(`ALTER TABLE "consent" DROP CONSTRAINT "CHK_consent_recorded"`);
    for (const col of ['withdrawnByCitizenHmac', 'acr', 'citizenHmacs']) await q.query(`ALTER TABLE "consent" DROP COLUMN "${col}"`);
    await q.query(`DROP TABLE "consent_request_answer"`);
    await q.query(`DROP TABLE "consent_request"`);
    await q.query(`DROP TABLE "youth_sharing"`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "guardiansMayBeInformedAt"`);
    for (const col of ['citizenHmac', 'confidentialClearedById', 'confidentialClearedAt']) await q.query(`ALTER TABLE "case_log_entry" DROP COLUMN "${col}"`);
    await q.query(`ALTER TABLE "case_log_entry" DROP CONSTRAINT "CHK_case_log_entry_confidential"`);
    await q.query(`ALTER TABLE "case_log_entry" DROP COLUMN "confidential"`);
    await q.query(`DROP TABLE "case_guardian"`);
    await q.query(`DROP FUNCTION bti_citizen_sees_entry(uuid, timestamptz, varchar)`);
    await q.query(`DROP FUNCTION bti_citizen_sees_entry_of(uuid, timestamptz, varchar, text)`);
    await q.query(`DROP FUNCTION bti_citizen_relation(uuid)`);
    await q.query(`DROP FUNCTION bti_citizen_relation_of(uuid, text)`);
    await q.query(`DROP FUNCTION bti_citizen_hmac()`);
  }
}
