import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The definer writes for commands whose actor leaves the case's sight (issue 27 item 4): they
 * write what the domain decided and check only who may call them, never an outcome of their own.
 *
 * - bti_iks_case_leaves_route() replaces bti_iks_return_case() and bti_iks_end_case(), which
 *   repeated each other's referral and coordinator lookup, and the end's the domain's hand-back
 *   routes. The referral's status the decision starts from is the lifecycle table's (passed in).
 * - bti_case_drop_transfer() takes the route, level and anonymity the domain's
 *   `onConsentWithdrawn` decided, instead of writing the fallback (own_unit, level 1) itself.
 */
export class ThinCaseWrites1796202000000 implements MigrationInterface {
  name = 'ThinCaseWrites1796202000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_iks_return_case(uuid, integer, text, text, smallint, boolean)`);
    await q.query(`DROP FUNCTION bti_iks_end_case(uuid, integer, text, smallint, boolean)`);
    await q.query(`
      CREATE FUNCTION bti_iks_case_leaves_route(p_referral uuid, p_referral_status text, p_version integer,
                                                p_status text, p_route text, p_level smallint, p_anonymous boolean) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_case uuid;
        v_count integer;
      BEGIN
        -- Only a case that leaves the IKS route, and stays open, is written here.
        IF p_route IS NOT DISTINCT FROM 'iks' OR p_status = 'closed' THEN
          RETURN false;
        END IF;
        SELECT r."caseId" INTO v_case FROM iks_referral r
         WHERE r.id = p_referral AND r.status = p_referral_status
           AND r."municipalityId"::text = current_setting('bti.municipality_id', true)
           AND EXISTS (SELECT 1 FROM role_assignment a
                        WHERE a."userId"::text = current_setting('bti.user_id', true) AND a.role = 'iks_coordinator'
                          AND a."scopeType" = 'municipality' AND a."scopeId" = r."municipalityId");
        IF v_case IS NULL THEN
          RETURN false;
        END IF;
        UPDATE bti_case SET status = p_status, route = p_route, level = p_level, anonymous = p_anonymous,
               version = version + 1, "updatedAt" = now()
         WHERE id = v_case AND version = p_version AND route = 'iks' AND status <> 'closed';
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count = 1;
      END
      $$`);

    await q.query(`DROP FUNCTION bti_case_drop_transfer(uuid, integer, boolean)`);
    await q.query(`
      CREATE FUNCTION bti_case_drop_transfer(p_case uuid, p_version integer, p_route text, p_level smallint, p_anonymous boolean) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_count integer;
      BEGIN
        UPDATE bti_case c
           SET "transferToUnitId" = NULL, "transferToClusterId" = NULL, route = p_route, level = p_level, anonymous = p_anonymous,
               version = version + 1, "updatedAt" = now()
         WHERE c.id = p_case AND c.version = p_version AND c."transferToUnitId" IS NOT NULL
           AND c."municipalityId"::text = current_setting('bti.municipality_id', true)
           AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"::text = current_setting('bti.user_id', true)
                         AND r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."transferToUnitId");
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count = 1;
      END
      $$`);
    for (const fn of ['bti_iks_case_leaves_route(uuid, text, integer, text, text, smallint, boolean)', 'bti_case_drop_transfer(uuid, integer, text, smallint, boolean)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO bti_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_case_drop_transfer(uuid, integer, text, smallint, boolean)`);
    await q.query(`DROP FUNCTION bti_iks_case_leaves_route(uuid, text, integer, text, text, smallint, boolean)`);
    // The earlier definitions, from their migrations (LeavingSightWrites, IksReturnThinWrite, CaseLifecycle).
    await q.query(`
      CREATE FUNCTION bti_case_drop_transfer(p_case uuid, p_version integer, p_fall_back boolean) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_count integer;
      BEGIN
        UPDATE bti_case c
           SET "transferToUnitId" = NULL, "transferToClusterId" = NULL,
               route = CASE WHEN p_fall_back THEN 'own_unit' ELSE c.route END,
               level = CASE WHEN p_fall_back THEN 1 ELSE c.level END,
               anonymous = CASE WHEN p_fall_back THEN false ELSE c.anonymous END,
               version = version + 1, "updatedAt" = now()
         WHERE c.id = p_case AND c.version = p_version AND c."transferToUnitId" IS NOT NULL
           AND c."municipalityId"::text = current_setting('bti.municipality_id', true)
           AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"::text = current_setting('bti.user_id', true)
                         AND r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."transferToUnitId");
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count = 1;
      END $$`);
    for (const [signature, params, guard, referralStatus, status] of [
      ['bti_iks_return_case(uuid, integer, text, text, smallint, boolean)', 'p_referral uuid, p_version integer, p_status text, p_route text, p_level smallint, p_anonymous boolean', `p_route = 'iks' OR p_status = 'closed'`, 'referred', 'p_status'],
      ['bti_iks_end_case(uuid, integer, text, smallint, boolean)', 'p_referral uuid, p_version integer, p_route text, p_level smallint, p_anonymous boolean', `p_route NOT IN ('own_unit', 'interdisciplinary_team')`, 'accepted', 'status'],
    ]) {
      await q.query(`
        CREATE FUNCTION ${signature.slice(0, signature.indexOf('('))}(${params}) RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE v_case uuid; v_count integer;
        BEGIN
          IF ${guard} THEN RETURN false; END IF;
          SELECT r."caseId" INTO v_case FROM iks_referral r
           WHERE r.id = p_referral AND r.status = '${referralStatus}'
             AND r."municipalityId"::text = current_setting('bti.municipality_id', true)
             AND EXISTS (SELECT 1 FROM role_assignment a
                          WHERE a."userId"::text = current_setting('bti.user_id', true) AND a.role = 'iks_coordinator'
                            AND a."scopeType" = 'municipality' AND a."scopeId" = r."municipalityId");
          IF v_case IS NULL THEN RETURN false; END IF;
          UPDATE bti_case SET status = ${status}, route = p_route, level = p_level, anonymous = p_anonymous, version = version + 1, "updatedAt" = now()
           WHERE id = v_case AND version = p_version AND route = 'iks' AND status <> 'closed';
          GET DIAGNOSTICS v_count = ROW_COUNT;
          RETURN v_count = 1;
        END $$`);
    }
    for (const fn of ['bti_case_drop_transfer(uuid, integer, boolean)', 'bti_iks_return_case(uuid, integer, text, text, smallint, boolean)', 'bti_iks_end_case(uuid, integer, text, smallint, boolean)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO bti_app`);
    }
  }
}
