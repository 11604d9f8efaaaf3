import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DESIGN 12.8.5: a removed role acts at once. `bti_assert_caller(user, roles)` runs in the identity
 * statement of every request (RowSecurity), as `bti_assert_active_caller` did: it refuses a
 * deactivated user (SQLSTATE 28000) and a caller whose process still holds a role that is gone
 * (SQLSTATE BTI01, answered 403 ROLES_CHANGED), so no principal cache can keep a removed role alive.
 * `roles` lists the process's roles as `role:scopeType:scopeId`, comma-separated. A role granted
 * meanwhile is not refused: it arrives with the next read of the caller's roles.
 */
export class CallerRolesCheck1796203000000 implements MigrationInterface {
  name = 'CallerRolesCheck1796203000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION bti_assert_caller(p_user uuid, p_roles text) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = p_user AND u.active) THEN
          RAISE EXCEPTION 'caller is not an active user' USING ERRCODE = '28000';
        END IF;
        IF EXISTS (
          SELECT 1 FROM unnest(string_to_array(nullif(p_roles, ''), ',')) AS held(role)
           WHERE NOT EXISTS (SELECT 1 FROM role_assignment a
                              WHERE a."userId" = p_user AND a.role || ':' || a."scopeType" || ':' || a."scopeId"::text = held.role)
        ) THEN
          RAISE EXCEPTION 'a role the caller holds in this process was removed' USING ERRCODE = 'BTI01';
        END IF;
        RETURN true;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_assert_caller(uuid, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION bti_assert_caller(uuid, text) TO bti_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bti_assert_caller(uuid, text)`);
  }
}
