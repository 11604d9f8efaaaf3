import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case reference `BTI-<year>-<nnnn>` (DESIGN 12.1, 12.8 item 9): what people say on the phone
 * and what notices carry instead of a name. Unique per municipality.
 *
 * One sequence per municipality and creation year (Oslo time), created on first use by the
 * owner-defined trigger `bti_case_reference()`: creation never waits on a counter row, gaps are
 * allowed (a rolled-back insert burns its number). The API's role `bti_app` gets no right on the
 * sequences nor on the function: it cannot draw or set numbers, only insert cases, whose references
 * the trigger always assigns; another trigger refuses changing a reference.
 */
export class CaseReference1796130000000 implements MigrationInterface {
  name = 'CaseReference1796130000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION bti_case_reference_text(p_year integer, p_n bigint) RETURNS varchar
      LANGUAGE sql IMMUTABLE AS $$
        SELECT 'BTI-' || p_year || '-' || CASE WHEN p_n < 10000 THEN lpad(p_n::text, 4, '0') ELSE p_n::text END
      $$`);
    await q.query(`
      CREATE FUNCTION bti_case_reference_sequence(p_municipality uuid, p_year integer) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$ SELECT format('bti_case_ref_%s_%s', replace(p_municipality::text, '-', ''), p_year) $$`);
    await q.query(`ALTER TABLE "bti_case" ADD "reference" varchar(20)`);
    // Existing cases, numbered in creation order per municipality and year; each sequence continues after them.
    await q.query(`
      DO $$
      DECLARE g record; v_grantee oid;
      BEGIN
        FOR g IN SELECT "municipalityId" AS m, extract(year FROM "createdAt" AT TIME ZONE 'Europe/Oslo')::int AS y, count(*) AS n
                   FROM bti_case GROUP BY 1, 2 LOOP
          EXECUTE format('CREATE SEQUENCE %I', bti_case_reference_sequence(g.m, g.y));
          PERFORM setval(bti_case_reference_sequence(g.m, g.y), g.n);
          FOR v_grantee IN SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                            WHERE c.oid = bti_case_reference_sequence(g.m, g.y)::regclass AND a.grantee NOT IN (c.relowner, 0) LOOP
            EXECUTE format('REVOKE ALL ON SEQUENCE %I FROM %s', bti_case_reference_sequence(g.m, g.y), v_grantee::regrole);
          END LOOP;
        END LOOP;
      END $$`);
    await q.query(`
      UPDATE bti_case c SET reference = bti_case_reference_text(n.y, n.n)
        FROM (SELECT id, extract(year FROM "createdAt" AT TIME ZONE 'Europe/Oslo')::int AS y,
                     row_number() OVER (PARTITION BY "municipalityId", extract(year FROM "createdAt" AT TIME ZONE 'Europe/Oslo')
                                        ORDER BY "createdAt", id) AS n
                FROM bti_case) n
       WHERE n.id = c.id`);
    await q.query(`ALTER TABLE "bti_case" ALTER COLUMN "reference" SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "UQ_bti_case_municipality_reference" ON "bti_case" ("municipalityId", "reference")`);

    // The first case of a municipality-year creates its sequence. Two such inserts at once: the
    // advisory lock makes the second wait for the first to commit; the handler covers a catalog
    // snapshot that has not seen that commit yet.
    await q.query(`
      CREATE FUNCTION bti_case_reference() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_year integer := extract(year FROM NEW."createdAt" AT TIME ZONE 'Europe/Oslo')::int;
        v_seq text := bti_case_reference_sequence(NEW."municipalityId", v_year);
        v_grantee oid;
      BEGIN
        IF to_regclass(v_seq) IS NULL THEN
          PERFORM pg_advisory_xact_lock(hashtext(v_seq));
          BEGIN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', v_seq);
            -- Whatever default privileges granted: only the owner draws numbers.
            FOR v_grantee IN SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                              WHERE c.oid = v_seq::regclass AND a.grantee NOT IN (c.relowner, 0) LOOP
              EXECUTE format('REVOKE ALL ON SEQUENCE %I FROM %s', v_seq, v_grantee::regrole);
            END LOOP;
            EXECUTE format('REVOKE ALL ON SEQUENCE %I FROM PUBLIC', v_seq);
          EXCEPTION WHEN duplicate_table OR unique_violation THEN NULL;
          END;
        END IF;
        NEW.reference := bti_case_reference_text(v_year, nextval(v_seq::regclass));
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_case_reference() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER bti_case_reference BEFORE INSERT ON "bti_case" FOR EACH ROW EXECUTE FUNCTION bti_case_reference()`);
    await q.query(`
      CREATE FUNCTION bti_case_reference_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the case reference never changes' USING ERRCODE = 'check_violation'; END $$`);
    await q.query(`
      CREATE TRIGGER bti_case_reference_fixed BEFORE UPDATE OF reference ON "bti_case"
      FOR EACH ROW WHEN (OLD.reference IS DISTINCT FROM NEW.reference) EXECUTE FUNCTION bti_case_reference_fixed()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER bti_case_reference_fixed ON "bti_case"`);
    await q.query(`DROP FUNCTION bti_case_reference_fixed()`);
    await q.query(`DROP TRIGGER bti_case_reference ON "bti_case"`);
    await q.query(`DROP FUNCTION bti_case_reference()`);
    await q.query(`
      DO $$
      DECLARE s record;
      BEGIN
        FOR s IN SELECT relname FROM pg_class WHERE relkind = 'S' AND relname LIKE 'bti\\_case\\_ref\\_%' LOOP
          EXECUTE format('DROP SEQUENCE %I', s.relname);
        END LOOP;
      END $$`);
    await q.query(`DROP INDEX "UQ_bti_case_municipality_reference"`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "reference"`);
    await q.query(`DROP FUNCTION bti_case_reference_sequence(uuid, integer)`);
    await q.query(`DROP FUNCTION bti_case_reference_text(integer, bigint)`);
  }
}
