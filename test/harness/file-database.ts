// Each e2e test file gets a database of its own, cloned from one migrated and seeded template
// (CREATE DATABASE … TEMPLATE: a file copy, well under a second), and a Redis database of its own,
// emptied first. Migrating and seeding once per suite instead of once per file saves seconds per
// file; no file sees another's rows or queued jobs; and files can run in parallel jest workers.
// Loaded before every e2e file (jest.config.js setupFilesAfterEnv); it rewrites the harness URLs
// (DATABASE_URL, BTI_TEST_*_URL, REDIS_URL) in this file's process.env before the file runs.
import pg from 'pg';
import { Redis } from 'ioredis';
import { createMigratorDataSource, runMigrations, seedDemoData } from '@app/persistence';
// @ts-expect-error: plain ESM script without type declarations
import { ensureDatabaseRoles } from '../../scripts/database-roles.mjs';
// @ts-expect-error: plain ESM script without type declarations
import { TEST_PASSWORDS } from './global-setup.mjs';

const TEMPLATE = 'bti_template';
/** Prefix of every file's database; the global teardown reads them all (test/harness/mail-privacy-check.mjs). */
export const FILE_DATABASE_PREFIX = 'bti_file_';
/** Serialises template creation and the choice of names between parallel jest workers. */
const LOCK = 727_101;

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/** Migrates and seeds the template, once per suite (the first file to get here, under the lock). */
async function ensureTemplate(admin: pg.Client, superuserUrl: string): Promise<void> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
  if (rowCount) return;
  // Built under another name and renamed when complete, so a failed build is never cloned.
  const building = `${TEMPLATE}_building`;
  await admin.query(`DROP DATABASE IF EXISTS ${building}`);
  await admin.query(`CREATE DATABASE ${building}`);
  // The same roles SQL as the harness database: schema owner, database grants, no PUBLIC access.
  await ensureDatabaseRoles(withDatabase(superuserUrl, building), TEST_PASSWORDS);
  const ds = await createMigratorDataSource(withDatabase(process.env.BTI_TEST_MIGRATOR_URL!, building)).initialize();
  try {
    await runMigrations(ds);
    await seedDemoData(ds);
  } finally {
    await ds.destroy();
  }
  await admin.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE}`);
}

/** Clones the template for this test file and points this file's environment at the clone. */
async function cloneForThisFile(): Promise<void> {
  const superuserUrl = process.env.DATABASE_URL!;
  const admin = new pg.Client({ connectionString: withDatabase(superuserUrl, 'postgres') });
  await admin.connect();
  let name: string;
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [LOCK]);
    await ensureTemplate(admin, superuserUrl);
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_database WHERE starts_with(datname, '${FILE_DATABASE_PREFIX}')`);
    name = `${FILE_DATABASE_PREFIX}${rows[0].n + 1}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    // Database-level grants are not copied from a template: the roles SQL sets them on the clone.
    await ensureDatabaseRoles(withDatabase(superuserUrl, name), TEST_PASSWORDS);
  } finally {
    await admin.end();
  }
  for (const key of ['DATABASE_URL', 'BTI_TEST_MIGRATOR_URL', 'BTI_TEST_API_URL', 'BTI_TEST_WORKER_URL']) {
    process.env[key] = withDatabase(process.env[key]!, name);
  }
  // One Redis database per jest worker (1, 2, …; 0 stays unused), emptied for each file: no
  // queued job or cached entry of an earlier file reaches this one.
  const redisUrl = new URL(process.env.REDIS_URL!);
  redisUrl.pathname = `/${process.env.JEST_WORKER_ID ?? '1'}`;
  process.env.REDIS_URL = redisUrl.toString();
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

let cloned: Promise<void> | undefined;
/** This test file's database, migrated and seeded (idempotent: one clone per file). */
export function useFileDatabase(): Promise<void> {
  cloned ??= cloneForThisFile();
  return cloned;
}
