import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEQUENCE_GRANTS, TABLE_GRANTS, WORKER_ONLY_FUNCTIONS } from './least-privilege/grants.js';
import { APP_NEED_TO_KNOW, FUNCTIONS, POLICIES } from './least-privilege/policies.js';

const ROLES = ['PUBLIC', 'bti_app', 'bti_api', 'bti_worker'];
const OWNER_POLICY = (table: string) => `${table}_owner`;

/**
 * Least privilege (DESIGN 12.3, issue 28): runs as the owner `bti_owner` (the migrator's data
 * source sets the role) after every other migration of its round, and normalises the privileges of
 * every table, sequence and function of the schema to the map in ./least-privilege/grants.ts,
 * with the policies of ./least-privilege/policies.ts. Row-level security is forced on every table
 * the map marks, so its owner passes only by a policy of its own (migrations and the seed run as
 * the owner; the SECURITY DEFINER functions read as it). The roles come from
 * docker/initdb/10-bti-roles.sql. Hand-written.
 */
export class LeastPrivilege1796190000000 implements MigrationInterface {
  name = 'LeastPrivilege1796190000000';

  public async up(q: QueryRunner): Promise<void> {
    const notOwned: { name: string }[] = await q.query(
      `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
         AND NOT pg_has_role(current_user, c.relowner, 'USAGE')`,
    );
    if (notOwned.length > 0) {
      throw new Error(`LeastPrivilege: ${notOwned.map((t) => t.name).join(', ')} is not owned by bti_owner: run docker/initdb/10-bti-roles.sql as the database's administrator first`);
    }
    const tables: { name: string }[] = await q.query(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm') ORDER BY 1`,
    );
    const unmapped = tables.map((t) => t.name).filter((t) => !(t in TABLE_GRANTS));
    if (unmapped.length > 0) throw new Error(`LeastPrivilege: no grants declared for ${unmapped.join(', ')} (migrations/least-privilege/grants.ts)`);

    for (const { name } of tables) {
      const grants = TABLE_GRANTS[name];
      await q.query(`REVOKE ALL ON "${name}" FROM ${ROLES.join(', ')}`);
      if (grants.app) await q.query(`GRANT ${grants.app} ON "${name}" TO bti_app`);
      if (grants.worker) await q.query(`GRANT ${grants.worker} ON "${name}" TO bti_worker`);
    }
    const sequences: { name: string }[] = await q.query(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'`);
    for (const { name } of sequences) {
      await q.query(`REVOKE ALL ON SEQUENCE "${name}" FROM ${ROLES.join(', ')}`);
      const grants = SEQUENCE_GRANTS[name] ?? {};
      if (grants.app) await q.query(`GRANT ${grants.app} ON SEQUENCE "${name}" TO bti_app`);
      if (grants.worker) await q.query(`GRANT ${grants.worker} ON SEQUENCE "${name}" TO bti_worker`);
    }
    await q.query(`GRANT USAGE ON SCHEMA public TO bti_app, bti_worker`);
    // Functions: nobody but the API's and the worker's roles calls them (policies call them as the caller).
    for (const sql of FUNCTIONS) await q.query(sql);
    const functions: { fn: string }[] = await q.query(
      `SELECT p.oid::regprocedure::text AS fn FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
    );
    for (const { fn } of functions) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO bti_app, bti_worker`);
    }
    for (const fn of WORKER_ONLY_FUNCTIONS) await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM bti_app`);
    // What the owner creates later gives nobody anything until a migration grants it.
    await q.query(`ALTER DEFAULT PRIVILEGES FOR ROLE bti_owner IN SCHEMA public REVOKE ALL ON TABLES FROM ${ROLES.join(', ')}`);
    await q.query(`ALTER DEFAULT PRIVILEGES FOR ROLE bti_owner IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${ROLES.join(', ')}`);
    await q.query(`ALTER DEFAULT PRIVILEGES FOR ROLE bti_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC`);

    for (const [table, policies] of Object.entries(APP_NEED_TO_KNOW)) {
      for (const { policy, check } of policies) await q.query(`ALTER POLICY "${policy}" ON "${table}" TO bti_app WITH CHECK (${check})`);
    }
    for (const [name, table, command, role, using, check] of POLICIES) {
      await q.query(
        `CREATE POLICY "${name}" ON "${table}" FOR ${command} TO ${role}` + (using ? ` USING (${using})` : '') + (check ? ` WITH CHECK (${check})` : ''),
      );
    }
    for (const [table, grants] of Object.entries(TABLE_GRANTS)) {
      if (!grants.rls) continue;
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY "${OWNER_POLICY(table)}" ON "${table}" TO bti_owner USING (true) WITH CHECK (true)`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table, grants] of Object.entries(TABLE_GRANTS)) {
      if (!grants.rls) continue;
      await q.query(`DROP POLICY "${OWNER_POLICY(table)}" ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
    }
    for (const table of ['iks_referral', 'iks_competence_order', 'scheduled_reminder', 'audit_event', 'notification', 'notification_setting', 'notification_delivery', 'mail_digest']) {
      await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    for (const [name, table] of POLICIES) await q.query(`DROP POLICY "${name}" ON "${table}"`);
    for (const [table, policies] of Object.entries(APP_NEED_TO_KNOW)) {
      for (const { policy } of policies) await q.query(`ALTER POLICY "${policy}" ON "${table}" TO PUBLIC WITH CHECK (true)`);
    }
    await q.query(`DROP FUNCTION bti_case_of_my_municipality(uuid)`);
    // The privileges are left as they are: the map is the narrower of the two.
  }
}
