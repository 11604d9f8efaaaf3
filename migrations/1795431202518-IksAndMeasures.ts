import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IKS referrals and competence orders, measures (tiltak) and their evaluations, and the
 * de-identified statistics read for the analyst. Hand-written.
 *
 * - measure / measure_evaluation follow the case tables' row-level security (visible with the case).
 * - iks_referral / iks_competence_order have no case RLS: the IKS coordinator's queue also lists
 *   returned referrals whose case they no longer see, and a competence order reaches a unit leader
 *   of another unit; the API checks roles and shows no child data there.
 * - bti_stats_case_facts(): SECURITY DEFINER, one row per case with no identity (unit kind,
 *   cluster, level, route, timings, flags), so aggregates work under RLS for the analyst who may
 *   read no case. It refuses another municipality than the transaction's `bti.municipality_id`.
 * - bti_iks_return_case(): SECURITY DEFINER. Returning a referral takes the case off the IKS
 *   route, so the coordinator's UPDATE would produce a row they may no longer see, which row-level
 *   security refuses (the SELECT policy applies to the new row of an UPDATE with a WHERE). The
 *   function makes exactly that one change, only for the IKS coordinator of the referral's
 *   municipality (`bti.user_id`) and only while the referral is still `referred`.
 */
export class IksAndMeasures1795431202518 implements MigrationInterface {
  name = 'IksAndMeasures1795431202518';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "iks_referral" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "municipalityId" uuid NOT NULL,
        "caseId" uuid NOT NULL,
        "unitId" uuid NOT NULL,
        "status" character varying(20) NOT NULL,
        "referredById" uuid NOT NULL,
        "fromLevel" smallint NOT NULL DEFAULT '0',
        "escalation" boolean NOT NULL DEFAULT false,
        "priority" smallint,
        "coreGroup" text array NOT NULL DEFAULT '{}',
        "memberIds" uuid array NOT NULL DEFAULT '{}',
        "entryPlan" text,
        "exitCriteria" text,
        "acceptedAt" TIMESTAMP WITH TIME ZONE,
        "acceptedById" uuid,
        "returnedAt" TIMESTAMP WITH TIME ZONE,
        "returnedById" uuid,
        "returnReason" text,
        "endedAt" TIMESTAMP WITH TIME ZONE,
        "endedById" uuid,
        "endReason" character varying(40),
        "endSummary" text,
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_iks_referral" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_iks_referral_case" ON "iks_referral" ("caseId", "createdAt")`);
    await q.query(`CREATE INDEX "IDX_iks_referral_municipality_status" ON "iks_referral" ("municipalityId", "status")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_iks_referral_open_case" ON "iks_referral" ("caseId") WHERE "status" IN ('referred', 'accepted')`);
    await q.query(`
      CREATE TABLE "iks_competence_order" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "referralId" uuid NOT NULL,
        "caseId" uuid NOT NULL,
        "serviceCode" character varying(60) NOT NULL,
        "unitLeaderId" uuid NOT NULL,
        "note" text NOT NULL,
        "orderedById" uuid NOT NULL,
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "acknowledgedAt" TIMESTAMP WITH TIME ZONE,
        "acknowledgementNote" text,
        CONSTRAINT "PK_iks_competence_order" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_iks_competence_order_referral" ON "iks_competence_order" ("referralId")`);
    await q.query(`CREATE INDEX "IDX_iks_competence_order_unit_leader" ON "iks_competence_order" ("unitLeaderId", "acknowledgedAt")`);
    await q.query(`
      CREATE TABLE "measure" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "caseId" uuid NOT NULL,
        "catalogCode" character varying(60),
        "title" character varying(200) NOT NULL,
        "levels" text array NOT NULL DEFAULT '{}',
        "description" text,
        "responsibleId" uuid NOT NULL,
        "startDate" date NOT NULL,
        "evaluationDate" date NOT NULL,
        "status" character varying(20) NOT NULL DEFAULT 'active',
        "createdById" uuid NOT NULL,
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "endedAt" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_measure" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_measure_case" ON "measure" ("caseId", "createdAt")`);
    await q.query(`CREATE INDEX "IDX_measure_responsible" ON "measure" ("responsibleId")`);
    await q.query(`
      CREATE TABLE "measure_evaluation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "measureId" uuid NOT NULL,
        "caseId" uuid NOT NULL,
        "outcome" character varying(20) NOT NULL,
        "note" text NOT NULL,
        "nextEvaluationDate" date,
        "evaluatedById" uuid NOT NULL,
        "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_measure_evaluation" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_measure_evaluation_measure" ON "measure_evaluation" ("measureId", "createdAt")`);

