import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention and the Noark 5 archive (DESIGN 12.5, 12.8 items 1-2).
 * - The case's closing dates: `closedAt`, and from its profile version `accessEndsAt` (after it only
 *   the unit leader sees the case) and `deleteAfter`; `reopen` clears them. `deletedAt` marks a
 *   case whose personal data is gone: its row stays with codes for the statistics.
 * - `archive_extraction` (one per run, with its deposit) and `archive_extraction_case` (which
 *   cases it holds: the deletion gate of 12.8.1 asks for a deposited one).
 * - `retention_deletion`: the deletion report, one row per job run and rule (ids and counts only).
 * - `bti_archive_cases`: the extraction's read, owner-defined (SECURITY DEFINER) so it reads
 *   across row-level security; EXECUTE is for the worker's login only (LeastPrivilege grants it).
 */
export class RetentionAndArchive1796170000000 implements MigrationInterface {
  name = 'RetentionAndArchive1796170000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "bti_case" ADD "closedAt" timestamptz, ADD "accessEndsAt" timestamptz, ADD "deleteAfter" timestamptz, ADD "deletedAt" timestamptz`);
    // ISO 8601 durations (P90D, P3Y, PT10S) added on the Oslo wall clock, so 90 days is 90 calendar days across DST.
    await q.query(`
      CREATE FUNCTION bti_oslo_add(p_at timestamptz, p_duration text) RETURNS timestamptz
      LANGUAGE sql IMMUTABLE AS $$ SELECT ((p_at AT TIME ZONE 'Europe/Oslo') + p_duration::interval) AT TIME ZONE 'Europe/Oslo' $$`);
    // Closing stores the dates from the case's profile version unless the command gave them (the
    // API does when RETENTION_* overrides apply); leaving closed (reopen) clears them.
    await q.query(`
      CREATE FUNCTION bti_case_closing_dates() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE r jsonb;
      BEGIN
        IF NEW.status = 'closed' AND (TG_OP = 'INSERT' OR OLD.status <> 'closed') THEN
          SELECT document->'retention' INTO r FROM municipality_profile_version
           WHERE "municipalityId" = NEW."municipalityId" AND version = NEW."profileVersion";
          NEW."closedAt" := coalesce(NEW."closedAt", now());
          NEW."accessEndsAt" := coalesce(NEW."accessEndsAt", bti_oslo_add(NEW."closedAt", coalesce(r->>'closedCaseAccess', 'P90D')));
          NEW."deleteAfter" := coalesce(NEW."deleteAfter", bti_oslo_add(NEW."closedAt", coalesce(r->>'closedCaseKeep', 'P3Y')));
        ELSIF NEW.status <> 'closed' THEN
          NEW."closedAt" := NULL; NEW."accessEndsAt" := NULL; NEW."deleteAfter" := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_case_closing_dates() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER bti_case_closing_dates BEFORE INSERT OR UPDATE OF status ON "bti_case" FOR EACH ROW EXECUTE FUNCTION bti_case_closing_dates()`);
    // Cases closed before this migration: closed at their last closing entry.
    await q.query(`
      UPDATE bti_case c SET "closedAt" = l.at, "accessEndsAt" = bti_oslo_add(l.at, 'P90D'), "deleteAfter" = bti_oslo_add(l.at, 'P3Y')
        FROM (SELECT "caseId", max(at) AS at FROM case_log_entry WHERE type IN ('close', 'evaluate') GROUP BY "caseId") l
       WHERE l."caseId" = c.id AND c.status = 'closed'`);
    await q.query(`UPDATE bti_case SET "closedAt" = "updatedAt", "accessEndsAt" = bti_oslo_add("updatedAt", 'P90D'), "deleteAfter" = bti_oslo_add("updatedAt", 'P3Y') WHERE status = 'closed' AND "closedAt" IS NULL`);
    await q.query(`CREATE INDEX "IDX_bti_case_municipality_closed" ON "bti_case" ("municipalityId", "closedAt", id) WHERE "closedAt" IS NOT NULL`);
    await q.query(`CREATE INDEX "IDX_bti_case_delete_after" ON "bti_case" ("deleteAfter") WHERE "deleteAfter" IS NOT NULL AND "deletedAt" IS NULL`);

