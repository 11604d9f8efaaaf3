// node bench/explain-db.mjs [--scale 1] [--dir /var/tmp/bti-explain]
// A seeded database to read query plans on (docs/BENCHMARKS.md, "Paging at national scale"):
// starts an embedded PostgreSQL with its data in --dir (kept between runs, so the ~5 minute
// national seed is paid once), migrates and seeds it like `npm run bench` does when the directory
// is new, prints its URL and holds it until Ctrl-C. Needs the built apps (`nest build api`).
// Delete --dir when done: at scale 1 it is ~4.5 GB.
import path from 'node:path';
import { existsSync } from 'node:fs';
import pgPkg from 'pg';
import { startPostgres } from '../scripts/embedded-services.mjs';
import { ensureDatabaseRoles } from '../scripts/database-roles.mjs';
import { loadBuilt, log, migrateAndSeed, parseArgs } from './lib.mjs';
import { seedCases, seedOrganisation } from './seed.mjs';

const args = parseArgs(process.argv.slice(2));
const scale = Number(args.scale ?? 1);
const dir = path.resolve(args.dir ?? '/var/tmp/bti-explain');
const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
const pg = await startPostgres({ dataDir: dir, persistent: true });
const pool = new pgPkg.Pool({ connectionString: pg.url, max: 4 });
const stop = async () => {
  await pool.end().catch(() => undefined);
  await pg.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

// The production roles (as npm run bench makes them): plans read as bti_api are the API's.
const logins = await ensureDatabaseRoles(pg.url, { migrator: 'bench-migrator', api: 'bench-api', worker: 'bench-worker' });
if (fresh) {
  await migrateAndSeed(await loadBuilt(), { logins });
  log(`seeding at scale ${scale} …`);
  const t0 = Date.now();
  const organisation = await seedOrganisation(pool, scale);
  const rows = await seedCases(pool, scale);
  const { rows: size } = await pool.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`);
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${size[0].s}: ${JSON.stringify({ organisation, rows })}`);
}
log(`ready: ${pg.url}, as the API: ${logins.api} (data in ${pg.dataDir}); Ctrl-C stops it`);