    for (const table of ['measure', 'measure_evaluation']) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY "${table}_need_to_know" ON "${table}"
        USING (EXISTS (SELECT 1 FROM bti_case c WHERE c.id = "${table}"."caseId")) WITH CHECK (true)`);
    }

    await q.query(`
      CREATE FUNCTION bti_stats_case_facts(p_municipality uuid, p_from timestamptz, p_to timestamptz)
      RETURNS TABLE (
        "unitKind" text, "clusterId" uuid, "level" smallint, "route" text, "createdAt" timestamptz,
        "decidedAt" timestamptz, "firstMeasureAt" timestamptz, "childWelfareReported" boolean,
        "iksReferred" boolean, "iksAccepted" boolean
      )
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT u.kind::text, c."clusterId", c.level, c.route::text, c."createdAt",
          (SELECT min(l.at) FROM case_log_entry l WHERE l."caseId" = c.id AND l.type = 'decide'),
          (SELECT min(m."createdAt") FROM measure m WHERE m."caseId" = c.id),
          c."childWelfareReportedAt" IS NOT NULL,
          EXISTS (SELECT 1 FROM iks_referral r WHERE r."caseId" = c.id),
          EXISTS (SELECT 1 FROM iks_referral r WHERE r."caseId" = c.id AND r."acceptedAt" IS NOT NULL)
        FROM bti_case c JOIN unit u ON u.id = c."unitId"
        WHERE c."municipalityId" = p_municipality
          AND p_municipality::text = coalesce(nullif(current_setting('bti.municipality_id', true), ''), p_municipality::text)
          AND c."createdAt" >= p_from AND c."createdAt" < p_to
      $$`);

    await q.query(`
      CREATE FUNCTION bti_iks_return_case(p_referral uuid, p_version integer) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_case uuid;
        v_count integer;
      BEGIN
        SELECT r."caseId" INTO v_case FROM iks_referral r
         WHERE r.id = p_referral AND r.status = 'referred'
           AND r."municipalityId"::text = current_setting('bti.municipality_id', true)
           AND EXISTS (SELECT 1 FROM role_assignment a
                        WHERE a."userId"::text = current_setting('bti.user_id', true) AND a.role = 'iks_coordinator'
                          AND a."scopeType" = 'municipality' AND a."scopeId" = r."municipalityId");
        IF v_case IS NULL THEN
          RETURN false;
        END IF;
        -- The domain's onIksReturned: back to deciding with the route cleared.
        UPDATE bti_case SET status = 'deciding', route = NULL, level = 0, anonymous = false,
               version = version + 1, "updatedAt" = now()
         WHERE id = v_case AND version = p_version AND route = 'iks' AND status <> 'closed';
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count = 1;
      END
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_iks_return_case(uuid, integer)`);
    await q.query(`DROP FUNCTION bti_stats_case_facts(uuid, timestamptz, timestamptz)`);
    await q.query(`DROP TABLE "measure_evaluation"`);
    await q.query(`DROP TABLE "measure"`);
    await q.query(`DROP TABLE "iks_competence_order"`);
    await q.query(`DROP TABLE "iks_referral"`);
  }
}