    await q.query(`
      CREATE TABLE "archive_extraction" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "municipalityId" uuid NOT NULL CONSTRAINT "FK_archive_extraction_municipalityId" REFERENCES "municipality"(id) ON DELETE RESTRICT,
        "periodFrom" date NOT NULL,
        "periodTo" date NOT NULL,
        "status" varchar(10) NOT NULL DEFAULT 'running' CONSTRAINT "CHK_archive_extraction_status" CHECK ("status" IN ('running', 'done', 'failed')),
        "cases" integer,
        "requestedById" uuid CONSTRAINT "FK_archive_extraction_requestedById" REFERENCES "app_user"(id) ON DELETE RESTRICT,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "finishedAt" timestamptz,
        "depositedAt" timestamptz,
        "depositReference" varchar(200),
        "depositedById" uuid CONSTRAINT "FK_archive_extraction_depositedById" REFERENCES "app_user"(id) ON DELETE RESTRICT,
        CONSTRAINT "CHK_archive_extraction_period" CHECK ("periodFrom" <= "periodTo"),
        CONSTRAINT "CHK_archive_extraction_deposit" CHECK (("depositedAt" IS NULL) = ("depositReference" IS NULL) AND ("depositedAt" IS NULL OR "status" = 'done'))
      )`);
    await q.query(`CREATE INDEX "IDX_archive_extraction_municipality" ON "archive_extraction" ("municipalityId", "createdAt")`);
    await q.query(`
      CREATE TABLE "archive_extraction_case" (
        "extractionId" uuid NOT NULL CONSTRAINT "FK_archive_extraction_case_extractionId" REFERENCES "archive_extraction"(id) ON DELETE CASCADE,
        "caseId" uuid NOT NULL CONSTRAINT "FK_archive_extraction_case_caseId" REFERENCES "bti_case"(id) ON DELETE RESTRICT,
        PRIMARY KEY ("extractionId", "caseId")
      )`);
    await q.query(`CREATE INDEX "IDX_archive_extraction_case_case" ON "archive_extraction_case" ("caseId")`);
    await q.query(`
      CREATE TABLE "retention_deletion" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "municipalityId" uuid NOT NULL CONSTRAINT "FK_retention_deletion_municipalityId" REFERENCES "municipality"(id) ON DELETE RESTRICT,
        "jobRun" varchar(100) NOT NULL,
        "rule" varchar(30) NOT NULL CONSTRAINT "CHK_retention_deletion_rule" CHECK ("rule" IN ('archived_and_deposited', 'disposal_basis')),
        "cases" integer NOT NULL,
        "ranAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_retention_deletion_run_rule" UNIQUE ("municipalityId", "jobRun", "rule")
      )`);

