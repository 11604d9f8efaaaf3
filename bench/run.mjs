// npm run bench [-- --quick] [-- --scale 0.1] [-- --replicas 2]
// Seeds a throwaway embedded PostgreSQL at a fraction of national scale, measures this machine's
// ceilings and the product's figures in the same run, prints a table and writes
// bench/results/latest.json (plus a dated copy). See docs/BENCHMARKS.md.
// The product runs as in production: API processes on the login bti_api and complete workers on
// bti_worker (--replicas N of each; the load spreads over the APIs), so row-level security costs
// here what it costs there.
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pgPkg from 'pg';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { getDataSourceToken } from '@nestjs/typeorm';
import { BENCH_KEY, NullLog, postgresCpuSeconds, watchPostgres, watchApps, ROOT, benchEnv, concernBody, captureStatements, explainOneTrip, recordPrepared, load, loadBuilt, log, migrateAndSeed, machine, parseArgs, percentile, round, startServices } from './lib.mjs';
import { processMemory, startApiProcess, startWorkerProcess, stopProcess } from './processes.mjs';
import { plannedCounts, seedCases, seedOrganisation } from './seed.mjs';
import { startMailSink, readSinkMessages } from '../scripts/mail-sink.mjs';
import { startIssuer } from './issuer.mjs';

const { Pool } = pgPkg;
const rawIds = { encrypted: null, hash: null };
const args = parseArgs(process.argv.slice(2));
const quick = Boolean(args.quick);
const scale = Number(args.scale ?? (quick ? 0.01 : 0.1));
if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be a fraction in (0, 1]');
const D = Number(args.duration ?? (quick ? 5 : 15)); // seconds per load phase
const C = 32; // concurrency of every load phase (the figure)
const R = Number(args.replicas ?? 1); // API processes and workers
if (!(Number.isInteger(R) && R >= 1 && R <= 8)) throw new Error('--replicas must be an integer 1–8');
const DELAYED_JOBS = Number(args.delayed ?? (quick ? 100_000 : 1_000_000));
const DRAIN = 10_000;
const MAILED_UNITS = 4; // the leaders of bench units 1–4 have e-mail addresses: a quarter of the drain's reminders is mailed
const LIST_QUERY = '/api/v1/cases?status=discovered&overdue=true&pageSize=50';
const LIST_KEYS = ['mineList', 'leaderList', 'teamList', 'tfaList', 'iksQueue', 'auditPage', 'statistics', 'search', 'agenda'];

const started = Date.now();
const result = {
  date: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  mode: quick ? 'quick' : 'full',
  machine: machine(),
  scale,
  durationPerPhaseS: D,
  concurrency: C,
  processes: { apis: R, workers: R, apiLogin: 'bti_api', workerLogin: 'bti_worker' },
  seeded: {},
  postgres: {},
  ceilings: {},
  concernCreate: {},
  caseList: {},
  caseRead: {},
  events: {},
  reminders: {},
  audit: {},
  memory: {},
  notes: [],
};

const services = await startServices('bti-bench', { extraRedis: true });
let probe = null;
let apis = [];
let workers = [];
let mail = null;
let issuer = null;
const pool = new Pool({ connectionString: services.pg.url, max: C + 8 });
// Idle clients see the server go away when the run stops it (or on a failure): not an error of the run.
pool.on('error', () => undefined);
// The API's own login, for EXPLAIN as the API runs its statements.
const apiPool = new Pool({ connectionString: services.logins.api, max: 2 });
apiPool.on('error', () => undefined);
const memorySamples = new Map(); // process name → [{rssMb, anonMb}]
let sampler = null;
const stopAll = async () => {
  clearInterval(sampler);
  await Promise.all(workers.map(stopProcess));
  await Promise.all(apis.map(stopProcess));
  await probe?.close().catch(() => undefined);
  await mail?.stop?.().catch(() => undefined);
  await issuer?.close();
  await pool.end().catch(() => undefined);
  await apiPool.end().catch(() => undefined);
  await services.stop();
};
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

