import { MigrationInterface, QueryRunner } from 'typeorm';

/** The bti_case columns a citizen's consent withdrawal changes (ConsentRequestsService.withdraw). */
const WITHDRAWAL_COLUMNS = ['route', 'level', 'anonymous', 'transferToUnitId', 'transferToClusterId', 'version', 'updatedAt'];

/**
 * The citizen second line, narrowed (DESIGN 12.3, 12.4):
 * - the policies' questions read the session's own citizen identity: `bti_citizen_relation(case)`
 *   and `bti_citizen_sees_entry(…)` become owner-defined, and the variants that take any HMAC
 *   (`…_of`) are executable by nobody but the owner, so no login can ask about another citizen;
 * - a citizen identity may change only what a consent withdrawal changes on a case (the UPDATE
 *   policy cannot name columns; a trigger does).
 */
export class CitizenSecondLine1796206000001 implements MigrationInterface {
  name = 'CitizenSecondLine1796206000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION bti_citizen_relation(p_case uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT bti_citizen_relation_of(p_case, nullif(current_setting('bti.citizen_hmac', true), ''))
      $$`);
    await q.query(`CREATE OR REPLACE FUNCTION bti_citizen_sees_entry(p_case uuid, p_at timestamptz, p_confidential varchar) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT bti_citizen_sees_entry_of(p_case, p_at, p_confidential, nullif(current_setting('bti.citizen_hmac', true), ''))
      $$`);
    for (const fn of ['bti_citizen_relation_of(uuid, text)', 'bti_citizen_sees_entry_of(uuid, timestamptz, varchar, text)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC, bti_app, bti_api, bti_worker`);
    }

    await q.query(`CREATE FUNCTION bti_case_citizen_columns() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_user = 'bti_app' AND bti_citizen_hmac() IS NOT NULL
           AND (to_jsonb(NEW) - '{${WITHDRAWAL_COLUMNS.join(',')}}'::text[]) IS DISTINCT FROM (to_jsonb(OLD) - '{${WITHDRAWAL_COLUMNS.join(',')}}'::text[]) THEN
          RAISE EXCEPTION 'a citizen may change only the case''s route, level and pending transfer (a consent withdrawal)' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_case_citizen_columns() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER "bti_case_citizen_columns" BEFORE UPDATE ON "bti_case" FOR EACH ROW EXECUTE FUNCTION bti_case_citizen_columns()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "bti_case_citizen_columns" ON "bti_case"`);
    await q.query(`DROP FUNCTION bti_case_citizen_columns()`);
    for (const fn of ['bti_citizen_relation_of(uuid, text)', 'bti_citizen_sees_entry_of(uuid, timestamptz, varchar, text)']) {
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO bti_app, bti_worker`);
    }
    await q.query(`CREATE OR REPLACE FUNCTION bti_citizen_relation(p_case uuid) RETURNS text LANGUAGE sql STABLE SECURITY INVOKER AS $$
      SELECT bti_citizen_relation_of(p_case, nullif(current_setting('bti.citizen_hmac', true), ''))
    $$`);
    await q.query(`CREATE OR REPLACE FUNCTION bti_citizen_sees_entry(p_case uuid, p_at timestamptz, p_confidential varchar) RETURNS boolean LANGUAGE sql STABLE SECURITY INVOKER AS $$
      SELECT bti_citizen_sees_entry_of(p_case, p_at, p_confidential, nullif(current_setting('bti.citizen_hmac', true), ''))
    $$`);
  }
}
