// The Noark 5 extraction at scale (DESIGN 12.5, issue 30): seeds N closed cases of one
// municipality straight into a throwaway PostgreSQL (20 log entries of ~400 characters each, like
// a long case), runs the built CLI `archive-extract` as its own process under `/usr/bin/time -v`
// (its maximum resident set size), then checks the package: the XML files against the Noark 5
// v5.0 schemas (xmllint-wasm) and every file's SHA-256 and size against arkivuttrekk.xml. Prints
// time, max RSS, package size, validation and the extrapolation to 47 000 cases.
//   npm run build && node bench/archive-extract.mjs --cases 5000      (the lead's measurement)
//   node bench/archive-extract.mjs --cases 1000                        (a memory check)
//   --node-option=--max-old-space-size=128 passes options to the CLI's node (none by default).
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startPostgres, throwawayDir } from '../scripts/embedded-services.mjs';
import { ensureDatabaseRoles } from '../scripts/database-roles.mjs';
import { BENCH_KEY, ROOT } from './lib.mjs';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '5000' }, 'log-entries': { type: 'string', default: '20' }, 'node-option': { type: 'string', multiple: true, default: [] } },
});
const CASES = Number(values.cases);
const LOG_ENTRIES = Number(values['log-entries']);
const CLI = path.join(ROOT, 'dist/apps/api/apps/api/src/cli.js');
const LIMIT_MB = 300;

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
  // One child, case and concern per n; closed a second apart from yesterday on (the period covers them all).
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
  const [{ municipality, from, to }] = (await client.query(
    `SELECT m.id AS municipality, to_char(min(c."closedAt") AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS from,
            to_char(max(c."closedAt") AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS to
       FROM municipality m JOIN bti_case c ON c."municipalityId" = m.id WHERE m.code = 'demo' AND c.status = 'closed' GROUP BY m.id`,
  )).rows;
  await client.end();
  console.log(`Seeded ${CASES} closed cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const out = path.join(dir, 'uttrekk');
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const started = Date.now();
  const args = ['-v', process.execPath, ...values['node-option'], CLI, 'archive-extract', '--municipality', municipality, '--from', from, '--to', to, '--out', out];
  const child = spawn('/usr/bin/time', args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
  let timeReport = '';
  child.stderr.on('data', (chunk) => (timeReport += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const seconds = (Date.now() - started) / 1000;
  const maxRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport)?.[1] ?? NaN);
  if (code !== 0) process.stderr.write(timeReport);
  const maxRssMb = Math.round(maxRssKb / 1024);
  const { bytes, files } = code === 0 ? packageSize(out) : { bytes: 0, files: 0 };
  const validation = code === 0 ? await validatePackage(out) : { schemaErrors: null, checksumErrors: null };
  const result = {
    nodeOptions: values['node-option'], cases: CASES, seconds: Number(seconds.toFixed(1)), maxRssMb, limitMb: LIMIT_MB,
    packageMb: Number((bytes / 1048576).toFixed(1)), files, ...validation,
    casesInPackage: validation.mapper, extrapolated47000Seconds: Math.round((seconds / CASES) * 47_000), exitCode: code,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${load} at start`,
  };
  console.log(JSON.stringify(result));
  if (code !== 0 || validation.mapper < CASES || maxRssMb >= LIMIT_MB || validation.schemaErrors !== 0 || validation.checksumErrors !== 0) process.exitCode = 1;
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}

function walk(root, rel = '') {
  return readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(root, path.join(rel, e.name)) : [path.join(rel, e.name)],
  );
}

function packageSize(out) {
  const all = walk(out);
  return { files: all.length, bytes: all.reduce((n, f) => n + statSync(path.join(out, f)).size, 0) };
}

/** Schema errors of the five XML files (xmllint-wasm, a dev dependency) and files whose size or SHA-256 differ from arkivuttrekk.xml. */
async function validatePackage(out) {
  const { validateXML } = await import('xmllint-wasm');
  const schemaDir = path.join(ROOT, 'libs/reference-data/noark5');
  const schema = (fileName) => ({ fileName, contents: readFileSync(path.join(schemaDir, fileName), 'utf8') });
  const schemaOf = { 'arkivstruktur.xml': 'arkivstruktur.xsd', 'endringslogg.xml': 'endringslogg.xsd', 'loependeJournal.xml': 'loependeJournal.xsd', 'offentligJournal.xml': 'offentligJournal.xsd', 'arkivuttrekk.xml': 'addml82.xsd' };
  let schemaErrors = 0;
  for (const [file, xsd] of Object.entries(schemaOf)) {
    const result = await validateXML({
      xml: [{ fileName: file, contents: readFileSync(path.join(out, file), 'utf8') }],
      schema: [schema(xsd)], preload: xsd === 'addml82.xsd' ? [] : [schema('metadatakatalog.xsd')], maxMemoryPages: 4 * 16384,
    });
    schemaErrors += result.errors.length;
    for (const e of result.errors.slice(0, 3)) console.error(`${file}: ${e.rawMessage}`);
  }
  const addml = readFileSync(path.join(out, 'arkivuttrekk.xml'), 'utf8');
  const listed = [...addml.matchAll(/<property name="name"><value>([^<]+)<\/value><\/property><property name="size"><value>(\d+)<\/value><\/property><property name="checksum"><properties><property name="algorithm"><value>SHA256<\/value><\/property><property name="value"><value>([0-9a-f]{64})</g)];
  const onDisk = walk(out).filter((f) => f !== 'arkivuttrekk.xml');
  let checksumErrors = Math.abs(onDisk.length - listed.length);
  for (const [, file, size, sha] of listed) {
    const bytes = readFileSync(path.join(out, file));
    if (bytes.length !== Number(size) || createHash('sha256').update(bytes).digest('hex') !== sha) checksumErrors += 1;
  }
  const mapper = Number(/<additionalElement name="mappe"><value>(\d+)<\/value>/.exec(addml)?.[1] ?? NaN);
  return { schemaErrors, checksumErrors, filesListed: listed.length, mapper };
}
