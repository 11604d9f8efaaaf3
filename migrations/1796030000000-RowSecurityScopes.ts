import { MigrationInterface, QueryRunner } from 'typeorm';

const user = `nullif(current_setting('bti.user_id', true), '')::uuid`;
const municipality = `nullif(current_setting('bti.municipality_id', true), '')::uuid`;
/** The caller's scopes of one role as an array; a sub-select, so the planner runs it once per statement (an InitPlan). */
const scopes = (role: string, scopeType: string) => `((SELECT bti_my_scopes('${role}', '${scopeType}'))::uuid[])`;
const service = `(SELECT bti_my_service())`;

/** Who may see a case: the same rule as `bti_case_visible` (CaseListVisibility), over the policy's own row. */
const VISIBLE = `"municipalityId" = ${municipality} AND (
      -- CaseLifecycle: a transfer to another unit ends the reporter's access.
      ("reporterId" = ${user} AND "reporterUnitId" = "unitId")
      OR "assigneeId" = ${user}
      OR "pendingAssigneeId" = ${user}
      OR "unitId" = ANY ${scopes('unit_leader', 'unit')}
      OR (route = 'interdisciplinary_team'
          AND ("unitId" = ANY ${scopes('team_member', 'unit')} OR "clusterId" = ANY ${scopes('team_member', 'cluster')}
               OR "municipalityId" = ANY ${scopes('team_member', 'municipality')})
          AND (anonymous OR bti_team_consent(id)))
      OR (route = 'tfa' AND "municipalityId" = ANY ${scopes('tfa_coordinator', 'municipality')}
          AND bti_consent_covers(id, 'tfa') AND bti_consent_names(id, ${service}))
      OR (route = 'iks' AND ("municipalityId" = ANY ${scopes('iks_coordinator', 'municipality')} OR "municipalityId" = ANY ${scopes('iks_member', 'municipality')})
          AND bti_consent_covers(id, 'iks') AND bti_consent_names(id, ${service}))
    )`;

/** The leader of the unit a transfer is offered to: the same rule as `bti_case_transfer_offered`. */
const TRANSFER_OFFERED = `"transferToUnitId" IS NOT NULL AND "municipalityId" = ${municipality}
      AND "transferToUnitId" = ANY ${scopes('unit_leader', 'unit')}`;

/**
 * Row-level security on `bti_case` without a function call per row (docs/BENCHMARKS.md, run 9).
 * Hand-written.
 *
 * The two policies called `bti_case_visible(bti_case)` and `bti_case_transfer_offered(bti_case)`
 * for every case row, and the tables that hang off a case (child, concern, consent, child voice,
 * log, measures, …) apply the case's policies once more for each of their rows through
 * `EXISTS (SELECT 1 FROM bti_case …)`. A SQL function that is SECURITY DEFINER is never inlined,
 * so each row paid a function call with its own executor and role-lookup sub-query: a leader's
 * list page of 29 cases ran 8.5–12.4 ms as `bti_app` (prepared) against 1.9–2.0 ms without row
 * security.
 *
 * Now the policies are the same conditions written inline, and the caller's roles are read by
 * `bti_my_scopes(role, scopeType)` (and the service by `bti_my_service()`) in uncorrelated
 * sub-selects, which PostgreSQL evaluates once per statement: per row only comparisons remain
 * (the consent checks of the team, TFA and IKS branches stay functions, since they read the
 * consent table, which has row security of its own). Same page: 3.5–4.4 ms. Planning grows (the
 * inline conditions are planned into every statement that reads a case table, ~1 ms more), which
 * the hot statements avoid by being prepared (apps/api/src/database/prepared.ts).
 * The rule is unchanged; test/cases-access-matrix.e2e-spec.ts checks it, with row security alone,
 * for every user and case of its table.
 */
export class RowSecurityScopes1796030000000 implements MigrationInterface {
  name = 'RowSecurityScopes1796030000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION bti_my_scopes(p_role text, p_scope_type text) RETURNS uuid[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT coalesce(array_agg(r."scopeId"), '{}') FROM role_assignment r
        WHERE r."userId" = ${user} AND r.role = p_role AND r."scopeType" = p_scope_type
      $$`);
    await q.query(`
      CREATE FUNCTION bti_my_service() RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT u.service FROM app_user u WHERE u.id = ${user}
      $$`);
    await q.query(`ALTER POLICY bti_case_need_to_know ON bti_case USING (${VISIBLE})`);
    await q.query(`ALTER POLICY bti_case_transfer_offered ON bti_case USING (${TRANSFER_OFFERED})`);
    await q.query(`DROP FUNCTION bti_case_visible(bti_case)`);
    await q.query(`DROP FUNCTION bti_case_transfer_offered(bti_case)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // The functions as CaseListVisibility left them.
    const define = (name: string, body: string) => `
      CREATE FUNCTION ${name}(c bti_case) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$${body}$$`;
    await q.query(
      define(
        'bti_case_visible',
        `SELECT c."municipalityId" = ${municipality} AND (
          (c."reporterId" = ${user} AND c."reporterUnitId" = c."unitId")
          OR c."assigneeId" = ${user}
          OR c."pendingAssigneeId" = ${user}
          OR EXISTS (SELECT 1 FROM role_assignment r JOIN app_user u ON u.id = r."userId"
            WHERE r."userId" = ${user} AND (
               (r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."unitId")
            OR (c.route = 'interdisciplinary_team' AND r.role = 'team_member'
                AND ((r."scopeType" = 'unit' AND r."scopeId" = c."unitId") OR (r."scopeType" = 'cluster' AND r."scopeId" = c."clusterId")
                     OR (r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"))
                AND (c.anonymous OR bti_team_consent(c.id)))
            OR (c.route = 'tfa' AND r.role = 'tfa_coordinator' AND r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"
                AND bti_consent_covers(c.id, 'tfa') AND bti_consent_names(c.id, u.service))
            OR (c.route = 'iks' AND r.role IN ('iks_coordinator', 'iks_member') AND r."scopeType" = 'municipality'
                AND r."scopeId" = c."municipalityId" AND bti_consent_covers(c.id, 'iks') AND bti_consent_names(c.id, u.service))
          )))`,
      ),
    );
    await q.query(
      define(
        'bti_case_transfer_offered',
        `SELECT c."transferToUnitId" IS NOT NULL AND c."municipalityId" = ${municipality}
          AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId" = ${user}
                        AND r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."transferToUnitId")`,
      ),
    );
    await q.query(`ALTER POLICY bti_case_need_to_know ON bti_case USING (bti_case_visible(bti_case))`);
    await q.query(`ALTER POLICY bti_case_transfer_offered ON bti_case USING (bti_case_transfer_offered(bti_case))`);
    await q.query(`DROP FUNCTION bti_my_service()`);
    await q.query(`DROP FUNCTION bti_my_scopes(text, text)`);
  }
}
