import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { ENTITIES } from './entities/index.js';

/** One definition of the database connection, used by the apps, the tests and the TypeORM CLI. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Schema changes go through migrations/ only.
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install.
    uuidExtension: 'pgcrypto',
    // No login of ours may create extensions (gen_random_uuid() is built in).
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
    // A connection attempt (or a wait for a free one) gives up after 10 s: while the database is
    // away a request fails (503) in bounded time instead of holding its client for minutes.
    extra: { max: 20, connectionTimeoutMillis: 10_000 },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}

/** The role that owns the schema (docker/initdb/10-bti-roles.sql); migrations and the seed run as it. */
export const OWNER_ROLE = 'bti_owner';

/**
 * The migrator's connection (MIGRATION_DATABASE_URL): every session becomes the owner, so what
 * migrations create belongs to `bti_owner`, never to the login that ran them.
 */
export function createMigratorDataSource(url: string): DataSource {
  const base = dataSourceOptions(url);
  return new DataSource({ ...base, extra: { ...(base.extra as object), options: `-c role=${OWNER_ROLE}` } } as DataSourceOptions);
}

const MIGRATION_LOCK = 727_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that several processes starting
 * at once (api, worker, a second replica) never run the same migration twice.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