    // The archivist's requests (API): start, read, record the deposit; nothing of a case.
    await q.query(`GRANT SELECT, INSERT ON "archive_extraction" TO bti_app`);
    await q.query(`GRANT UPDATE ("depositedAt", "depositReference", "depositedById") ON "archive_extraction" TO bti_app`);
    await q.query(`GRANT SELECT ON "retention_deletion" TO bti_app`);
    for (const table of ['archive_extraction', 'retention_deletion']) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY "${table}_municipality" ON "${table}" TO bti_app
          USING ("municipalityId" = nullif(current_setting('bti.municipality_id', true), '')::uuid)
          WITH CHECK ("municipalityId" = nullif(current_setting('bti.municipality_id', true), '')::uuid)`);
    }

    // The case reference BTI-<year>-<n> as migration CaseReference numbers existing cases (creation
    // order per municipality and Oslo year), for a database that does not have the column yet.
    await q.query(`
      CREATE FUNCTION bti_archive_reference(p_case uuid) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT 'BTI-' || y || '-' || lpad(n::text, 4, '0') FROM (
          SELECT extract(year FROM c."createdAt" AT TIME ZONE 'Europe/Oslo')::int AS y,
                 (SELECT count(*) FROM bti_case c2 WHERE c2."municipalityId" = c."municipalityId"
                     AND extract(year FROM c2."createdAt" AT TIME ZONE 'Europe/Oslo') = extract(year FROM c."createdAt" AT TIME ZONE 'Europe/Oslo')
                     AND (c2."createdAt", c2.id) <= (c."createdAt", c.id)) AS n
            FROM bti_case c WHERE c.id = p_case) x
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_archive_reference(uuid) FROM PUBLIC`);

    // One page of closed cases of the period with everything the package needs, keyset-paged by
    // (closedAt, id) so the extraction streams. Personal data leaves only through this function.
    await q.query(`
      CREATE FUNCTION bti_archive_cases(p_municipality uuid, p_from date, p_to date, p_after_closed timestamptz, p_after_id uuid, p_limit integer)
      RETURNS TABLE (id uuid, "closedAt" timestamptz, record jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.id, c."closedAt", jsonb_build_object(
          'id', c.id, 'reference', coalesce(to_jsonb(c)->>'reference', bti_archive_reference(c.id)), 'createdAt', c."createdAt", 'closedAt', c."closedAt",
          'unitName', u.name, 'coordinatorName', coalesce(a.name, r.name),
          'child', jsonb_build_object('firstName', ch."firstName", 'lastName', ch."lastName", 'birthDate', ch."birthDate"),
          'concern', jsonb_build_object('id', k.id, 'at', k."createdAt", 'description', k.description, 'categories', k.categories,
                                        'riskFactors', k."riskFactors", 'protectiveFactors', k."protectiveFactors", 'childVoice', k."childVoice", 'author', r.name),
          'log', coalesce((SELECT jsonb_agg(jsonb_build_object('id', l.id, 'type', l.type, 'at', l.at, 'text', l.text, 'author', coalesce(au."displayName", 'System'),
                                                                'outcome', l.data->'payload'->>'outcome') ORDER BY l.at, l.id)
                             FROM case_log_entry l LEFT JOIN app_user au ON au.id = l."actorId" WHERE l."caseId" = c.id), '[]'::jsonb),
          'reports', coalesce((SELECT jsonb_agg(jsonb_build_object('id', w.id, 'at', w."recordedAt", 'channel', w.channel, 'reference', w.reference,
                                                                    'guardiansInformed', w."guardiansInformed", 'documentEncrypted', w."documentEncrypted", 'author', wu."displayName") ORDER BY w."recordedAt")
                                 FROM child_welfare_report w JOIN app_user wu ON wu.id = w."reportedById" WHERE w."caseId" = c.id), '[]'::jsonb))
        FROM bti_case c
        JOIN unit u ON u.id = c."unitId"
        JOIN child ch ON ch.id = c."childId"
        JOIN concern k ON k."caseId" = c.id
        LEFT JOIN LATERAL (SELECT "displayName" AS name FROM app_user WHERE id = c."assigneeId") a ON true
        LEFT JOIN LATERAL (SELECT "displayName" AS name FROM app_user WHERE id = c."reporterId") r ON true
        WHERE c."municipalityId" = p_municipality AND c.status = 'closed' AND c."deletedAt" IS NULL
          AND c."closedAt" >= (p_from::timestamp AT TIME ZONE 'Europe/Oslo')
          AND c."closedAt" < ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Oslo')
          AND (p_after_closed IS NULL OR (c."closedAt", c.id) > (p_after_closed, p_after_id))
        ORDER BY c."closedAt", c.id
        LIMIT p_limit
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_archive_cases(uuid, date, date, timestamptz, uuid, integer) FROM PUBLIC`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_archive_cases(uuid, date, date, timestamptz, uuid, integer)`);
    await q.query(`DROP FUNCTION bti_archive_reference(uuid)`);
    await q.query(`DROP TABLE "retention_deletion"`);
    await q.query(`DROP TABLE "archive_extraction_case"`);
    await q.query(`DROP TABLE "archive_extraction"`);
    await q.query(`DROP INDEX "IDX_bti_case_delete_after"`);
    await q.query(`DROP INDEX "IDX_bti_case_municipality_closed"`);
    await q.query(`DROP TRIGGER bti_case_closing_dates ON "bti_case"`);
    await q.query(`DROP FUNCTION bti_case_closing_dates()`);
    await q.query(`DROP FUNCTION bti_oslo_add(timestamptz, text)`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "closedAt", DROP COLUMN "accessEndsAt", DROP COLUMN "deleteAfter", DROP COLUMN "deletedAt"`);
  }
}
