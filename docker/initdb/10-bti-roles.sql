-- The database roles of BTI saksflyt (README, "Security"). Run by an administrator (a superuser,
-- or a role with CREATEROLE that owns the database) in the application's database, before the
-- first migration: the postgres image runs it on an empty volume (docker/compose.yaml), `npm
-- start` and the test harness run this same file against the embedded PostgreSQL
-- (scripts/database-roles.mjs). Idempotent. It sets no passwords (20-bti-passwords.sh does).
--   bti_owner    NOLOGIN: owns the schema, every table and function
--   bti_migrator LOGIN, member of bti_owner: runs migrations and the demo seed as the owner
--   bti_app      NOLOGIN: holds the API's privileges (the grant map in migrations/least-privilege/)
--   bti_api      LOGIN, member of bti_app: the API; owns nothing
--   bti_worker   LOGIN: the worker; its own grants and row-level-security policies; owns nothing
DO $roles$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['bti_owner', 'bti_app'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN EXECUTE format('CREATE ROLE %I NOLOGIN', r); END IF;
  END LOOP;
  FOREACH r IN ARRAY ARRAY['bti_migrator', 'bti_api', 'bti_worker'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN EXECUTE format('CREATE ROLE %I LOGIN', r); END IF;
  END LOOP;
END
$roles$;

-- No role of the application may bypass row-level security or administer the cluster.
ALTER ROLE bti_owner NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE bti_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE bti_migrator LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE bti_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE bti_worker LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

-- The migrator becomes the owner (its data source connects with `role=bti_owner`); the API's
-- login has the privileges of bti_app and may SET ROLE to it (RowSecurity does).
GRANT bti_owner TO bti_migrator;
GRANT bti_app TO bti_api;
-- The first migrations grant bti_app to the role that runs them (now the owner).
GRANT bti_app TO bti_owner WITH ADMIN OPTION;

-- The schema belongs to the owner; nobody else creates objects in it.
ALTER SCHEMA public OWNER TO bti_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Only the three logins connect; nobody makes temporary tables.
DO $database$
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO bti_migrator, bti_api, bti_worker', current_database());
END
$database$;

-- A database made before these roles existed: what its administrator created moves to the owner,
-- and the administrator's default privileges give the API nothing more.
DO $adopt$
DECLARE
  o record;
BEGIN
  FOR o IN
    SELECT c.relname, c.relkind FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND c.relowner <> 'bti_owner'::regrole
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      -- a sequence owned by a column moves with its table
      AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE format('ALTER %s public.%I OWNER TO bti_owner',
      CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
      o.relname);
  END LOOP;
  FOR o IN
    SELECT p.oid::regprocedure AS fn FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'bti_owner'::regrole
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO bti_owner', o.fn);
  END LOOP;
  FOR o IN
    SELECT t.oid::regtype AS ty FROM pg_type t
    WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND t.typowner <> 'bti_owner'::regrole
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO bti_owner', o.ty);
  END LOOP;
END
$adopt$;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM bti_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM bti_app;
