import { MigrationInterface, QueryRunner } from 'typeorm';

/** The row-level policy functions over `c`, with the ids compared as uuids (see below). */
function visibleBody(id: (setting: string) => string): string {
  return `
        SELECT c."municipalityId"${id('bti.municipality_id')} AND (
          -- CaseLifecycle: a transfer to another unit ends the reporter's access.
          (c."reporterId"${id('bti.user_id')} AND c."reporterUnitId" = c."unitId")
          OR c."assigneeId"${id('bti.user_id')}
          OR c."pendingAssigneeId"${id('bti.user_id')}
          OR EXISTS (SELECT 1 FROM role_assignment r JOIN app_user u ON u.id = r."userId"
            WHERE r."userId"${id('bti.user_id')} AND (
               (r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."unitId")
            OR (c.route = 'interdisciplinary_team' AND r.role = 'team_member'
                AND ((r."scopeType" = 'unit' AND r."scopeId" = c."unitId") OR (r."scopeType" = 'cluster' AND r."scopeId" = c."clusterId")
                     OR (r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"))
                AND (c.anonymous OR bti_team_consent(c.id)))
            OR (c.route = 'tfa' AND r.role = 'tfa_coordinator' AND r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"
                AND bti_consent_covers(c.id, 'tfa') AND bti_consent_names(c.id, u.service))
            OR (c.route = 'iks' AND r.role IN ('iks_coordinator', 'iks_member') AND r."scopeType" = 'municipality'
                AND r."scopeId" = c."municipalityId" AND bti_consent_covers(c.id, 'iks') AND bti_consent_names(c.id, u.service))
          ))
        )`;
}

function transferOfferedBody(id: (setting: string) => string): string {
  return `
        SELECT c."transferToUnitId" IS NOT NULL
          AND c."municipalityId"${id('bti.municipality_id')}
          AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"${id('bti.user_id')}
                        AND r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."transferToUnitId")`;
}

/** Now: the setting cast to uuid (an unset or ended setting reads '' → NULL → no match). */
const asUuid = (setting: string) => ` = nullif(current_setting('${setting}', true), '')::uuid`;
/** Before: the column cast to text (PracticeRules, CaseLifecycle), for down(). */
const asText = (setting: string) => `::text = current_setting('${setting}', true)`;

const define = (name: string, body: string) => `
      CREATE OR REPLACE FUNCTION ${name}(c bti_case) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$${body}
      $$`;

/**
 * The case list at national scale (docs/BENCHMARKS.md, "Paging at national scale"). Hand-written.
 *
 * - The row-level policy functions `bti_case_visible` and `bti_case_transfer_offered` say the
 *   same as before (PracticeRules, CaseLifecycle), but compare ids as uuids:
 *   `r."userId" = <setting>::uuid` instead of `r."userId"::text = <setting>`. The cast of the
 *   column kept the role lookup off its index, and the policy runs once per candidate row: a TFA
 *   coordinator's first page of the largest municipality took 28.9 s, 4.4 s with this alone.
 * - Two indexes, so that every branch of the list's visibility condition can use one and the
 *   planner ORs them (BitmapOr) instead of reading every case of the municipality and running the
 *   policy on each: the proposed coordinator (`pendingAssigneeId`, also a foreign key) and the
 *   route a case is on, per municipality (the team, TFA and IKS branches). Page 1 of the same
 *   list: 0.48 s.
 */
export class CaseListVisibility1796026926990 implements MigrationInterface {
  name = 'CaseListVisibility1796026926990';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(define('bti_case_visible', visibleBody(asUuid)));
    await q.query(define('bti_case_transfer_offered', transferOfferedBody(asUuid)));
    await q.query(`CREATE INDEX "IDX_bti_case_pending_assignee" ON "bti_case" ("pendingAssigneeId") WHERE "pendingAssigneeId" IS NOT NULL`);
    await q.query(`CREATE INDEX "IDX_bti_case_municipality_route_created" ON "bti_case" ("municipalityId", "route", "createdAt") WHERE "route" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_bti_case_municipality_route_created"`);
    await q.query(`DROP INDEX "public"."IDX_bti_case_pending_assignee"`);
    await q.query(define('bti_case_transfer_offered', transferOfferedBody(asText)));
    await q.query(define('bti_case_visible', visibleBody(asText)));
  }
}
