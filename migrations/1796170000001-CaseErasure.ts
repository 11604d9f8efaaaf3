import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kassasjon (DESIGN 12.5, 12.8 item 1) and the access that ends after closing (12.8 item 2).
 * - `bti_retention_due`: the closed cases past `deleteAfter` the gate lets go, with the rule that
 *   allows it: archived in a deposited extraction (profile `archive: true`), or the profile's
 *   `disposalBasis` (`archive: false`). Never a case with a pending transfer, an open IKS referral
 *   or a flagged case without its report to child welfare.
 * - `bti_erase_case`: deletes what identifies or describes the child, the family or the staff's
 *   words; keeps ids, codes, levels, routes, dates and flags for the statistics; marks the case
 *   deleted and adds one audit row. Owner-defined (SECURITY DEFINER): the log and reports are
 *   append-only to every login; only the worker's login may run it (LeastPrivilege grants it).
 * - Row-level security: a deleted case is gone for the API's role; after `accessEndsAt` only the
 *   unit leader of the case's unit sees it (citizens keep access until deletion).
 */
export class CaseErasure1796170000001 implements MigrationInterface {
  name = 'CaseErasure1796170000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION bti_retention_due(p_case uuid, p_limit integer)
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

    await q.query(`
      CREATE FUNCTION bti_erase_case(p_case uuid, p_job text) RETURNS text
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_case bti_case;
        v_rule text;
        v_sql text;
      BEGIN
        SELECT * INTO v_case FROM bti_case WHERE id = p_case FOR UPDATE;
        SELECT d.rule INTO v_rule FROM bti_retention_due(p_case, 1) d;
        IF v_rule IS NULL THEN
          RETURN NULL;
        END IF;
        -- The child: only when no other case still needs the row.
        IF NOT EXISTS (SELECT 1 FROM bti_case o WHERE o."childId" = v_case."childId" AND o.id <> p_case AND o."deletedAt" IS NULL) THEN
          UPDATE child SET "firstName" = '', "lastName" = '', "birthDate" = date_trunc('year', "birthDate")::date,
                 "nationalIdEncrypted" = NULL, "nationalIdHash" = NULL, guardians = '[]'::jsonb, address = NULL
           WHERE id = v_case."childId";
        END IF;
        UPDATE concern SET description = '', "childVoice" = NULL WHERE "caseId" = p_case;
        -- The log keeps its types and times (the statistics' decision dates), not its words.
        UPDATE case_log_entry SET text = '', data = '{}'::jsonb, participants = '{}' WHERE "caseId" = p_case;
        DELETE FROM child_voice WHERE "caseId" = p_case;
        DELETE FROM case_task WHERE "caseId" = p_case;
        UPDATE measure SET title = coalesce("catalogCode", ''), description = NULL WHERE "caseId" = p_case;
        UPDATE measure_evaluation SET note = '' WHERE "caseId" = p_case;
        UPDATE consent SET "givenByName" = '', purpose = '', "withdrawalReason" = NULL WHERE "caseId" = p_case;
        UPDATE iks_referral SET "entryPlan" = NULL, "exitCriteria" = NULL, "returnReason" = NULL, "endSummary" = NULL WHERE "caseId" = p_case;
        UPDATE iks_competence_order SET note = '', "acknowledgementNote" = NULL WHERE "caseId" = p_case;
        DELETE FROM child_welfare_report WHERE "caseId" = p_case;
        DELETE FROM notification_delivery WHERE "notificationId" IN (SELECT id FROM notification WHERE "caseId" = p_case);
        DELETE FROM notification WHERE "caseId" = p_case;
        DELETE FROM idempotency_key WHERE "caseId" = p_case;
        DELETE FROM scheduled_reminder WHERE "caseId" = p_case;
        -- The family's access (migration FamilyAccess, branch family): guardian rows with national
        -- ids, the youth's sharing choice, consent requests and answers, citizen links. Each
        -- statement is skipped where the table or column does not exist (a database without it).
        FOREACH v_sql IN ARRAY ARRAY[
          'DELETE FROM case_guardian WHERE "caseId" = $1',
          'DELETE FROM youth_sharing WHERE "caseId" = $1',
          'DELETE FROM consent_request_answer WHERE "requestId" IN (SELECT id FROM consent_request WHERE "caseId" = $1)',
          'DELETE FROM consent_request WHERE "caseId" = $1',
          'UPDATE case_log_entry SET "citizenHmac" = NULL WHERE "caseId" = $1',
          'UPDATE consent SET "citizenHmacs" = NULL, "withdrawnByCitizenHmac" = NULL WHERE "caseId" = $1'
        ] LOOP
          BEGIN
            EXECUTE v_sql USING p_case;
          EXCEPTION WHEN undefined_table OR undefined_column THEN NULL;
          END;
        END LOOP;
        UPDATE bti_case SET "anonymousSummary" = NULL, "deletedAt" = now() WHERE id = p_case;
        INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, "caseId", at, "requestId", purpose, detail)
        VALUES (v_case."municipalityId", '00000000-0000-0000-0000-000000000000', 'system', 'retention.delete', p_case, now(), p_job,
                'kassasjon', jsonb_build_object('rule', v_rule));
        RETURN v_rule;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_retention_due(uuid, integer) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION bti_erase_case(uuid, text) FROM PUBLIC`);

    // Second line behind the API's access layer (libs/domain retention.ts): restrictive, so every
    // permissive policy of bti_case is narrowed by it. The owner (bti_owner is a member of bti_app,
    // to grant it) passes: its definer functions erase cases and read them for the statistics.
    await q.query(`
      CREATE POLICY bti_case_retention ON bti_case AS RESTRICTIVE TO bti_app
        USING (current_user = 'bti_owner' OR "deletedAt" IS NULL AND (
          "accessEndsAt" IS NULL OR "accessEndsAt" > now()
          OR coalesce(current_setting('bti.citizen_hmac', true), '') <> ''
          OR EXISTS (SELECT 1 FROM role_assignment a
                      WHERE a."userId"::text = current_setting('bti.user_id', true) AND a.role = 'unit_leader'
                        AND a."scopeType" = 'unit' AND a."scopeId" = bti_case."unitId")))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY bti_case_retention ON bti_case`);
    await q.query(`DROP FUNCTION bti_erase_case(uuid, text)`);
    await q.query(`DROP FUNCTION bti_retention_due(uuid, integer)`);
  }
}
