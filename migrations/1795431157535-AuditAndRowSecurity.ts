import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (append-only, hash-chained) and row-level security on the case tables as a
 * second line behind CaseAccessPolicy. Hand-written.
 *
 * RLS: superusers and table owners bypass policies, so API case transactions switch to the
 * non-login role `bti_app` (SET LOCAL ROLE) and state who is asking in `bti.user_id` and
 * `bti.municipality_id`. The worker and migrations run as the owner: trusted system parts.
 */
export class AuditAndRowSecurity1795431157535 implements MigrationInterface {
  name = 'AuditAndRowSecurity1795431157535';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "audit_event" (
        "id" bigint NOT NULL,
        "actorId" uuid NOT NULL,
        "actorUsername" character varying(100) NOT NULL,
        "action" character varying(60) NOT NULL,
        "caseId" uuid,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "requestId" character varying(100) NOT NULL,
        "purpose" character varying(200) NOT NULL,
        "prevHash" character(64) NOT NULL,
        "hash" character(64) NOT NULL,
        CONSTRAINT "PK_audit_event" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_audit_event_case_at" ON "audit_event" ("caseId", "at")`);
    await q.query(`CREATE INDEX "IDX_audit_event_actor_at" ON "audit_event" ("actorId", "at")`);
    await q.query(`CREATE SEQUENCE "audit_event_id_seq"`);
    await q.query(`
      CREATE FUNCTION bti_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event"
      FOR EACH STATEMENT EXECUTE FUNCTION bti_audit_is_append_only()`);

    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bti_app') THEN CREATE ROLE bti_app NOLOGIN; END IF;
      END $$`);
    await q.query(`GRANT bti_app TO CURRENT_USER`);
    await q.query(`GRANT USAGE ON SCHEMA public TO bti_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bti_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bti_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bti_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO bti_app`);
    // The audit trail is written, never changed, by the application.
    await q.query(`REVOKE UPDATE, DELETE ON "audit_event" FROM bti_app`);

    // Runs as the owner, so the case policy can look at consents without recursing into RLS.
    await q.query(`
      CREATE FUNCTION bti_consent_covers(p_case uuid, p_recipient text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM consent k WHERE k."caseId" = p_case AND p_recipient = ANY(k.recipients)
          AND k."validFrom" <= now() AND (k."validUntil" IS NULL OR k."validUntil" > now())
          AND (k."withdrawnAt" IS NULL OR k."withdrawnAt" > now()))
      $$`);
    await q.query(`
      CREATE FUNCTION bti_case_visible(c bti_case) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c."municipalityId"::text = current_setting('bti.municipality_id', true) AND (
          c."reporterId"::text = current_setting('bti.user_id', true)
          OR c."assigneeId"::text = current_setting('bti.user_id', true)
          OR EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"::text = current_setting('bti.user_id', true) AND (
               (r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."unitId")
            OR (c.route = 'interdisciplinary_team' AND r.role = 'team_member'
                AND (r."scopeId" IN (c."unitId", c."clusterId") OR (r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"))
                AND (c.anonymous OR bti_consent_covers(c.id, 'interdisciplinary_team')))
            OR (c.route = 'tfa' AND r.role = 'tfa_coordinator' AND r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"
                AND bti_consent_covers(c.id, 'tfa'))
            OR (c.route = 'iks' AND r.role IN ('iks_coordinator', 'iks_member') AND r."scopeType" = 'municipality'
                AND r."scopeId" = c."municipalityId" AND bti_consent_covers(c.id, 'iks'))
          ))
        )
      $$`);
    await q.query(`ALTER TABLE bti_case ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY bti_case_need_to_know ON bti_case USING (bti_case_visible(bti_case)) WITH CHECK (true)`);
    for (const table of ['concern', 'case_log_entry', 'consent']) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY "${table}_need_to_know" ON "${table}"
        USING (EXISTS (SELECT 1 FROM bti_case c WHERE c.id = "${table}"."caseId")) WITH CHECK (true)`);
    }
    await q.query(`ALTER TABLE child ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY child_need_to_know ON child
      USING (EXISTS (SELECT 1 FROM bti_case c WHERE c."childId" = child.id)) WITH CHECK (true)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['child', 'consent', 'case_log_entry', 'concern', 'bti_case']) {
      await q.query(`DROP POLICY IF EXISTS "${table}_need_to_know" ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP FUNCTION bti_case_visible(bti_case)`);
    await q.query(`DROP FUNCTION bti_consent_covers(uuid, text)`);
    await q.query(`DROP TRIGGER audit_event_append_only ON "audit_event"`);
    await q.query(`DROP FUNCTION bti_audit_is_append_only()`);
    await q.query(`DROP SEQUENCE "audit_event_id_seq"`);
    await q.query(`DROP TABLE "audit_event"`);
  }
}
