import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Composite indexes for the case list's reporter and assignee branches (status filter, newest
 * first), replacing the single-column ones. Proposed from EXPLAIN ANALYZE at national scale
 * (docs/BENCHMARKS.md). Hand-written.
 */
export class CaseListIndexes1795433247046 implements MigrationInterface {
  name = 'CaseListIndexes1795433247046';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_065765d4ad81b6a4c2e2142fd6"`);
    await q.query(`DROP INDEX "public"."IDX_fd49b6a8b8eafe47aa5f5ef456"`);
    await q.query(`CREATE INDEX "IDX_bti_case_reporter_status_created" ON "bti_case" ("reporterId", "status", "createdAt")`);
    await q.query(`CREATE INDEX "IDX_bti_case_assignee_status_created" ON "bti_case" ("assigneeId", "status", "createdAt")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_bti_case_assignee_status_created"`);
    await q.query(`DROP INDEX "public"."IDX_bti_case_reporter_status_created"`);
    await q.query(`CREATE INDEX "IDX_fd49b6a8b8eafe47aa5f5ef456" ON "bti_case" ("assigneeId")`);
    await q.query(`CREATE INDEX "IDX_065765d4ad81b6a4c2e2142fd6" ON "bti_case" ("reporterId")`);
  }
}
