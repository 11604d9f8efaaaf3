// Shared helpers of the bench and soak scripts: throwaway services, the built apps, load runs.
// Plain ESM importing the nest build output (dist/), so the `@app/*` aliases are already resolved.
import { Writable } from 'node:stream';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { startPostgres, startRedis, throwawayDir } from '../scripts/embedded-services.mjs';
import { ensureDatabaseRoles } from '../scripts/database-roles.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A fixed bench key (32 bytes hex); the bench database is thrown away. */
export const BENCH_KEY = '5a'.repeat(32);

const DIST = {
  apiFactory: 'dist/apps/api/apps/api/src/app.factory.js',
  persistence: 'dist/apps/api/libs/persistence/src/index.js',
  platform: 'dist/apps/api/libs/platform/src/index.js',
  worker: 'dist/apps/worker/apps/worker/src/worker.factory.js',
};

/** The built apps; run `npm run build` first (npm run bench does). */
export async function loadBuilt() {
  for (const file of Object.values(DIST)) {
    if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} mangler: kjør npm run build først.`);
  }
  const load = (f) => import(pathToFileURL(path.join(ROOT, f)).href);
  const [api, persistence, platform, worker] = await Promise.all([load(DIST.apiFactory), load(DIST.persistence), load(DIST.platform), load(DIST.worker)]);
  return { createApiApp: api.createApiApp, ...persistence, loadConfig: platform.loadConfig, createWorkerApp: worker.createWorkerApp, ReminderPipeline: worker.ReminderPipeline };
}

/**
 * The schema and the demo data on a fresh throwaway database, through the built apps' own
 * migrations and seed, as the migrator (so the owner `bti_owner` owns what they create, as in production).
 */
export async function migrateAndSeed(built, services) {
  const ds = await built.createMigratorDataSource(services.logins.migrator).initialize();
  try {
    await built.runMigrations(ds);
    await built.seedDemoData(ds);
  } finally {
    await ds.destroy();
  }
}

/** A Writable that drops everything: the apps log at their normal level, but not to the terminal. */
export class NullLog extends Writable {
  _write(_chunk, _enc, done) {
    done();
  }
}

/**
 * Throwaway PostgreSQL + Redis (never .data/); `stop()` removes them. The database gets the
 * production roles (docker/initdb/10-bti-roles.sql): `logins.api` (bti_api) and `logins.worker`
 * (bti_worker) are what the apps run as, so row-level security costs here what it costs in
 * production; `pg.url` is the cluster's superuser, for the bench's own seeding and inspection.
 */
export async function startServices(prefix = 'bti-bench', { extraRedis = false } = {}) {
  const dir = throwawayDir(prefix);
  const [pg, redis, redis2] = await Promise.all([
    startPostgres({ dataDir: path.join(dir, 'pg'), persistent: false }),
    startRedis({ dataDir: path.join(dir, 'redis'), persistent: false }),
    extraRedis ? startRedis({ dataDir: path.join(dir, 'redis2'), persistent: false }) : Promise.resolve(null),
  ]);
  const logins = await ensureDatabaseRoles(pg.url, { migrator: 'bench-migrator', api: 'bench-api', worker: 'bench-worker' });
  return {
    dir,
    pg,
    logins,
    redis,
    redis2,
    async stop() {
      await Promise.allSettled([pg.stop(), redis.stop(), redis2?.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The API's environment (its own login, bti_api); the worker's: `benchEnv(services, { DATABASE_URL: services.logins.worker })`. */
export function benchEnv(services, overrides = {}) {
  return {
    DATABASE_URL: services.logins.api,
    REDIS_URL: services.redis.url,
    AUTH_MODE: 'dev',
    ALLOW_DEV_LOGIN: 'true',
    // The bench measures throughput: rate limits out of reach.
    RATE_LIMIT_LOGIN_PER_IP: '1000000',
    RATE_LIMIT_WRITES_PER_USER: '1000000',
    RATE_LIMIT_WRITES_PER_IP: '1000000',
    DATA_ENCRYPTION_KEY: BENCH_KEY,
    LOG_LEVEL: 'info',
    PORT: '3000',
    ...overrides,
  };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const round = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
export { round };

let appPids = { api: [], worker: [] };
/** The product's processes (API replicas, workers) whose CPU every load run reports. */
export function watchApps(pids) {
  appPids = pids;
}

/** CPU seconds (user + system) of a process, from /proc; 0 when it is gone. */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const appCpu = () => Object.fromEntries(Object.entries(appPids).map(([k, pids]) => [k, pids.reduce((a, p) => a + processCpuSeconds(p), 0)]));

/**
 * One load run by autocannon (in this process). `bases` (one URL per API replica) share the
 * connections evenly, so the client spreads the requests over every replica; `path` is appended
 * to each base (or each request names its own path). autocannon's own summary has no p95, so
 * every response time is collected here and the percentiles are computed from them.
 * @returns {{reqPerSec, p50Ms, p95Ms, p99Ms, requests, statusCounts, errors, durationS}}
 */
export async function load({ bases, url, path: urlPath = '', connections = 32, amount, ...opts }) {
  const targets = (bases ?? [url]).slice(0, connections);
  const latencies = [];
  const statusCounts = {};
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds();
  const apps0 = appCpu();
  const machine0 = machineCpuSeconds();
  let errors = 0;
  let timeouts = 0;
  const started = process.hrtime.bigint();
  const share = (total, i) => Math.floor(total / targets.length) + (i < total % targets.length ? 1 : 0);
  const results = await Promise.all(
    targets.map((base, i) => {
      const instance = autocannon({ ...opts, url: base + urlPath, connections: share(connections, i), ...(amount ? { amount: share(amount, i) } : {}) });
      instance.on('response', (_client, status, _bytes, ms) => {
        latencies.push(ms);
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      });
      instance.on('reqError', () => {
        errors += 1;
      });
      return instance;
    }),
  );
  const durationS = Number(process.hrtime.bigint() - started) / 1e9;
  for (const r of results) {
    errors = Math.max(errors, r.errors ?? 0);
    timeouts += r.timeouts ?? 0;
  }
  const duration = Math.max(...results.map((r) => r.duration || 0)) || durationS;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = postgresCpuSeconds();
  const apps1 = appCpu();
  const machine1 = machineCpuSeconds();
  latencies.sort((a, b) => a - b);
  const ok = Object.entries(statusCounts)
    .filter(([s]) => Number(s) < 400)
    .reduce((n, [, c]) => n + c, 0);
  const benchCores = (cpu.user + cpu.system) / 1e6 / durationS;
  const apiCores = (apps1.api - apps0.api) / durationS;
  return {
    reqPerSec: round(latencies.length / duration),
    okPerSec: round(ok / duration),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    requests: latencies.length,
    statusCounts,
    errors,
    timeouts,
    durationS: round(duration, 2),
    // CPU busy, in cores: node (the API processes and this one, which runs the load tool; the sum
    // is what runs 1–15 called node, when the API ran in this process), the API processes alone,
    // the workers, and all postgres processes.
    nodeCpuCores: round(benchCores + apiCores, 2),
    apiCpuCores: round(apiCores, 2),
    loadToolCpuCores: round(benchCores, 2),
    workerCpuCores: round((apps1.worker - apps0.worker) / durationS, 2),
    postgresCpuCores: pg0 === null || pg1 === null ? null : round((pg1 - pg0) / durationS, 2),
    // The whole machine: cores busy (every process, the kernel's interrupts) and cores the
    // hypervisor gave to other guests while this one wanted them (steal).
    machineBusyCores: round((machine1.busy - machine0.busy) / durationS, 2),
    stealCores: round((machine1.steal - machine0.steal) / durationS, 2),
  };
}

/** CPU seconds of the whole machine since boot, from /proc/stat: busy (user … softirq) and steal. */
export function machineCpuSeconds() {
  const tick = 100; // USER_HZ on Linux
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { busy: (user + nice + system + irq + softirq) / tick, steal: (steal ?? 0) / tick };
}

/**
 * Runs `during` while capturing every statement the API's DataSource sends, in order, as a replay
 * needs them: a prepared statement (apps/api/src/database/prepared.ts) arrives as { name, text },
 * and the replay opens its own transaction, so the one RowSecurity opens with the identity is left
 * out of the first statement.
 */
export async function captureStatements(ds, during) {
  const statements = [];
  const original = ds.logger;
  ds.logger = new Proxy(original, {
    get(target, prop) {
      if (prop === 'logQuery')
        return (query, parameters, runner) => {
          statements.push({ query: (query.text ?? query).replace(/^START TRANSACTION; /, ''), parameters });
          return target.logQuery(query, parameters, runner);
        };
      return target[prop];
    },
  });
  try {
    return { result: await during(), statements };
  } finally {
    ds.logger = original;
  }
}

/**
 * Keeps the text of every statement the API prepares by SQL `PREPARE` (RowSecurity.once: the case
 * read and the list page), by name, from now on: a one-trip request only names its statement.
 */
export function recordPrepared(ds) {
  const prepared = new Map();
  const original = ds.logger;
  ds.logger = new Proxy(original, {
    get(target, prop) {
      if (prop !== 'logQuery') return target[prop];
      return (query, parameters, runner) => {
        const m = typeof query === 'string' ? /^PREPARE "([\w-]+)" AS ([\s\S]*)$/.exec(query) : null;
        if (m) prepared.set(m[1], m[2]);
        return target.logQuery(query, parameters, runner);
      };
    },
  });
  return prepared;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a one-trip statement as the API ran it, on `client`, in a
 * transaction that is rolled back: the captured simple query is split into its identity (the
 * caller's `set_config`, so row-level security is in the plan) and its `EXECUTE`, whose statement is
 * prepared again from `prepared` (recordPrepared). The identity sets `plan_cache_mode` as the API
 * does, so the plan is the generic plan the API runs; executed `runs` times and the last plan
 * kept (caches warm, as on a busy connection).
 */
export async function explainOneTrip(client, sql, prepared, runs = 3) {
  const m = /^(?:START TRANSACTION; )?(SELECT set_config\([\s\S]*?); EXECUTE "([\w-]+)"(\([\s\S]*\)); COMMIT$/.exec(sql);
  if (!m) return null;
  const [, identity, name, args] = m;
  const text = prepared.get(name);
  if (!text) throw new Error(`explainOneTrip: the text of ${name} was not recorded`);
  await client.query('BEGIN');
  try {
    await client.query(identity);
    await client.query(`PREPARE bench_explain AS ${text}`);
    let plan = [];
    for (let i = 0; i < runs; i++) plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_explain${args}`)).rows.map((x) => x['QUERY PLAN']);
    return { query: text, plan };
  } finally {
    await client.query('ROLLBACK');
    await client.query('DEALLOCATE bench_explain').catch(() => undefined);
  }
}