try {
  log(`bench ${result.mode}: scale ${scale}, ${D} s per phase, c=${C}, ${R} API process(es) + ${R} worker(s); PostgreSQL ${services.pg.url.replace(/:[^:@]*@/, ':…@')}, Redis ${services.redis.url}`);
  watchPostgres(services.pg.dataDir);
  const built = await loadBuilt();
  await migrateAndSeed(built, services);
  for (const name of ['server_version', 'shared_buffers', 'synchronous_commit', 'fsync', 'wal_sync_method', 'max_connections', 'work_mem']) {
    result.postgres[name] = (await pool.query(`SHOW ${name}`)).rows[0][name];
  }

  // ── organisation, then the API processes, then the empty-database baseline of the list query ──
  log('seeding organisation …');
  result.seeded.organisation = await seedOrganisation(pool, scale);
  // Tokens from one identity provider for every replica (production's oidc mode), not dev-login.
  issuer = await startIssuer();
  const apiEnv = { ...process.env, ...benchEnv(services), ...issuer.env };
  const workerEnv = { ...apiEnv, DATABASE_URL: services.logins.worker };
  if (R > 1) {
    // Several workers: every e-mail must go out once. A local SMTP sink counts what arrives.
    mail = await startMailSink({ dir: path.join(services.dir, 'mail') });
    workerEnv.SMTP_URL = mail.smtpUrl;
  }
  apis = await Promise.all(Array.from({ length: R }, (_, i) => startApiProcess(apiEnv, `api${i + 1}`)));
  const bases = apis.map((a) => a.base);
  const base = bases[0];
  watchApps({ api: apis.map((a) => a.pid), worker: [] });
  sampler = setInterval(sampleMemory, 1000);
  // An API in this process, on the same login, only to capture the SQL of one request of each
  // list for EXPLAIN (the load goes to the processes above).
  probe = await built.createApiApp({ config: built.loadConfig(apiEnv), logDestination: new NullLog() });
  const preparedTexts = recordPrepared(probe.get(getDataSourceToken()));
  await probe.listen(0, '127.0.0.1');
  const probeBase = `http://127.0.0.1:${probe.getHttpServer().address().port}`;

  const units = (await pool.query(`SELECT n, id, leader_id FROM bench_unit WHERE n <= $1 ORDER BY n`, [C])).rows;
  const tokens = await issuer.tokens(pool, units.map((u) => `bench.u${u.n}.leder`));
  const tokenOfUnit = new Map(units.map((u) => [u.id, tokens.get(`bench.u${u.n}.leder`)]));
  const leader1 = { Authorization: `Bearer ${tokens.get('bench.u1.leder')}` };

  log('list on an empty database …');
  const listEmpty = await load({ bases, path: LIST_QUERY, headers: leader1, duration: Math.min(D, 5) });
  const listEmptyC1 = await load({ bases, path: LIST_QUERY, headers: leader1, duration: Math.min(D, 5), connections: 1 });

  // ── national-scale data ──
  log(`seeding cases at scale ${scale} (${JSON.stringify(plannedCounts(scale))}) …`);
  const t0 = Date.now();
  result.seeded.rows = await seedCases(pool, scale);
  result.seeded.seconds = round((Date.now() - t0) / 1000);
  result.seeded.databaseMb = round(Number((await pool.query(`SELECT pg_database_size(current_database()) AS s`)).rows[0].s) / 1024 ** 2);
  result.seeded.largestUnitCases = (await pool.query(`SELECT count(*)::int AS n FROM bti_case WHERE "unitId" = $1`, [units[0].id])).rows[0].n;
  result.seeded.largestMunicipalityCases = (await pool.query(
    `SELECT count(*)::int AS n FROM bti_case c JOIN unit u ON u.id = c."unitId" WHERE c."municipalityId" = (SELECT "municipalityId" FROM unit WHERE id = $1)`,
    [units[0].id],
  )).rows[0].n;
  if (mail) await pool.query(`UPDATE app_user u SET email = u.username || '@bench.bti.local' FROM bench_unit b WHERE u.id = b.leader_id AND b.n <= $1`, [MAILED_UNITS]);

  // ── ceiling (b): a bare node http server, same load tool, same concurrency ──
  log('ceiling: bare node http …');
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  const bareRun = await load({ url: `http://127.0.0.1:${bare.address().port}/`, duration: D });
  await new Promise((r) => bare.close(r));
  result.ceilings.bareHttpReqPerSec = bareRun.reqPerSec;
  result.ceilings.bareHttpP95Ms = bareRun.p95Ms;
  result.ceilings.bareHttpNodeCpuCores = bareRun.loadToolCpuCores;

  // ── ceiling (a): the concern-creation SQL straight through pg, same concurrency ──
  log('ceiling: raw concern-creation transaction …');
  const unitRows = (await pool.query(`SELECT n, id, municipality_id, cluster_id, leader_id FROM bench_unit WHERE n <= $1`, [C])).rows;
  const rawCpu = cpuMeter();
  // The API encrypts the national id in node before the transaction; the raw transaction stores a real ciphertext of the same length.
  const { NationalIdCipher } = await import(new URL('../dist/apps/api/apps/api/src/common/national-id.js', import.meta.url).href);
  const cipher = new NationalIdCipher(Buffer.from(BENCH_KEY, 'hex'));
  rawIds.encrypted = cipher.encrypt('13097248022');
  rawIds.hash = cipher.hash('13097248022');
  result.ceilings.rawConcernTxPerSec = await rawConcernCeiling(pool, unitRows, D);
  Object.assign(result.ceilings, rawCpu.stop('rawConcern'));
  result.ceilings.rawConcernTxPerSecSyncCommitOff = await rawConcernCeiling(pool, unitRows, Math.min(D, 5), true);

  // ── the workers (reminder sweeps, audit sealer, mail, retention) run through every product phase ──
  // Start: the process is up and its first sweep (an index probe over the pending rows) has completed.
  log(`starting ${R} worker(s) with the seeded pending reminders …`);
  const pendingSeeded = (await pool.query(`SELECT count(*)::int AS n FROM scheduled_reminder WHERE status = 'pending'`)).rows[0].n;
  const queueConn = new Redis(services.redis.url, { maxRetriesPerRequest: null });
  queueConn.on('error', () => undefined); // the run's end stops Redis under it
  const redisBefore = infoMemory(await queueConn.info('memory'));
  const chainsBefore = (await pool.query(`SELECT "municipalityId", "lastSeq"::text AS seq, "lastHash" AS hash FROM audit_chain`)).rows;
  const auditStart = (await pool.query(`SELECT COALESCE(max(id), 0)::text AS id FROM audit_event`)).rows[0].id;
  workers = await Promise.all(Array.from({ length: R }, (_, i) => startWorkerProcess(workerEnv, `worker${i + 1}`)));
  watchApps({ api: apis.map((a) => a.pid), worker: workers.map((w) => w.pid) });
  const startedAll = await waitFor(async () => workers.some((w) => w.firstSweepAt !== null), 600_000, 50);
  const firstSweep = Math.min(...workers.filter((w) => w.firstSweepAt).map((w) => w.firstSweepAt - w.startedAt));
  result.reminders.workerStartSeconds = round(firstSweep / 1000, 2);
  result.reminders.workerStartBacklog = { pendingReminders: pendingSeeded, secondsUntilFirstSweep: result.reminders.workerStartSeconds, complete: startedAll, includesProcessStart: true };
  await waitFor(async () => workers.reduce((n, w) => n + w.sweeps, 0) >= 5, 60_000, 200);
  const redisWithWorker = infoMemory(await queueConn.info('memory'));
  // What the pending reminders cost in Redis under this design: the Redis the worker uses, with the
  // whole backlog pending, minus the empty Redis (schedulers, a few finished sweep jobs, the mail
  // and audit parts of the worker included), per million pending reminders.
  result.reminders.sweepDesign = {
    pendingReminders: pendingSeeded,
    redisUsedBeforeMb: round(redisBefore / 1024 ** 2, 2),
    redisUsedWithWorkerMb: round(redisWithWorker / 1024 ** 2, 2),
    redisKeys: await queueConn.dbsize(),
  };
  result.reminders.mbPerMillionDelayed = round((Math.max(0, redisWithWorker - redisBefore) / Math.max(1, pendingSeeded)) * 1e6 / 1024 ** 2, 3);

  // ── product: POST /cases ──
  log('product: POST /cases …');
  const createStart = new Date();
  let i = 0;
  const create = await load({
    bases,
    duration: D,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/cases',
        setupRequest: (req) => {
          const u = units[i++ % units.length];
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOfUnit.get(u.id)}` }, body: JSON.stringify(concernBody(u.id, i)) };
        },
      },
    ],
  });
  result.concernCreate = {
    reqPerSec: create.okPerSec,
    p50Ms: create.p50Ms,
    p95Ms: create.p95Ms,
    p99Ms: create.p99Ms,
    ratioToRaw: round(create.okPerSec / result.ceilings.rawConcernTxPerSec, 3),
    ratioToBareHttp: round(create.okPerSec / result.ceilings.bareHttpReqPerSec, 4),
    cpuMsPerRequest: perRequest(create),
    ...cpuOf(create),
    statusCounts: create.statusCounts,
  };

  // ── product: GET /cases as a unit leader (page of 50, status + overdue): the query of runs 1–15 ──
  log('product: GET /cases (leader page, the query of runs 1–15) …');
  const list = await load({ bases, path: LIST_QUERY, headers: leader1, duration: D });
  const listC1 = await load({ bases, path: LIST_QUERY, headers: leader1, duration: Math.min(D, 5), connections: 1 });
  const firstPage = await (await fetch(base + LIST_QUERY, { headers: leader1 })).json();
  result.caseList = {
    cpuMsPerRequest: perRequest(list),
    p95Ms: list.p95Ms,
    p95EmptyMs: listEmpty.p95Ms,
    ratioScaleToEmpty: round(list.p95Ms / listEmpty.p95Ms, 2),
    p50Ms: list.p50Ms,
    p99Ms: list.p99Ms,
    reqPerSec: list.reqPerSec,
    p95SingleClientMs: listC1.p95Ms,
    p95EmptySingleClientMs: listEmptyC1.p95Ms,
    ...cpuOf(list),
    pageItems: firstPage.items?.length,
    total: firstPage.total,
    statusCounts: list.statusCounts,
  };

  // ── product: GET /cases/:id ──
  log('product: GET /cases/:id …');
  const readable = (await pool.query(`SELECT c.id, c."unitId" FROM bti_case c WHERE c."unitId" = ANY($1) ORDER BY random() LIMIT 5000`, [units.map((u) => u.id)])).rows;
  let r = 0;
  const read = await load({
    bases,
    duration: D,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const row = readable[(r++ * 7919) % readable.length];
          return { ...req, path: `/api/v1/cases/${row.id}`, headers: { authorization: `Bearer ${tokenOfUnit.get(row.unitId)}` } };
        },
      },
    ],
  });
  const readC1 = await load({ bases, path: `/api/v1/cases/${readable[0].id}`, headers: { authorization: `Bearer ${tokenOfUnit.get(readable[0].unitId)}` }, duration: Math.min(D, 5), connections: 1 });
  result.caseRead = { cpuMsPerRequest: perRequest(read), p95Ms: read.p95Ms, p50Ms: read.p50Ms, p99Ms: read.p99Ms, reqPerSec: read.reqPerSec, p95SingleClientMs: readC1.p95Ms, ...cpuOf(read), statusCounts: read.statusCounts };

  // ── the lists people open, each as 32 clients over a mix of users: half of the largest municipality ──
  const mix = await userMix(pool, C);
  const mixTokens = await issuer.tokens(pool, [...new Set(Object.values(mix).flat())]);
  const as = (usernames) => usernames.map((u) => `Bearer ${mixTokens.get(u)}`);
  const year = new Date().getFullYear();
  const statsQuery = `/api/v1/stats/overview?from=${year}-01-01&to=${new Date().toISOString().slice(0, 10)}`; // the page's default period
  const searchFnr = '53097248016';
  const [probeCase] = (await pool.query(
    `SELECT c.reference, ch.id AS child_id, ch."lastName", ch."birthDate"::text AS born FROM bti_case c JOIN child ch ON ch.id = c."childId" WHERE c."unitId" = $1 ORDER BY c."createdAt" DESC LIMIT 1`,
    [units[0].id],
  )).rows;
  await pool.query(`UPDATE child SET "nationalIdHash" = $2 WHERE id = $1`, [probeCase.child_id, cipher.hash(searchFnr)]);
  const [y, m, d] = probeCase.born.split('-');
  const searches = [probeCase.lastName.slice(0, 10), `${d}.${m}.${y}`, searchFnr, probeCase.reference].map((q) => `/api/v1/cases?q=${encodeURIComponent(q)}&sort=deadline&pageSize=20`);
  const PRIORITY_PAGE = '/api/v1/cases?sort=priority&page=1&pageSize=20'; // the first page of «Mine saker» / «Enhetens saker» (CaseListPage)
  const LISTS = [
    { key: 'mineList', label: "staff's «Mine saker»", users: mix.staff, paths: [PRIORITY_PAGE] },
    { key: 'leaderList', label: "unit leader's «Enhetens saker»", users: mix.leaders, paths: [PRIORITY_PAGE] },
    { key: 'teamList', label: "team member's list", users: mix.team, paths: [PRIORITY_PAGE] },
    { key: 'tfaList', label: "TFA coordinator's list", users: mix.tfa, paths: [PRIORITY_PAGE] },
    { key: 'iksQueue', label: 'IKS queue', users: mix.iks, paths: ['/api/v1/iks/referrals'] },
    { key: 'auditPage', label: "auditor's audit page", users: mix.auditors, paths: ['/api/v1/audit?page=1&pageSize=20'] },
    { key: 'statistics', label: "analyst's statistics", users: mix.analysts, paths: [statsQuery] },
    { key: 'search', label: 'search GET /cases?q= (name, birth date, national id, reference)', users: mix.leaders, paths: searches },
    { key: 'agenda', label: 'agenda GET /me/agenda?days=7', users: [...mix.staff, ...mix.leaders], paths: ['/api/v1/me/agenda?days=7'] },
  ];
  for (const list of LISTS) {
    log(`product: ${list.label} …`);
    const headers = as(list.users);
    let k = 0;
    const run = await load({
      bases,
      duration: D,
      requests: [{ method: 'GET', setupRequest: (req) => { const n = k++; return { ...req, path: list.paths[n % list.paths.length], headers: { authorization: headers[n % headers.length] } }; } }],
    });
    const sample = await (await fetch(base + list.paths[0], { headers: { authorization: headers[0] } })).json();
    result[list.key] = {
      label: list.label,
      p95Ms: run.p95Ms,
      p50Ms: run.p50Ms,
      p99Ms: run.p99Ms,
      reqPerSec: run.reqPerSec,
      ...cpuOf(run),
      // What one request costs, in CPU ms (less sensitive to a shared machine than the latency), and
      // its p95 against the case read's in this run (the read met its target on a quiet machine).
      cpuMsPerRequest: perRequest(run),
      p95RatioToRead: round(run.p95Ms / result.caseRead.p95Ms, 2),
      users: new Set(list.users).size,
      firstUser: list.users[0],
      firstUserTotal: sample.total ?? sample.items?.length ?? null,
      statusCounts: run.statusCounts,
    };
  }

  // ── product: POST /cases/:id/events (start_assessment on the cases POST /cases just made) ──
  log('product: POST /cases/:id/events …');
  const targets = (await pool.query(`SELECT id, "unitId" FROM bti_case WHERE status = 'discovered' AND version = 1 AND "createdAt" >= $1`, [createStart])).rows;
  let e = 0;
  const events = await load({
    bases,
    amount: targets.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const row = targets[e++ % targets.length];
          return {
            ...req,
            path: `/api/v1/cases/${row.id}/events`,
            headers: { 'content-type': 'application/json', 'if-match': '"1"', authorization: `Bearer ${tokenOfUnit.get(row.unitId)}` },
            body: '{"type":"start_assessment"}',
          };
        },
      },
    ],
  });
  result.events = { cpuMsPerRequest: perRequest(events), reqPerSec: events.okPerSec, p50Ms: events.p50Ms, p95Ms: events.p95Ms, p99Ms: events.p99Ms, requests: events.requests, ...cpuOf(events), statusCounts: events.statusCounts };
  result.memory.afterLoad = memoryNow();

  // ── audit: how long after it was written each row of the product phases was sealed ──
  log('audit: waiting for the sealers to catch up …');
  result.audit = await auditSealFigures(pool, auditStart);

  // ── the plans at scale, as bti_api: one request of each list, captured from the probe API ──
  log('explain: one request of each list, as bti_api …');
  result.caseList.explain = await explainRequest(preparedTexts, probe, probeBase + LIST_QUERY, leader1.Authorization);
  for (const list of LISTS) result[list.key].explain = await explainRequest(preparedTexts, probe, probeBase + list.paths[0], `Bearer ${mixTokens.get(list.users[0])}`);

  // ── reminders: 10 000 due at the same second, fired by the running worker(s) ──
  const lead = Number(args.lead ?? 20);
  const dueAt = new Date(Date.now() + lead * 1000);
  dueAt.setMilliseconds(0);
  log(`reminders: ${DRAIN} reminders due at ${dueAt.toISOString()} …`);
  const drainIds = await insertDueReminders(pool, units, DRAIN, dueAt);
  const drainCpu = cpuMeter();
  const drained = await waitFor(
    async () => (await pool.query(`SELECT count(*)::int AS n FROM scheduled_reminder WHERE id = ANY($1) AND status = 'pending'`, [drainIds])).rows[0].n === 0,
    600_000,
    500,
  );
  Object.assign(result.reminders, drainCpu.stop('drain'));
  const { rows: settledRows } = await pool.query(
    `SELECT status, extract(epoch FROM ("settledAt" - "dueAt")) * 1000 AS lateness FROM scheduled_reminder WHERE id = ANY($1) AND "settledAt" IS NOT NULL`,
    [drainIds],
  );
  const lateness = settledRows.map((x) => Number(x.lateness)).sort((a, b) => a - b);
  result.reminders.drain10kSeconds = round(lateness.length ? lateness[lateness.length - 1] / 1000 : null, 2);
  result.reminders.p50LatenessMs = round(percentile(lateness, 50));
  result.reminders.p99LatenessMs = round(percentile(lateness, 99));
  const notified = (await pool.query(`SELECT count(*)::int AS n FROM notification n JOIN scheduled_reminder r ON r."jobId" = n."jobKey" WHERE r.id = ANY($1)`, [drainIds])).rows[0].n;
  const config = built.loadConfig(workerEnv);
  result.reminders.drain = {
    count: DRAIN,
    complete: drained,
    settled: settledRows.length,
    fired: settledRows.filter((x) => x.status === 'fired').length,
    notifications: notified,
    workers: R,
    workerConcurrency: config.reminderWorker.concurrency,
    batchSize: config.reminderWorker.batchSize,
    sweepIntervalMs: config.reminderWorker.sweepIntervalMs,
  };
  result.memory.afterDrain = memoryNow();
  result.memory.maxSampled = maxSampled();

  // ── nothing lost or doubled (every run; the point of --replicas) ──
  log('checks: reminders once, e-mail once, audit chains, failed requests …');
  result.replicas = await exactlyOnceChecks({ verifyLinks: built.verifyLinks, drainIds, chainsBefore, auditStart });
  await queueConn.quit();
  clearInterval(sampler);
  await Promise.all(workers.map(stopProcess));
  await Promise.all(apis.map(stopProcess));
  workers = [];
  apis = [];

  // ── ceiling (c), and the alternative design's memory (a delayed job per reminder), on a second, empty Redis ──
  log(`redis: ceiling of the BullMQ add path and memory of ${DELAYED_JOBS.toLocaleString('en')} delayed jobs …`);
  const alternative = await redisFigures(services.redis2.url, DELAYED_JOBS, D);
  result.reminders.delayedJobDesign = alternative;
  result.ceilings.redisOpsPerSec = alternative.addBulkJobsPerSec;
  result.ceilings.redisSingleAddPerSec = alternative.singleAddPerSec;
  // ── the foreign keys' cost on the write path: ceiling (a) again, last, with every key dropped ──
  log('ceiling: raw concern-creation transaction without the foreign keys …');
  await pool.query(`DO $$ DECLARE k record; BEGIN
    FOR k IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace LOOP
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.tbl, k.conname);
    END LOOP; END $$`);
  result.ceilings.rawConcernTxPerSecWithoutForeignKeys = await rawConcernCeiling(pool, unitRows, D);
  if (DELAYED_JOBS < 1_000_000) result.notes.push(`delayedJobDesign.mbPerMillionDelayed extrapolated linearly from ${DELAYED_JOBS.toLocaleString('en')} delayed jobs`);
  if (scale < 1) result.notes.push(`scale ${scale}: ${plannedCounts(scale).cases} cases; the national figure is 300 000`);
  const phases = { concernCreate: result.concernCreate, caseList: result.caseList, caseRead: result.caseRead, events: result.events, ...Object.fromEntries(LISTS.map((l) => [l.key, result[l.key]])) };
  for (const [phase, fig] of Object.entries(phases)) {
    const bad = Object.entries(fig.statusCounts ?? {}).filter(([s]) => Number(s) >= 400);
    if (bad.length) result.notes.push(`${phase}: non-2xx responses ${JSON.stringify(Object.fromEntries(bad))} (figures include them)`);
  }
  result.replicas.failedRequests = Object.values(phases).reduce((n, fig) => n + Object.entries(fig.statusCounts ?? {}).filter(([s]) => Number(s) >= 400).reduce((a, [, c]) => a + c, 0) + (fig.errors ?? 0), 0);
  // Requests still in flight when a phase's time ran out are cut by the load tool, not failed by the product.
  result.replicas.cutAtPhaseEnd = Object.values(phases).reduce((n, fig) => n + (fig.timeouts ?? 0), 0);
} finally {
  result.totalSeconds = round((Date.now() - started) / 1000);
  await stopAll();
}

mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const json = JSON.stringify(result, null, 2);
writeFileSync(path.join(ROOT, 'bench/results/latest.json'), json);
writeFileSync(path.join(ROOT, `bench/results/${result.mode}-${result.date.replace(/[:.]/g, '-')}.json`), json);
printTable(result);
process.exit(0);

// ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * The inserts (and the reads and locks that go with them) of one POST /cases, in one transaction,
 * straight through pg: unit, municipality profile, child, case, concern, log entry, and three
 * reminders (unassigned, assessment_due, assessment_due_leader), each with its cancel-pending
 * UPDATE, count, scheduled_reminder and outbox row, under the per-case advisory lock. The outbox
 * row goes to `bench_outbox` (round one's table, kept by the bench only), so the ceiling is the
 * same SQL as in every earlier run.
 */
async function rawConcernCeiling(pool, unitRows, seconds, syncOff = false) {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  const kinds = [['unassigned', 2], ['assessment_due', 7], ['assessment_due_leader', 14]];
  const worker = async (w) => {
    const client = await pool.connect();
    try {
      if (syncOff) await client.query('SET synchronous_commit = off');
      let k = 0;
      while (Date.now() < deadline) {
        const u = unitRows[(w + k++) % unitRows.length];
        await client.query('BEGIN');
        await client.query(`SELECT * FROM unit WHERE id = $1 AND "municipalityId" = $2`, [u.id, u.municipality_id]);
        const child = await client.query(
          `INSERT INTO child ("municipalityId", "firstName", "lastName", "birthDate", "nationalIdEncrypted", "nationalIdHash", guardians)
           VALUES ($1, 'Rå', 'Test', '2019-05-17', $2, $3, $4) RETURNING id`,
          [u.municipality_id, rawIds.encrypted, rawIds.hash, JSON.stringify([{ name: 'Mor', relation: 'mor', parentalResponsibility: true }])],
        );
        const kase = await client.query(
          `INSERT INTO bti_case ("municipalityId", "unitId", "clusterId", "childId", "reporterId", status, level, version)
           VALUES ($1, $2, $3, $4, $5, 'discovered', 0, 1) RETURNING id, "createdAt", "updatedAt"`,
          [u.municipality_id, u.id, u.cluster_id, child.rows[0].id, u.leader_id],
        );
        const caseId = kase.rows[0].id;
        await client.query(
          `INSERT INTO concern ("caseId", description, categories, "riskFactors", "protectiveFactors", "childVoice", "suspectedViolenceOrAbuse")
           VALUES ($1, 'Barnet virker trist.', '{wellbeing}', '{family_conflict}', '{trusted_adult}', 'Sier lite.', false) RETURNING id`,
          [caseId],
        );
        await client.query(`INSERT INTO case_log_entry ("caseId", type, "actorId", text, data) VALUES ($1, 'concern_logged', $2, 'Bekymring registrert.', '{}')`, [caseId, u.leader_id]);
        await client.query(`SELECT profile FROM municipality WHERE id = $1`, [u.municipality_id]);
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reminders:${caseId}`]);
        for (const [kind, days] of kinds) {
          await client.query(`UPDATE scheduled_reminder SET status = 'cancelled', "settledAt" = now() WHERE "caseId" = $1 AND kind = $2 AND status = 'pending' RETURNING id, "jobId"`, [caseId, kind]);
          const { rows } = await client.query(`SELECT count(*)::int AS count FROM scheduled_reminder WHERE "caseId" = $1 AND kind = $2`, [caseId, kind]);
          const jobId = `${kind}.${caseId}.${rows[0].count + 1}`;
          const rem = await client.query(
            `INSERT INTO scheduled_reminder ("jobId", "caseId", kind, recipient, "dueAt", status) VALUES ($1, $2, $3, 'unit_leader', now() + make_interval(days => $4), 'pending') RETURNING id`,
            [jobId, caseId, kind, days],
          );
          await client.query(`INSERT INTO bench_outbox (type, "caseId", payload) VALUES ('reminder_scheduled', $1, $2)`, [caseId, JSON.stringify({ reminderId: rem.rows[0].id, jobId })]);
        }
        await client.query('COMMIT');
        done++;
      }
    } finally {
      client.release();
    }
  };
  const t = Date.now();
  await Promise.all(Array.from({ length: C }, (_, w) => worker(w)));
  return round(done / ((Date.now() - t) / 1000));
}

