import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `bti_case("municipalityId")` becomes `("municipalityId", "createdAt")` (docs/BENCHMARKS.md, run 12).
 *
 * A prepared statement is planned once for every value (PostgreSQL's generic plan) after five
 * executions. For `"municipalityId" = $1` that plan can only assume an average municipality (the
 * table's rows over its distinct values: 840 of 300 000 cases at national scale), so the
 * leader's list ANDed the municipality's index into its bitmap of the leader's own units and
 * people: in the largest municipality that read 47 082 index entries to keep 2 cases, 5–6 ms a
 * page against 0.4 ms without it. With the municipality alone no longer an index, the list's plan
 * takes the selective indexes only; the statistics' date range per municipality
 * (`bti_stats_case_facts`) and the foreign key's check on a municipality's delete use the new
 * index's leading column, as they used the old one.
 */
export class MunicipalityCreatedIndex1796040000000 implements MigrationInterface {
  name = 'MunicipalityCreatedIndex1796040000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_bti_case_municipality_created" ON "bti_case" ("municipalityId", "createdAt")`);
    await q.query(`DROP INDEX "IDX_4bee3db45b4f4532ae53ad521b"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_4bee3db45b4f4532ae53ad521b" ON "bti_case" ("municipalityId")`);
    await q.query(`DROP INDEX "IDX_bti_case_municipality_created"`);
  }
}
