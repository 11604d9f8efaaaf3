import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deletion gate asks for an up-to-date archive copy (DESIGN 12.8.1): an extraction records the
 * closing it holds (`archive_extraction_case."closedAt"`), and only a deposited extraction of the
 * case's current closing lets it be deleted. A case reopened and closed again after its extraction
 * waits for an extraction of its later log. Rows from before this migration have no closing and
 * open the gate for nobody: those cases need a new extraction.
 */
export class ArchiveGateClosedAt1796206000002 implements MigrationInterface {
  name = 'ArchiveGateClosedAt1796206000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "archive_extraction_case" ADD "closedAt" timestamptz`);
    // Same signature: CREATE OR REPLACE keeps the grants (the worker's login alone may execute it).
    await q.query(`
      CREATE OR REPLACE FUNCTION bti_retention_due(p_case uuid, p_limit integer)
      RETURNS TABLE ("caseId" uuid, "municipalityId" uuid, rule text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT * FROM (
          SELECT c.id, c."municipalityId",
            CASE WHEN coalesce((v.document->'retention'->>'archive')::boolean, true)
                 THEN CASE WHEN EXISTS (SELECT 1 FROM archive_extraction_case ec JOIN archive_extraction e ON e.id = ec."extractionId"
                                         WHERE ec."caseId" = c.id AND ec."closedAt" = c."closedAt" AND e."depositedAt" IS NOT NULL) THEN 'archived_and_deposited' END
                 ELSE CASE WHEN nullif(btrim(v.document->'retention'->>'disposalBasis'), '') IS NOT NULL THEN 'disposal_basis' END
            END AS rule
          FROM bti_case c
          JOIN municipality_profile_version v ON v."municipalityId" = c."municipalityId" AND v.version = c."profileVersion"
          WHERE c.status = 'closed' AND c."deletedAt" IS NULL AND c."deleteAfter" <= now()
            AND (p_case IS NULL OR c.id = p_case)
            AND c."transferToUnitId" IS NULL
            AND NOT (c."suspectedViolenceOrAbuse" AND c."childWelfareReportedAt" IS NULL)
            AND NOT EXISTS (SELECT 1 FROM iks_referral r WHERE r."caseId" = c.id AND r.status IN ('referred', 'accepted'))
          ORDER BY c."deleteAfter", c.id
        ) due
        WHERE due.rule IS NOT NULL
        LIMIT p_limit
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION bti_retention_due(p_case uuid, p_limit integer)
      RETURNS TABLE ("caseId" uuid, "municipalityId" uuid, rule text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT * FROM (
          SELECT c.id, c."municipalityId",
            CASE WHEN coalesce((v.document->'retention'->>'archive')::boolean, true)
                 THEN CASE WHEN EXISTS (SELECT 1 FROM archive_extraction_case ec JOIN archive_extraction e ON e.id = ec."extractionId"
                                         WHERE ec."caseId" = c.id AND e."depositedAt" IS NOT NULL) THEN 'archived_and_deposited' END
                 ELSE CASE WHEN nullif(btrim(v.document->'retention'->>'disposalBasis'), '') IS NOT NULL THEN 'disposal_basis' END
            END AS rule
          FROM bti_case c
          JOIN municipality_profile_version v ON v."municipalityId" = c."municipalityId" AND v.version = c."profileVersion"
          WHERE c.status = 'closed' AND c."deletedAt" IS NULL AND c."deleteAfter" <= now()
            AND (p_case IS NULL OR c.id = p_case)
            AND c."transferToUnitId" IS NULL
            AND NOT (c."suspectedViolenceOrAbuse" AND c."childWelfareReportedAt" IS NULL)
            AND NOT EXISTS (SELECT 1 FROM iks_referral r WHERE r."caseId" = c.id AND r.status IN ('referred', 'accepted'))
          ORDER BY c."deleteAfter", c.id
        ) due
        WHERE due.rule IS NOT NULL
        LIMIT p_limit
      $$`);
    await q.query(`ALTER TABLE "archive_extraction_case" DROP COLUMN "closedAt"`);
  }
}
