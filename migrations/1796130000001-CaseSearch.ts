import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /cases?q=` (DESIGN 12.1): the child's first and last name found by prefix, case-insensitive.
 * `bti_fold` lowercases as the search text is lowercased: `lower()` under the C locale (the embedded
 * database) folds ASCII only, so the Norwegian and common accented capitals are mapped first.
 * The indexes lead with the municipality, as every search names it; `text_pattern_ops` serves
 * `LIKE 'prefix%'` under any collation. National ids use the existing HMAC index.
 */
export class CaseSearch1796130000001 implements MigrationInterface {
  name = 'CaseSearch1796130000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION bti_fold(p_text text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT lower(translate(p_text, 'ÆØÅÄÖÜÉÈÁÀÓÍÚ', 'æøåäöüéèáàóíú')) $$`);
    await q.query(`CREATE INDEX "IDX_child_first_name_fold" ON "child" ("municipalityId", bti_fold("firstName") text_pattern_ops)`);
    await q.query(`CREATE INDEX "IDX_child_last_name_fold" ON "child" ("municipalityId", bti_fold("lastName") text_pattern_ops)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_child_last_name_fold"`);
    await q.query(`DROP INDEX "IDX_child_first_name_fold"`);
    await q.query(`DROP FUNCTION bti_fold(text)`);
  }
}
