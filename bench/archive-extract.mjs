// The Noark 5 extraction at scale (DESIGN 12.5, issue 30): seeds N closed cases of one
// municipality straight into a throwaway PostgreSQL (20 log entries of ~400 characters each, like
// a long case), runs the built CLI `archive-extract` as its own process, samples its resident
// memory from /proc every 50 ms and prints time, peak RSS and the extrapolation to 47 000 cases.
//   npm run build && node bench/archive-extract.mjs --cases 5000      (the lead's measurement)
//   node bench/archive-extract.mjs --cases 300                         (a quick memory check)
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startPostgres, throwawayDir } from '../scripts/embedded-services.mjs';
import { ensureDatabaseRoles } from '../scripts/database-roles.mjs';
import { BENCH_KEY, ROOT } from './lib.mjs';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '5000' }, 'log-entries': { type: 'string', default: '20' } } });
const CASES = Number(values.cases);
const LOG_ENTRIES = Number(values['log-entries']);
const CLI = path.join(ROOT, 'dist/apps/api/apps/api/src/cli.js');
const LIMIT_MB = 300;
// V8 grows its heap lazily when nothing caps it (an uncapped run measured 530 MB resident at 300
// cases with a live set under 96 MB); the CLI and the worker run extractions with this cap.
const HEAP_CAP = '--max-old-space-size=128';

const dir = throwawayDir('bti-archive-bench');
const db = await startPostgres({ dataDir: path.join(dir, 'pg'), persistent: false });
try {
  // As in production: migrations as the migrator, the extraction as the worker's login; the
  // superuser only seeds the bench rows.
  const logins = await ensureDatabaseRoles(db.url, { migrator: 'bench-migrator', api: 'bench-api', worker: 'bench-worker' });
  const env = { ...process.env, MIGRATION_DATABASE_URL: logins.migrator, DATABASE_URL: logins.worker, DATA_ENCRYPTION_KEY: BENCH_KEY };
  execFileSync(process.execPath, [CLI, 'migrate', 'seed'], { env, stdio: 'inherit' });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const t0 = Date.now();
  // One child, case and concern per n; closed yesterday (Oslo), so the period is one day.
  await client.query(`
    WITH m AS (SELECT m.id AS municipality, u.id AS unit, u."clusterId" AS cluster, usr.id AS staff, v.version
                 FROM municipality m JOIN unit u ON u."municipalityId" = m.id AND u.code = 'solsiden-bhg'
                 JOIN app_user usr ON usr.username = 'ola.leder'
                 JOIN municipality_profile_version v ON v."municipalityId" = m.id AND v.version = 1
                WHERE m.code = 'demo'),
         g AS (SELECT n, gen_random_uuid() AS child, gen_random_uuid() AS kase FROM generate_series(1, $1) n),
         ch AS (INSERT INTO child (id, "municipalityId", "firstName", "lastName", "birthDate")
                SELECT g.child, m.municipality, 'Barn' || n, 'Benkesen', date '2018-01-01' + (n % 2000) FROM g, m),
         c AS (INSERT INTO bti_case (id, "municipalityId", "unitId", "clusterId", "childId", "reporterId", "reporterUnitId", "assigneeId", status, level,
                                     "profileVersion", "createdAt", "closedAt")
               SELECT g.kase, m.municipality, m.unit, m.cluster, g.child, m.staff, m.unit, m.staff, 'closed', 1, m.version,
                      now() - interval '200 days', now() - interval '1 day' + make_interval(secs => n) FROM g, m
               RETURNING id)
    INSERT INTO concern ("caseId", description, categories) SELECT g.kase, repeat('Observasjon fra barnehagen. ', 20), '{care}' FROM g`, [CASES]);
  await client.query(`
    INSERT INTO case_log_entry ("caseId", type, "actorId", at, text)
    SELECT c.id, CASE WHEN i = 1 THEN 'decide' WHEN i = $1 THEN 'close' ELSE 'note' END, c."assigneeId", c."createdAt" + make_interval(days => i),
           repeat('Samtale med foresatte om tiltak i barnehagen. ', 9)
      FROM bti_case c CROSS JOIN generate_series(1, $1) i WHERE c.status = 'closed'`, [LOG_ENTRIES]);
  const [{ municipality, day }] = (await client.query(
    `SELECT m.id AS municipality, to_char((now() - interval '1 day') AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS day FROM municipality m WHERE code = 'demo'`,
  )).rows;
  await client.end();
  console.log(`Seeded ${CASES} closed cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const out = path.join(dir, 'uttrekk');
  const started = Date.now();
  const child = spawn(process.execPath, [HEAP_CAP, CLI, 'archive-extract', '--municipality', municipality, '--from', day, '--to', day, '--out', out], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  let peakKb = 0;
  const sample = setInterval(() => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (rss) peakKb = Math.max(peakKb, Number(rss[1]));
    } catch {
      /* exited */
    }
  }, 50);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(sample);
  const seconds = (Date.now() - started) / 1000;
  const peakMb = Math.round(peakKb / 1024);
  const result = { heapCap: HEAP_CAP, cases: CASES, seconds: Number(seconds.toFixed(1)), peakRssMb: peakMb, limitMb: LIMIT_MB, extrapolated47000Seconds: Math.round((seconds / CASES) * 47_000), exitCode: code };
  console.log(JSON.stringify(result));
  if (code !== 0 || peakMb >= LIMIT_MB) process.exitCode = 1;
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
