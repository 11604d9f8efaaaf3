import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipality's own administration (DESIGN 12.7). Hand-written.
 * - units, clusters and users are deactivated, never deleted (`active`);
 * - the identity statement of every request (RowSecurity) calls `bti_assert_active_caller`, so a
 *   deactivated user is refused on their next request, whatever a process has cached;
 * - audit events of administrative changes carry `detail` (ids and before/after, no personal data);
 * - profile versions: a published row never changes (trigger), publishing notifies every process
 *   (`bti_profile_published`), and each case keeps the version it started with.
 */
export class MunicipalityAdministration1796150000000 implements MigrationInterface {
  name = 'MunicipalityAdministration1796150000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['unit', 'cluster', 'app_user']) {
      await q.query(`ALTER TABLE "${table}" ADD "active" boolean NOT NULL DEFAULT true`);
    }
    await q.query(`
      CREATE FUNCTION bti_assert_active_caller(p_user uuid) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = p_user AND u.active) THEN
          RAISE EXCEPTION 'caller is not an active user' USING ERRCODE = '28000';
        END IF;
        RETURN true;
      END $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION bti_assert_active_caller(uuid) TO bti_app`);
    // What the administration writes as the API's role (explicitly: default privileges are going away).
    await q.query(`GRANT SELECT, INSERT, UPDATE ON "unit", "cluster", "app_user" TO bti_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON "role_assignment" TO bti_app`);

    // What a deactivated user must hand over, as ids only: the admin reads no case (row security
    // hides them), so this owner-defined function answers for the admin of the caller's municipality.
    await q.query(`
      CREATE FUNCTION bti_open_responsibilities(p_user uuid)
      RETURNS TABLE (kind text, id uuid, "caseId" uuid, "unitId" uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        WITH caller AS (
          SELECT nullif(current_setting('bti.municipality_id', true), '')::uuid AS municipality,
                 nullif(current_setting('bti.user_id', true), '')::uuid AS id
        ), open_case AS (
          SELECT c.* FROM bti_case c, caller
          WHERE c."municipalityId" = caller.municipality AND c.status <> 'closed'
            AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId" = caller.id AND r.role = 'admin'
                          AND r."scopeType" = 'municipality' AND r."scopeId" = caller.municipality)
        )
        SELECT 'case', c.id, c.id, c."unitId" FROM open_case c WHERE c."assigneeId" = p_user
        UNION ALL
        SELECT 'task', t.id, t."caseId", c."unitId" FROM case_task t JOIN open_case c ON c.id = t."caseId" WHERE t."responsibleId" = p_user
        UNION ALL
        SELECT 'measure', m.id, m."caseId", c."unitId" FROM measure m JOIN open_case c ON c.id = m."caseId"
        WHERE m."responsibleId" = p_user AND m.status = 'active'
      $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION bti_open_responsibilities(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION bti_open_responsibilities(uuid) TO bti_app`);

    await q.query(`ALTER TABLE "audit_event" ADD "detail" jsonb`);

    await q.query(`
      CREATE TABLE "municipality_profile_version" (
        "municipalityId" uuid NOT NULL,
        "version" integer NOT NULL CHECK ("version" > 0),
        "document" jsonb NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "publishedAt" timestamptz,
        "publishedBy" uuid,
        CONSTRAINT "PK_municipality_profile_version" PRIMARY KEY ("municipalityId", "version"),
        CONSTRAINT "FK_municipality_profile_version_municipalityId" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id"),
        CONSTRAINT "FK_municipality_profile_version_publishedBy" FOREIGN KEY ("publishedBy") REFERENCES "app_user"("id")
      )`);
    // At most one draft per municipality: the one the admin edits.
    await q.query(`CREATE UNIQUE INDEX "UQ_municipality_profile_draft" ON "municipality_profile_version" ("municipalityId") WHERE "publishedAt" IS NULL`);
    await q.query(`
      CREATE FUNCTION bti_profile_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD."publishedAt" IS NOT NULL THEN
          RAISE EXCEPTION 'a published profile version never changes' USING ERRCODE = '55000';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER municipality_profile_version_immutable BEFORE UPDATE OR DELETE ON "municipality_profile_version"
      FOR EACH ROW EXECUTE FUNCTION bti_profile_version_immutable()`);
    await q.query(`
      CREATE FUNCTION bti_profile_version_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."publishedAt" IS NOT NULL THEN
          PERFORM pg_notify('bti_profile_published', NEW."municipalityId"::text || ':' || NEW.version);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER municipality_profile_version_published AFTER INSERT OR UPDATE OF "publishedAt" ON "municipality_profile_version"
      FOR EACH ROW EXECUTE FUNCTION bti_profile_version_published()`);
    // Today's profiles become version 1.
    await q.query(`
      INSERT INTO "municipality_profile_version" ("municipalityId", "version", "document", "publishedAt")
      SELECT id, 1, profile, now() FROM "municipality"`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "municipality_profile_version" TO bti_app`);
    // A new municipality starts with its profile as published version 1, so it can open cases at once.
    await q.query(`
      CREATE FUNCTION bti_municipality_first_profile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO municipality_profile_version ("municipalityId", version, document, "publishedAt")
        VALUES (NEW.id, 1, NEW.profile, now()) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER municipality_first_profile AFTER INSERT ON "municipality"
      FOR EACH ROW EXECUTE FUNCTION bti_municipality_first_profile()`);

    await q.query(`ALTER TABLE "bti_case" ADD "profileVersion" integer`);
    await q.query(`UPDATE "bti_case" SET "profileVersion" = 1`);
    // A case inserted without a version (seeds, tools) takes the latest published one.
    await q.query(`
      CREATE FUNCTION bti_case_profile_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NEW."profileVersion" IS NULL THEN
          SELECT max(v.version) INTO NEW."profileVersion" FROM municipality_profile_version v
          WHERE v."municipalityId" = NEW."municipalityId" AND v."publishedAt" IS NOT NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER bti_case_profile_version BEFORE INSERT ON "bti_case"
      FOR EACH ROW EXECUTE FUNCTION bti_case_profile_version()`);
    await q.query(`ALTER TABLE "bti_case" ALTER COLUMN "profileVersion" SET NOT NULL`);
    await q.query(`
      ALTER TABLE "bti_case" ADD CONSTRAINT "FK_bti_case_profileVersion"
      FOREIGN KEY ("municipalityId", "profileVersion") REFERENCES "municipality_profile_version"("municipalityId", "version") ON DELETE RESTRICT`);

    // Group membership from the identity provider (SCIM) mapped to a role and scope.
    await q.query(`
      CREATE TABLE "scim_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "municipalityId" uuid NOT NULL,
        "tokenHash" char(64) NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "createdBy" uuid NOT NULL,
        "revokedAt" timestamptz,
        CONSTRAINT "PK_scim_token" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_scim_token_hash" UNIQUE ("tokenHash"),
        CONSTRAINT "FK_scim_token_municipalityId" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id"),
        CONSTRAINT "FK_scim_token_createdBy" FOREIGN KEY ("createdBy") REFERENCES "app_user"("id")
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON "scim_token" TO bti_app`);
    // A group of the identity provider, and the role and scope its members get (null: none yet).
    await q.query(`
      CREATE TABLE "scim_group" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "municipalityId" uuid NOT NULL,
        "displayName" varchar(200) NOT NULL,
        "externalId" varchar(200),
        "role" varchar(40),
        "scopeType" varchar(20),
        "scopeId" uuid,
        CONSTRAINT "PK_scim_group" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_scim_group_name" UNIQUE ("municipalityId", "displayName"),
        CONSTRAINT "CHK_scim_group_role" CHECK (("role" IS NULL) = ("scopeType" IS NULL) AND ("role" IS NULL) = ("scopeId" IS NULL)),
        CONSTRAINT "FK_scim_group_municipalityId" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id")
      )`);
    await q.query(`
      CREATE TABLE "scim_group_member" (
        "groupId" uuid NOT NULL,
        "userId" uuid NOT NULL,
        CONSTRAINT "PK_scim_group_member" PRIMARY KEY ("groupId", "userId"),
        CONSTRAINT "FK_scim_group_member_groupId" FOREIGN KEY ("groupId") REFERENCES "scim_group"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_scim_group_member_userId" FOREIGN KEY ("userId") REFERENCES "app_user"("id")
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "scim_group", "scim_group_member" TO bti_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "scim_group_member"`);
    await q.query(`DROP TABLE "scim_group"`);
    await q.query(`DROP TABLE "scim_token"`);
    await q.query(`ALTER TABLE "bti_case" DROP CONSTRAINT "FK_bti_case_profileVersion"`);
    await q.query(`DROP TRIGGER bti_case_profile_version ON "bti_case"`);
    await q.query(`DROP FUNCTION bti_case_profile_version()`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "profileVersion"`);
    await q.query(`DROP TRIGGER municipality_first_profile ON "municipality"`);
    await q.query(`DROP FUNCTION bti_municipality_first_profile()`);
    await q.query(`DROP TABLE "municipality_profile_version"`);
    await q.query(`DROP FUNCTION bti_profile_version_published()`);
    await q.query(`DROP FUNCTION bti_profile_version_immutable()`);
    await q.query(`ALTER TABLE "audit_event" DROP COLUMN "detail"`);
    await q.query(`DROP FUNCTION bti_open_responsibilities(uuid)`);
    await q.query(`DROP FUNCTION bti_assert_active_caller(uuid)`);
    for (const table of ['unit', 'cluster', 'app_user']) await q.query(`ALTER TABLE "${table}" DROP COLUMN "active"`);
  }
}
