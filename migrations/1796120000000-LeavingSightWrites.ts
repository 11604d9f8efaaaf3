import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two thin writes for commands after which their actor can no longer see the case (issue 27):
 * row-level security refuses an UPDATE whose new row the caller may not see (the SELECT policy
 * applies to it), so these SECURITY DEFINER functions make exactly the change the domain decided,
 * only for the caller the rule names (`bti.user_id`), and only on the version the command locked.
 *
 * - bti_case_decline_handover(): the proposed stafettholder declines; the offer is cleared.
 * - bti_case_drop_transfer(): the receiving unit's leader withdraws the consent that let the case
 *   pass on; the pending transfer stops, and the route falls back to own_unit when the domain says
 *   so (the only other outcome allowed here is the route unchanged).
 */
export class LeavingSightWrites1796120000000 implements MigrationInterface {
  name = 'LeavingSightWrites1796120000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION bti_case_decline_handover(p_case uuid, p_version integer) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_count integer;
      BEGIN
        UPDATE bti_case c SET "pendingAssigneeId" = NULL, version = version + 1, "updatedAt" = now()
         WHERE c.id = p_case AND c.version = p_version
           AND c."municipalityId"::text = current_setting('bti.municipality_id', true)
           AND c."pendingAssigneeId"::text = current_setting('bti.user_id', true);
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count = 1;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION bti_case_drop_transfer(p_case uuid, p_version integer, p_fall_back boolean) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_count integer;
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
      END
      $$`);
    for (const fn of ['bti_case_decline_handover(uuid, integer)', 'bti_case_drop_transfer(uuid, integer, boolean)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO bti_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_case_drop_transfer(uuid, integer, boolean)`);
    await q.query(`DROP FUNCTION bti_case_decline_handover(uuid, integer)`);
  }
}
