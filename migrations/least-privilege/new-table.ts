import { QueryRunner } from 'typeorm';
import { TableGrants } from './grants.js';

/**
 * For a table created by a migration that runs after LeastPrivilege: the same privileges and
 * forced row-level security that LeastPrivilege gives the tables of ./grants.ts. Such a table is
 * not added to TABLE_GRANTS (LeastPrivilege runs before it exists on a fresh database); its
 * migration calls this with its own declaration, and creates its policies itself.
 */
export async function grantNewTable(q: QueryRunner, table: string, grants: TableGrants): Promise<void> {
  await q.query(`REVOKE ALL ON "${table}" FROM PUBLIC, bti_app, bti_api, bti_worker`);
  if (grants.app) await q.query(`GRANT ${grants.app} ON "${table}" TO bti_app`);
  if (grants.worker) await q.query(`GRANT ${grants.worker} ON "${table}" TO bti_worker`);
  if (!grants.rls) return;
  await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY "${table}_owner" ON "${table}" TO bti_owner USING (true) WITH CHECK (true)`);
}