/**
 * Seal lag of every audit row the product phases wrote (id > `afterId`): sealedAt − at, where
 * `at` is stamped by the API just before its INSERT (so the lag includes the rest of the request's
 * transaction and its commit) and sealedAt by the sealer's INSERT of the link.
 */
async function auditSealFigures(pool, afterId) {
  const written = (await pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE id > $1`, [afterId])).rows[0].n;
  const caughtUp = await waitFor(
    async () => (await pool.query(`SELECT count(*)::int AS n FROM audit_event e WHERE e.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s."eventId" = e.id)`, [afterId])).rows[0].n === 0,
    120_000,
    200,
  );
  const { rows } = await pool.query(
    `SELECT extract(epoch FROM (s."sealedAt" - e.at)) * 1000 AS lag FROM audit_event e JOIN audit_seal s ON s."eventId" = e.id WHERE e.id > $1`,
    [afterId],
  );
  const lags = rows.map((x) => Number(x.lag)).sort((a, b) => a - b);
  const chains = (await pool.query(`SELECT count(DISTINCT "municipalityId")::int AS n FROM audit_event WHERE id > $1`, [afterId])).rows[0].n;
  return {
    sealLagP99Ms: round(percentile(lags, 99)),
    sealLagP50Ms: round(percentile(lags, 50)),
    sealLagMaxMs: round(lags[lags.length - 1] ?? null),
    rowsWritten: written,
    rowsSealed: lags.length,
    caughtUp,
    municipalityChains: chains,
  };
}

/** CPU ms per request of one load run: the API processes' and PostgreSQL's. */
function perRequest(run) {
  return { api: round((run.apiCpuCores / run.reqPerSec) * 1000, 2), postgres: round((run.postgresCpuCores / run.reqPerSec) * 1000, 2) };
}

/** The CPU figures of one load run (cores busy). */
function cpuOf(run) {
  const { nodeCpuCores, apiCpuCores, loadToolCpuCores, workerCpuCores, postgresCpuCores, machineBusyCores, stealCores, errors, timeouts } = run;
  return { nodeCpuCores, apiCpuCores, loadToolCpuCores, workerCpuCores, postgresCpuCores, machineBusyCores, stealCores, errors, timeouts };
}

/**
 * Who opens each list: `n` usernames per kind, half of them of the largest municipality (bench-0001,
 * Zipf's first) and half spread over the next municipalities. Staff and leaders of distinct units;
 * a municipality has one TFA coordinator, IKS coordinator, auditor and analyst, so those repeat.
 */
async function userMix(pool, n) {
  const half = Math.ceil(n / 2);
  const { rows: largest } = await pool.query(
    `SELECT b.n FROM bench_unit b JOIN municipality m ON m.id = b.municipality_id WHERE m.code = 'bench-0001' ORDER BY b.n LIMIT $1`, [half]);
  const { rows: others } = await pool.query(
    `SELECT DISTINCT ON (m.code) b.n FROM bench_unit b JOIN municipality m ON m.id = b.municipality_id WHERE m.code LIKE 'bench-%' AND m.code <> 'bench-0001' ORDER BY m.code, b.n LIMIT $1`, [n - half]);
  const { rows: municipalities } = await pool.query(`SELECT code FROM municipality WHERE code LIKE 'bench-%' ORDER BY code LIMIT $1`, [n - half + 1]);
  const unitNs = [...largest, ...others].map((x) => x.n);
  const codes = [...Array(half).fill('bench-0001'), ...Array.from({ length: n - half }, (_, i) => municipalities[1 + (i % Math.max(1, municipalities.length - 1))]?.code ?? 'bench-0001')];
  const of = (role) => codes.map((c) => `bench.${c}.${role}`);
  return {
    staff: unitNs.map((u) => `bench.u${u}.ansatt1`),
    leaders: unitNs.map((u) => `bench.u${u}.leder`),
    team: of('ppt'),
    tfa: of('tfa'),
    iks: of('iks'),
    auditors: of('revisor'),
    analysts: of('analytiker'),
  };
}

/** Memory of every product process, sampled every second through the run (the budget is for the peak under load). */
function sampleMemory() {
  for (const p of [...apis, ...workers]) {
    const m = processMemory(p.pid);
    if (m) (memorySamples.get(p.name) ?? memorySamples.set(p.name, []).get(p.name)).push(m);
  }
}

function memoryNow() {
  return Object.fromEntries([...apis, ...workers].map((p) => [p.name, processMemory(p.pid)]));
}

function maxSampled() {
  return Object.fromEntries([...memorySamples].map(([name, xs]) => [name, { rssMb: Math.max(...xs.map((x) => x.rssMb)), anonMb: Math.max(...xs.map((x) => x.anonMb)), samples: xs.length }]));
}

/**
 * Captures the SQL the API sends for one request (on the probe API in this process), then replays
 * it as bti_api in a transaction that is rolled back: the identity statement as sent (so
 * row-level security and the API's settings, plan_cache_mode included, are in the plan), and
 * EXPLAIN (ANALYZE, BUFFERS) of every other statement (a one-trip statement through
 * explainOneTrip, bench/lib.mjs). Keeps each statement's times and the plans of the slow ones.
 */
async function explainRequest(prepared, app, url, authorization) {
  // Twice: the first request on a connection prepares its statements.
  await fetch(url, { headers: { authorization } });
  const { statements: captured } = await captureStatements(app.get(getDataSourceToken()), () => fetch(url, { headers: { authorization } }));
  const out = [];
  const client = await apiPool.connect();
  let open = false;
  try {
    for (const q of captured) {
      const sql = q.query.trim().replace(/^START TRANSACTION[^;]*;\s*/i, '');
      if (/; EXECUTE "[\w-]+"\(/.test(sql)) {
        const oneTrip = await explainOneTrip(client, sql, prepared);
        if (oneTrip) out.push(summarisePlan(oneTrip.query, oneTrip.plan));
        continue;
      }
      if (/^(COMMIT|ROLLBACK|PREPARE|DEALLOCATE|BEGIN)/i.test(sql)) continue;
      if (/^SELECT set_config\('bti\./.test(sql)) {
        if (!open) {
          await client.query('BEGIN');
          await client.query(sql);
          open = true;
        }
        continue;
      }
      try {
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, q.parameters ?? []);
        out.push(summarisePlan(sql, rows.map((x) => x['QUERY PLAN'])));
      } catch (error) {
        out.push({ query: sql.slice(0, 300), error: error.message });
        break;
      }
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
  return out;
}

/** Planning and execution time of a plan; the plan's text only when it ran for 1 ms or more. */
function summarisePlan(query, plan) {
  const ms = (re) => Number(re.exec(plan.join('\n'))?.[1] ?? NaN);
  const executionMs = ms(/Execution Time: ([\d.]+)/);
  const planningMs = ms(/Planning Time: ([\d.]+)/);
  return { query: query.length > 400 ? `${query.slice(0, 400)} …` : query, planningMs, executionMs, ...(executionMs >= 1 || planningMs >= 1 ? { plan } : {}) };
}

/**
 * After the run, with every product process still up: each drain reminder fired exactly once and
 * notified its recipient once; no (job, recipient) twice in the whole notification table; every
 * e-mail delivery sent, each Message-ID once in the sink (when a sink runs); every municipality's
 * audit chain verifies from where the seed left it to its head, over every row the run wrote.
 */
async function exactlyOnceChecks({ verifyLinks, drainIds, chainsBefore, auditStart }) {
  const out = { apis: apis.length, workers: workers.length };
  const { rows: [rem] } = await pool.query(
    `SELECT count(*) FILTER (WHERE r.status = 'fired')::int AS fired, count(*)::int AS total,
            (SELECT count(*)::int FROM notification n WHERE n."jobKey" = ANY(SELECT "jobId" FROM scheduled_reminder WHERE id = ANY($1))) AS notifications
       FROM scheduled_reminder r WHERE r.id = ANY($1)`,
    [drainIds],
  );
  const { rows: [dup] } = await pool.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM notification WHERE "jobKey" IS NOT NULL GROUP BY "jobKey", "recipientId" HAVING count(*) > 1) d`);
  out.reminders = { ...rem, duplicateNotifications: dup.n };
  out.remindersFiredOnce = rem.fired === rem.total && rem.notifications === rem.total && dup.n === 0;
  if (mail) {
    await waitFor(async () => (await pool.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'pending' AND mode = 'immediate'`)).rows[0].n === 0, 180_000, 1000);
    const { rows: deliveries } = await pool.query(`SELECT status, "messageId" FROM notification_delivery WHERE mode = 'immediate'`);
    const received = readSinkMessages(mail.dir);
    const perId = new Map();
    for (const m of received) perId.set(m.messageId, (perId.get(m.messageId) ?? 0) + 1);
    const sent = deliveries.filter((x) => x.status === 'sent');
    const sentOnce = sent.filter((x) => perId.get(x.messageId) === 1).length;
    out.mail = {
      deliveries: deliveries.length,
      sent: sent.length,
      pending: deliveries.filter((x) => x.status === 'pending').length,
      failed: deliveries.filter((x) => x.status === 'failed').length,
      receivedBySink: received.length,
      sentAndReceivedOnce: sentOnce,
      messageIdsReceivedTwice: [...perId.values()].filter((c) => c > 1).length,
    };
    out.mailDeliveredOnce = deliveries.length > 0 && sent.length === deliveries.length && sentOnce === sent.length && received.length === sent.length;
  } else {
    out.mailDeliveredOnce = null; // no SMTP sink with one worker
  }
  const before = new Map(chainsBefore.map((c) => [c.municipalityId, c]));
  const { rows: touched } = await pool.query(`SELECT DISTINCT "municipalityId" FROM audit_event WHERE id > $1`, [auditStart]);
  const chains = [];
  for (const { municipalityId } of touched) {
    const from = before.get(municipalityId) ?? { seq: '0', hash: null };
    const { rows } = await pool.query(
      `SELECT s.seq::text AS seq, s."eventId"::text AS "eventId", s."prevHash", s.hash,
              e."municipalityId", e."actorId", e."actorUsername", e.action, e."caseId", e.at, e."requestId", e.purpose, e.detail
         FROM audit_seal s LEFT JOIN audit_event e ON e.id = s."eventId" WHERE s."municipalityId" = $1 AND s.seq > $2 ORDER BY s.seq`,
      [municipalityId, from.seq],
    );
    const links = rows.map((x) => ({ seq: x.seq, eventId: x.eventId, prevHash: x.prevHash, hash: x.hash, event: x.municipalityId === null ? null : { municipalityId: x.municipalityId, actorId: x.actorId, actorUsername: x.actorUsername, action: x.action, caseId: x.caseId, at: x.at, requestId: x.requestId, purpose: x.purpose, detail: x.detail } }));
    const check = verifyLinks(municipalityId, links, from.seq, from.hash ?? '0'.repeat(64));
    const { rows: [head] } = await pool.query(`SELECT "lastSeq"::text AS seq, "lastHash" AS hash FROM audit_chain WHERE "municipalityId" = $1`, [municipalityId]);
    chains.push({ municipalityId, links: links.length, valid: check.valid && check.lastSeq === head.seq && check.lastHash === head.hash });
  }
  const { rows: [unsealed] } = await pool.query(`SELECT count(*)::int AS n FROM audit_event e WHERE e.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s."eventId" = e.id)`, [auditStart]);
  const { rows: [sealedTwice] } = await pool.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_seal GROUP BY "eventId" HAVING count(*) > 1) d`);
  out.audit = { chains: chains.length, linksChecked: chains.reduce((n, c) => n + c.links, 0), invalid: chains.filter((c) => !c.valid).length, unsealedRows: unsealed.n, rowsSealedTwice: sealedTwice.n };
  out.chainsVerified = chains.length > 0 && out.audit.invalid === 0 && unsealed.n === 0 && sealedTwice.n === 0;
  return out;
}

