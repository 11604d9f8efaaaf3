import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case lifecycle of DESIGN 8.6–8.8. Hand-written.
 *
 * - bti_case.reporterUnitId: the unit the concern was raised in (existing rows: their unitId; a
 *   trigger fills it from unitId on INSERT, so writers that predate it keep working).
 *   The reporter sees the case only while it is there, so a transfer locks the sending unit out.
 * - bti_case.transferToUnitId / transferToClusterId: a proposed transfer; the receiving unit's
 *   leader sees the case while it is pending (a policy of its own, ORed with need-to-know).
 * - case_log_entry: when a conversation or meeting took place, its participants, and the entry a
 *   correction points at (the original row is never changed).
 * - case_task: tasks from a log entry, each with a responsible and a due date (`task_due`).
 * - bti_case_reject_transfer(): SECURITY DEFINER, for the same reason: a rejected transfer leaves
 *   the receiving leader's sight.
 * - bti_iks_end_case(): SECURITY DEFINER, like bti_iks_return_case: ending IKS takes the case off
 *   the IKS route and out of the coordinator's sight, which row-level security would refuse for
 *   the coordinator's own UPDATE.
 */
export class CaseLifecycle1796014893551 implements MigrationInterface {
  name = 'CaseLifecycle1796014893551';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "bti_case" ADD "reporterUnitId" uuid`);
    await q.query(`UPDATE "bti_case" SET "reporterUnitId" = "unitId"`);
    await q.query(`ALTER TABLE "bti_case" ALTER COLUMN "reporterUnitId" SET NOT NULL`);
    // A concern is reported in the unit its case starts in: an INSERT without the column gets it.
    await q.query(`
      CREATE FUNCTION bti_case_reporter_unit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW."reporterUnitId" := coalesce(NEW."reporterUnitId", NEW."unitId"); RETURN NEW; END $$`);
    await q.query(`CREATE TRIGGER bti_case_reporter_unit BEFORE INSERT ON "bti_case" FOR EACH ROW EXECUTE FUNCTION bti_case_reporter_unit()`);
    await q.query(`ALTER TABLE "bti_case" ADD "transferToUnitId" uuid`);
    await q.query(`ALTER TABLE "bti_case" ADD "transferToClusterId" uuid`);
    await q.query(`CREATE INDEX "IDX_bti_case_transfer_to" ON "bti_case" ("transferToUnitId") WHERE "transferToUnitId" IS NOT NULL`);

    await q.query(`ALTER TABLE "case_log_entry" ADD "occurredAt" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "case_log_entry" ADD "participants" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "case_log_entry" ADD "correctsEntryId" uuid`);
    await q.query(`CREATE INDEX "IDX_case_log_entry_corrects" ON "case_log_entry" ("correctsEntryId") WHERE "correctsEntryId" IS NOT NULL`);

    await q.query(`
      CREATE TABLE "case_task" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "caseId" uuid NOT NULL,
        "logEntryId" uuid NOT NULL,
        "text" text NOT NULL,
        "responsibleId" uuid NOT NULL,
        "dueDate" date NOT NULL,
        "createdById" uuid NOT NULL,
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_task" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_case_task_case" ON "case_task" ("caseId", "dueDate")`);
    await q.query(`CREATE INDEX "IDX_case_task_log_entry" ON "case_task" ("logEntryId")`);
    await q.query(`ALTER TABLE "case_task" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY "case_task_need_to_know" ON "case_task"
      USING (EXISTS (SELECT 1 FROM bti_case c WHERE c.id = "case_task"."caseId")) WITH CHECK (true)`);

    // The reporter's clause now also needs the case to be in the unit it was reported in.
    await q.query(`
      CREATE OR REPLACE FUNCTION bti_case_visible(c bti_case) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c."municipalityId"::text = current_setting('bti.municipality_id', true) AND (
          (c."reporterId"::text = current_setting('bti.user_id', true) AND c."reporterUnitId" = c."unitId")
          OR c."assigneeId"::text = current_setting('bti.user_id', true)
          OR EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"::text = current_setting('bti.user_id', true) AND (
               (r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."unitId")
            OR (c.route = 'interdisciplinary_team' AND r.role = 'team_member'
                AND (r."scopeId" IN (c."unitId", c."clusterId") OR (r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"))
                AND (c.anonymous OR bti_consent_covers(c.id, 'interdisciplinary_team')))
            OR (c.route = 'tfa' AND r.role = 'tfa_coordinator' AND r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"
                AND bti_consent_covers(c.id, 'tfa'))
            OR (c.route = 'iks' AND r.role IN ('iks_coordinator', 'iks_member') AND r."scopeType" = 'municipality'
                AND r."scopeId" = c."municipalityId" AND bti_consent_covers(c.id, 'iks'))
          ))
        )
      $$`);
    // The leader of the unit a pending transfer proposes (DESIGN 8.7), as a policy of its own.
    await q.query(`
      CREATE FUNCTION bti_case_transfer_offered(c bti_case) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c."transferToUnitId" IS NOT NULL
          AND c."municipalityId"::text = current_setting('bti.municipality_id', true)
          AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"::text = current_setting('bti.user_id', true)
                        AND r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."transferToUnitId")
      $$`);
    await q.query(`CREATE POLICY bti_case_transfer_offered ON bti_case USING (bti_case_transfer_offered(bti_case)) WITH CHECK (true)`);

    // Rejecting a transfer takes the case out of the receiving leader's sight: their own UPDATE
    // would be refused by row-level security, so this makes exactly that change, only for them.
    await q.query(`
      CREATE FUNCTION bti_case_reject_transfer(p_case uuid, p_version integer) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_count integer;
      BEGIN
        UPDATE bti_case c SET "transferToUnitId" = NULL, "transferToClusterId" = NULL, version = version + 1, "updatedAt" = now()
         WHERE c.id = p_case AND c.version = p_version AND c."transferToUnitId" IS NOT NULL
           AND c."municipalityId"::text = current_setting('bti.municipality_id', true)
           AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"::text = current_setting('bti.user_id', true)
                         AND r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."transferToUnitId");
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count = 1;
      END
      $$`);

    await q.query(`
      CREATE FUNCTION bti_iks_end_case(p_referral uuid, p_version integer, p_route text, p_level smallint, p_anonymous boolean) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_case uuid;
        v_count integer;
      BEGIN
        IF p_route NOT IN ('own_unit', 'interdisciplinary_team') THEN
          RETURN false;
        END IF;
        SELECT r."caseId" INTO v_case FROM iks_referral r
         WHERE r.id = p_referral AND r.status = 'accepted'
           AND r."municipalityId"::text = current_setting('bti.municipality_id', true)
           AND EXISTS (SELECT 1 FROM role_assignment a
                        WHERE a."userId"::text = current_setting('bti.user_id', true) AND a.role = 'iks_coordinator'
                          AND a."scopeType" = 'municipality' AND a."scopeId" = r."municipalityId");
        IF v_case IS NULL THEN
          RETURN false;
        END IF;
        -- The domain's onIksEnded: the hand-back route and its level.
        UPDATE bti_case SET route = p_route, level = p_level, anonymous = p_anonymous,
               version = version + 1, "updatedAt" = now()
         WHERE id = v_case AND version = p_version AND route = 'iks' AND status <> 'closed';
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count = 1;
      END
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_iks_end_case(uuid, integer, text, smallint, boolean)`);
    await q.query(`DROP FUNCTION bti_case_reject_transfer(uuid, integer)`);
    await q.query(`DROP POLICY bti_case_transfer_offered ON bti_case`);
    await q.query(`DROP FUNCTION bti_case_transfer_offered(bti_case)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION bti_case_visible(c bti_case) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c."municipalityId"::text = current_setting('bti.municipality_id', true) AND (
          c."reporterId"::text = current_setting('bti.user_id', true)
          OR c."assigneeId"::text = current_setting('bti.user_id', true)
          OR EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"::text = current_setting('bti.user_id', true) AND (
               (r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."unitId")
            OR (c.route = 'interdisciplinary_team' AND r.role = 'team_member'
                AND (r."scopeId" IN (c."unitId", c."clusterId") OR (r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"))
                AND (c.anonymous OR bti_consent_covers(c.id, 'interdisciplinary_team')))
            OR (c.route = 'tfa' AND r.role = 'tfa_coordinator' AND r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"
                AND bti_consent_covers(c.id, 'tfa'))
            OR (c.route = 'iks' AND r.role IN ('iks_coordinator', 'iks_member') AND r."scopeType" = 'municipality'
                AND r."scopeId" = c."municipalityId" AND bti_consent_covers(c.id, 'iks'))
          ))
        )
      $$`);
    await q.query(`DROP TABLE "case_task"`);
    await q.query(`DROP INDEX "IDX_case_log_entry_corrects"`);
    await q.query(`ALTER TABLE "case_log_entry" DROP COLUMN "correctsEntryId"`);
    await q.query(`ALTER TABLE "case_log_entry" DROP COLUMN "participants"`);
    await q.query(`ALTER TABLE "case_log_entry" DROP COLUMN "occurredAt"`);
    await q.query(`DROP INDEX "IDX_bti_case_transfer_to"`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "transferToClusterId"`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "transferToUnitId"`);
    await q.query(`DROP TRIGGER bti_case_reporter_unit ON "bti_case"`);
    await q.query(`DROP FUNCTION bti_case_reporter_unit()`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "reporterUnitId"`);
  }
}