let postmasterPid = null;
/** Tells the CPU sampler which postgres to watch (the bench's own, not a test run's beside it). */
export function watchPostgres(dataDir) {
  try {
    postmasterPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    postmasterPid = null;
  }
}

/** CPU seconds of the postmaster, its live children and its exited children (cutime/cstime), from /proc. */
export function postgresCpuSeconds() {
  if (!postmasterPid) return null;
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      if (pid === postmasterPid) total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / tick;
      else if (ppid === postmasterPid) total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

export function log(message) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Parses `--flag`, `--key value` and `--key=value`. */
export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=');
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
    else out[k] = true;
  }
  return out;
}

/** Dev-login tokens for bench users, through the API itself. */
export async function devTokens(baseUrl, usernames) {
  const tokens = new Map();
  for (const username of usernames) {
    const res = await fetch(`${baseUrl}/api/v1/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    if (res.status !== 200) throw new Error(`dev-login ${username}: ${res.status} ${await res.text()}`);
    tokens.set(username, (await res.json()).accessToken);
  }
  return tokens;
}

export function concernBody(unitId, i = 0) {
  return {
    unitId,
    child: {
      firstName: `Bench${i % 1000}`,
      lastName: 'Lastesen',
      birthDate: '2019-05-17',
      nationalId: '13097248022',
      guardians: [{ name: 'Mor Lastesen', relation: 'mor', parentalResponsibility: true }],
    },
    concern: {
      description: 'Barnet virker trist og trekker seg unna i lek. Ansatte har observert dette over tre uker.',
      categories: ['wellbeing'],
      riskFactors: ['family_conflict'],
      protectiveFactors: ['trusted_adult'],
      childVoice: 'Sier at det er vanskelig hjemme.',
      suspectedViolenceOrAbuse: false,
    },
  };
}
