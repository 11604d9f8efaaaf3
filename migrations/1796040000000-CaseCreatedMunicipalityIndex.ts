import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `bti_case("municipalityId")` becomes `("createdAt", "municipalityId")` (docs/BENCHMARKS.md, run 12).
 *
 * The case list is a prepared statement run with a generic plan (RowSecurity sets
 * `plan_cache_mode`: a custom plan of the list, with row security, took 3.5–6 ms to plan at
 * national scale, each time). A generic plan cannot know which municipality `"municipalityId" = $1`
 * names, so it assumes an average one (the rows over the distinct values: 840 of 300 000 cases).
 * With an index that leads with the municipality, the leader's list ANDed it into its bitmap of
 * the leader's own units and people: in the largest municipality that read 47 082 index entries
 * to keep 2–29 cases, 3–6 ms a page against 0.4–1.5 ms without it.
 *
 * No index leads with the municipality now. The coordinators' lists keep theirs, which also names
 * the route (`IDX_bti_case_municipality_route_created`). The statistics' date range per
 * municipality (`bti_stats_case_facts`) reads the new index by date. The foreign key to
 * `municipality` has no index of its own any more: only deleting a municipality would scan the
 * cases, and a municipality with cases cannot be deleted (RESTRICT).
 */
export class CaseCreatedMunicipalityIndex1796040000000 implements MigrationInterface {
  name = 'CaseCreatedMunicipalityIndex1796040000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_bti_case_created_municipality" ON "bti_case" ("createdAt", "municipalityId")`);
    await q.query(`DROP INDEX "IDX_4bee3db45b4f4532ae53ad521b"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_4bee3db45b4f4532ae53ad521b" ON "bti_case" ("municipalityId")`);
    await q.query(`DROP INDEX "IDX_bti_case_created_municipality"`);
  }
}