/** 10 000 new unassigned cases in the bench units, each with an `unassigned` reminder due at `dueAt` (as the API writes them). */
async function insertDueReminders(pool, units, n, dueAt) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE drain ON COMMIT DROP AS
       SELECT g, gen_random_uuid() AS case_id, gen_random_uuid() AS child_id, gen_random_uuid() AS reminder_id, b.id AS unit_id, b.municipality_id, b.cluster_id, b.staff_ids[1] AS reporter_id
       FROM generate_series(1, $1) g JOIN bench_unit b ON b.n = 1 + g % $2`,
      [n, units.length],
    );
    await client.query(`INSERT INTO child (id, "municipalityId", "firstName", "lastName", "birthDate") SELECT child_id, municipality_id, 'Drain', 'Barn' || g, '2018-01-01' FROM drain`);
    await client.query(
      `INSERT INTO bti_case (id, "municipalityId", "unitId", "clusterId", "childId", "reporterId", status, level, version)
       SELECT case_id, municipality_id, unit_id, cluster_id, child_id, reporter_id, 'discovered', 0, 1 FROM drain`,
    );
    await client.query(`INSERT INTO concern ("caseId", description) SELECT case_id, 'Drain-test' FROM drain`);
    await client.query(
      `INSERT INTO scheduled_reminder (id, "jobId", "caseId", kind, recipient, "dueAt", status)
       SELECT reminder_id, 'unassigned.' || case_id || '.' || reminder_id, case_id, 'unassigned', 'unit_leader', $1, 'pending' FROM drain`,
      [dueAt],
    );
    const { rows } = await client.query(`SELECT reminder_id FROM drain`);
    await client.query('COMMIT');
    return rows.map((x) => x.reminder_id);
  } finally {
    client.release();
  }
}

/** CPU busy (in cores) of this process and of postgres between start and stop(). */
function cpuMeter() {
  const t = Date.now();
  const n0 = process.cpuUsage();
  const p0 = postgresCpuSeconds();
  return {
    stop(prefix) {
      const s = (Date.now() - t) / 1000;
      const n = process.cpuUsage(n0);
      const p1 = postgresCpuSeconds();
      return { [`${prefix}NodeCpuCores`]: round((n.user + n.system) / 1e6 / s, 2), [`${prefix}PostgresCpuCores`]: p0 === null ? null : round((p1 - p0) / s, 2) };
    },
  };
}

async function waitFor(check, timeoutMs, intervalMs = 1000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

function infoMemory(info) {
  return Number(/used_memory:(\d+)/.exec(info)[1]);
}

/** Queue.add at c=32 for `seconds`, then addBulk of `n` delayed reminder-shaped jobs: jobs/s and memory. */
async function redisFigures(url, n, seconds) {
  const conn = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue('reminders', { connection: conn });
  const opts = {
    attempts: 6,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
  const uuid = () => crypto.randomUUID();
  // single add, 32 in flight
  let added = 0;
  const end = Date.now() + Math.min(seconds, 5) * 1000;
  const t1 = Date.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (Date.now() < end) {
        const caseId = uuid();
        await queue.add('assessment_due', { reminderId: uuid(), caseId }, { ...opts, jobId: `assessment_due.${caseId}.1`, delay: 86_400_000 });
        added++;
      }
    }),
  );
  const singleAddPerSec = round(added / ((Date.now() - t1) / 1000));
  await conn.flushall();
  await new Promise((r) => setTimeout(r, 500));
  const before = infoMemory(await conn.info('memory'));
  const t2 = Date.now();
  const BULK = 500;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < n) {
        const size = Math.min(BULK, n - next);
        next += size;
        const now = Date.now();
        await queue.addBulk(
          Array.from({ length: size }, () => {
            const caseId = uuid();
            return { name: 'assessment_due', data: { reminderId: uuid(), caseId }, opts: { ...opts, jobId: `assessment_due.${caseId}.1`, delay: 86_400_000 + (now % 1000) * 1000 } };
          }),
        );
      }
    }),
  );
  const addBulkSeconds = (Date.now() - t2) / 1000;
  const after = infoMemory(await conn.info('memory'));
  const delayed = await queue.getDelayedCount();
  await conn.flushall();
  await queue.close();
  await conn.quit();
  return {
    singleAddPerSec,
    addBulkJobsPerSec: round(n / addBulkSeconds),
    delayedJobsMeasured: delayed,
    usedMemoryBeforeMb: round(before / 1024 ** 2),
    usedMemoryAfterMb: round(after / 1024 ** 2),
    mbPerMillionDelayed: round(((after - before) / delayed) * 1e6 / 1024 ** 2),
  };
}

function printTable(r) {
  const rows = [
    ['machine', `${r.machine.cpus} cpu (${r.machine.cpuModel}), ${r.machine.memGb} GB, node ${r.machine.node}`],
    ['scale', `${r.scale} of national (${r.seeded.rows?.cases ?? '?'} cases, seeded in ${r.seeded.seconds} s, db ${r.seeded.databaseMb} MB)`],
    ['ceiling (a) raw concern tx/s', `${r.ceilings.rawConcernTxPerSec}  (synchronous_commit=off: ${r.ceilings.rawConcernTxPerSecSyncCommitOff}; without foreign keys, measured last: ${r.ceilings.rawConcernTxPerSecWithoutForeignKeys})`],
    ['ceiling (b) bare http req/s', `${r.ceilings.bareHttpReqPerSec}`],
    ['ceiling (c) redis addBulk jobs/s', `${r.ceilings.redisOpsPerSec}  (Queue.add c=32: ${r.ceilings.redisSingleAddPerSec}/s)`],
    ['POST /cases', `${r.concernCreate.reqPerSec} req/s, p50 ${r.concernCreate.p50Ms} / p95 ${r.concernCreate.p95Ms} / p99 ${r.concernCreate.p99Ms} ms; ÷ ceiling (a) = ${r.concernCreate.ratioToRaw}`],
    ['GET /cases (leader page)', `p95 ${r.caseList.p95Ms} ms, ${r.caseList.reqPerSec} req/s at scale vs ${r.caseList.p95EmptyMs} ms empty (× ${r.caseList.ratioScaleToEmpty}); 1 client: ${r.caseList.p95SingleClientMs} vs ${r.caseList.p95EmptySingleClientMs} ms`],
    ['  cores busy', cores(r.caseList, r.machine.cpus)],
    ['GET /cases/:id', `p95 ${r.caseRead.p95Ms} ms, ${r.caseRead.reqPerSec} req/s; 1 client p95 ${r.caseRead.p95SingleClientMs} ms`],
    ['  cores busy', cores(r.caseRead, r.machine.cpus)],
    ...LIST_KEYS.map((k) => [`${k}${r[k]?.p95Ms < 100 ? '' : ' (MISSED)'}`, `p95 ${r[k]?.p95Ms} ms (× ${r[k]?.p95RatioToRead} of the read), ${r[k]?.reqPerSec} req/s, CPU ms/request api ${r[k]?.cpuMsPerRequest?.api} + pg ${r[k]?.cpuMsPerRequest?.postgres}; ${r[k]?.label}`]),
    ['POST /cases/:id/events', `${r.events.reqPerSec} req/s, p95 ${r.events.p95Ms} ms (${r.events.requests} requests)${r.events.p95Ms < 100 ? '' : ' (MISSED)'}`],
    ['audit seal lag', `p50 ${r.audit?.sealLagP50Ms} / p99 ${r.audit?.sealLagP99Ms} / max ${r.audit?.sealLagMaxMs} ms over ${r.audit?.rowsSealed} rows in ${r.audit?.municipalityChains} chains`],
    ['worker start backlog', `first sweep ${r.reminders.workerStartSeconds} s after start, ${r.reminders.workerStartBacklog?.pendingReminders} reminders pending`],
    ['10 000 due reminders', `drained in ${r.reminders.drain10kSeconds} s after due; lateness p50 ${r.reminders.p50LatenessMs} / p99 ${r.reminders.p99LatenessMs} ms`],
    ['reminders in Redis', `${r.reminders.mbPerMillionDelayed} MB per million pending (sweep); a delayed job each would be ${r.reminders.delayedJobDesign?.mbPerMillionDelayed} MB per million (measured on ${r.reminders.delayedJobDesign?.delayedJobsMeasured})`],
    ['memory (peak sampled)', Object.entries(r.memory.maxSampled ?? {}).map(([n, m]) => `${n} ${m.rssMb} MB (anon ${m.anonMb})`).join(', ')],
    ['processes', `${r.replicas?.apis} API + ${r.replicas?.workers} workers: reminders once ${r.replicas?.remindersFiredOnce}, mail once ${r.replicas?.mailDeliveredOnce}, chains ${r.replicas?.chainsVerified}, failed requests ${r.replicas?.failedRequests}`],
    ['total', `${r.totalSeconds} s`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write('\n' + rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n\nbench/results/latest.json\n');
  for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
}

/** Where a phase's CPU went: this process (API and load tool), PostgreSQL, the whole machine, and steal. */
function cores(phase, cpus) {
  return `node ${phase.nodeCpuCores}, postgres ${phase.postgresCpuCores}, machine ${phase.machineBusyCores} of ${cpus}, steal ${phase.stealCores}`;
}
