import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `bti_iks_return_case` repeated the domain's `onIksReturned` in plpgsql (back to deciding, route
 * cleared). It becomes a thin write like `bti_iks_end_case`: the domain decides the columns, the
 * function only writes them, for the IKS coordinator of a referral still `referred`, on a case
 * leaving the IKS route (it refuses a route of `iks` and a closed status).
 */
export class IksReturnThinWrite1796120000001 implements MigrationInterface {
  name = 'IksReturnThinWrite1796120000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_iks_return_case(uuid, integer)`);
    await q.query(`
      CREATE FUNCTION bti_iks_return_case(p_referral uuid, p_version integer, p_status text, p_route text, p_level smallint, p_anonymous boolean) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_case uuid;
        v_count integer;
      BEGIN
        IF p_route = 'iks' OR p_status = 'closed' THEN
          RETURN false;
        END IF;
        SELECT r."caseId" INTO v_case FROM iks_referral r
         WHERE r.id = p_referral AND r.status = 'referred'
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
    await q.query(`REVOKE ALL ON FUNCTION bti_iks_return_case(uuid, integer, text, text, smallint, boolean) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION bti_iks_return_case(uuid, integer, text, text, smallint, boolean) TO bti_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_iks_return_case(uuid, integer, text, text, smallint, boolean)`);
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
        UPDATE bti_case SET status = 'deciding', route = NULL, level = 0, anonymous = false,
               version = version + 1, "updatedAt" = now()
         WHERE id = v_case AND version = p_version AND route = 'iks' AND status <> 'closed';
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count = 1;
      END
      $$`);
  }
}
