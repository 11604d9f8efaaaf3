import { MigrationInterface, QueryRunner } from 'typeorm';

const user = `nullif(current_setting('bti.user_id', true), '')::uuid`;
const municipality = `nullif(current_setting('bti.municipality_id', true), '')::uuid`;
const scopes = (role: string, scopeType: string) => `((SELECT bti_my_scopes('${role}', '${scopeType}'))::uuid[])`;
const service = `(SELECT bti_my_service())`;
// The same lists as migration PracticeRules (libs/domain TEAM_SERVICE_CODES; access.spec.ts checks that copy).
const TEAM_SERVICE_CODES = ['ppt', 'health_station', 'child_welfare', 'family_service', 'nav', 'bup', 'municipal_psychologist', 'child_coordinator', 'culture', 'police', 'slt'];
const teamServices = `ARRAY[${TEAM_SERVICE_CODES.map((s) => `'${s}'`).join(', ')}, 'interdisciplinary_team']::text[]`;
/** A consent in effect for the case `c` (as bti_consent_covers). */
const active = `k."caseId" = c.id AND k.decision = 'given' AND k."validFrom" <= now()
          AND (k."validUntil" IS NULL OR k."validUntil" > now()) AND (k."withdrawnAt" IS NULL OR k."withdrawnAt" > now())`;
/**
 * The cases of `p_municipality` on `route` (`c.route IS NOT NULL` lets IDX_bti_case_municipality_route_created
 * serve a parameter); only the caller's own municipality when an identity is set (as bti_stats_case_facts).
 */
const onRoute = (route: string) => `c."municipalityId" = p_municipality
          AND p_municipality::text = coalesce(nullif(current_setting('bti.municipality_id', true), ''), p_municipality::text)
          AND c.route = ${route} AND c.route IS NOT NULL`;

/** The policy of RowSecurityScopes with the consent conditions as sets read once per statement. */
const VISIBLE = `"municipalityId" = ${municipality} AND (
      ("reporterId" = ${user} AND "reporterUnitId" = "unitId")
      OR "assigneeId" = ${user}
      OR "pendingAssigneeId" = ${user}
      OR "unitId" = ANY ${scopes('unit_leader', 'unit')}
      OR (route = 'interdisciplinary_team'
          AND ("unitId" = ANY ${scopes('team_member', 'unit')} OR "clusterId" = ANY ${scopes('team_member', 'cluster')}
               OR "municipalityId" = ANY ${scopes('team_member', 'municipality')})
          AND (anonymous OR id IN (SELECT bti_team_consented_cases(${municipality}))))
      OR (route = 'tfa' AND "municipalityId" = ANY ${scopes('tfa_coordinator', 'municipality')}
          AND id IN (SELECT bti_arena_consented_cases(${municipality}, 'tfa', ${service})))
      OR (route = 'iks' AND ("municipalityId" = ANY ${scopes('iks_coordinator', 'municipality')} OR "municipalityId" = ANY ${scopes('iks_member', 'municipality')})
          AND id IN (SELECT bti_arena_consented_cases(${municipality}, 'iks', ${service})))
    )`;

/** RowSecurityScopes' policy, as it was. */
const VISIBLE_BEFORE = `"municipalityId" = ${municipality} AND (
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

const FUNCTIONS = ['bti_team_consented_cases(uuid)', 'bti_team_cases_naming(uuid, text)', 'bti_arena_consented_cases(uuid, text, text)'];

/**
 * The consent condition once per statement, not once per case row (issue 31). Hand-written.
 *
 * The team, TFA and IKS branches of the case's policy (and of the API's `visibleCondition`) called
 * `bti_consent_covers(id, …)` / `bti_consent_names(id, …)` / `bti_team_consent(id)` for every
 * case row on that route: SECURITY DEFINER functions are never inlined, so each row paid a function
 * call with an executor of its own — a TFA coordinator's first page in the largest municipality
 * took ~0.5 s at national scale (docs/BENCHMARKS.md). Now each branch asks
 * `id IN (SELECT bti_…_cases(municipality, …))`: an uncorrelated sub-select, which PostgreSQL runs once per
 * statement (a hashed SubPlan, built only when a row reaches that branch) — the set of the
 * caller's municipality's cases on that route with a consent in effect, read through
 * IDX_bti_case_municipality_route_created and the consent's case index. Per row a hash probe
 * remains. The rule is the same; test/cases-access-matrix.e2e-spec.ts checks it.
 */
export class ConsentOncePerStatement1796204000000 implements MigrationInterface {
  name = 'ConsentOncePerStatement1796204000000';

  public async up(q: QueryRunner): Promise<void> {
    // libs/domain hasTeamConsent: a consent naming at least one team service.
    await q.query(`
      CREATE FUNCTION bti_team_consented_cases(p_municipality uuid) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c.id FROM bti_case c WHERE ${onRoute(`'interdisciplinary_team'`)}
          AND EXISTS (SELECT 1 FROM consent k WHERE ${active} AND k.recipients && ${teamServices})
      $$`);
    // libs/domain consentNamesService for the team's cases: a consent naming the service itself, or the team arena for a team service.
    await q.query(`
      CREATE FUNCTION bti_team_cases_naming(p_municipality uuid, p_service text) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c.id FROM bti_case c WHERE p_service IS NOT NULL AND ${onRoute(`'interdisciplinary_team'`)}
          AND EXISTS (SELECT 1 FROM consent k WHERE ${active}
            AND (p_service = ANY(k.recipients) OR ('interdisciplinary_team' = ANY(k.recipients) AND p_service = ANY(${teamServices}))))
      $$`);
    // TFA and IKS: a consent covering the arena, and one naming the caller's service (as bti_consent_covers AND bti_consent_names).
    await q.query(`
      CREATE FUNCTION bti_arena_consented_cases(p_municipality uuid, p_route text, p_service text) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c.id FROM bti_case c WHERE p_service IS NOT NULL AND ${onRoute('p_route')}
          AND EXISTS (SELECT 1 FROM consent k WHERE ${active} AND p_route = ANY(k.recipients))
          AND EXISTS (SELECT 1 FROM consent k WHERE ${active}
            AND (p_service = ANY(k.recipients) OR ('interdisciplinary_team' = ANY(k.recipients) AND p_service = ANY(${teamServices}))))
      $$`);
    for (const fn of FUNCTIONS) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO bti_app`);
    }
    await q.query(`ALTER POLICY bti_case_need_to_know ON bti_case USING (${VISIBLE})`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER POLICY bti_case_need_to_know ON bti_case USING (${VISIBLE_BEFORE})`);
    for (const fn of FUNCTIONS) await q.query(`DROP FUNCTION ${fn}`);
  }
}
