// npm run bench:profile [-- --requests 2000] [-- --scale 0.01]
// Where the API's CPU goes, per request type: the built API in this process under a fixed number
// of requests (autocannon, c = 8), recorded by V8's sampling profiler (node:inspector), and the
// samples' self time grouped by where the code lives: the app (dist/apps, dist/libs), each npm
// package, node's own internals, the garbage collector. Writes one .cpuprofile per request type
// to bench/results/ (open them in Chrome DevTools) and prints, per request type, the process's CPU
// time per request (process.cpuUsage: all threads) split by the share of the profile's non-idle
// samples each group has. The profiler's time deltas are wall time (a sample taken while the OS
// had the process descheduled counts for whatever ran), so its shares are read as proportions only.
import inspector from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pgPkg from 'pg';
import { ROOT, NullLog, benchEnv, concernBody, devTokens, load, loadBuilt, log, migrateAndSeed, machine, parseArgs, round, startServices } from './lib.mjs';
import { seedCases, seedOrganisation } from './seed.mjs';

const args = parseArgs(process.argv.slice(2));
const REQUESTS = Number(args.requests ?? 2000);
const SCALE = Number(args.scale ?? 0.01);
const C = 8;
const LIST_QUERY = '/api/v1/cases?status=discovered&overdue=true&pageSize=50';

/** The group a sample's function belongs to, from its script URL. */
function groupOf(callFrame) {
  const { url, functionName } = callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'gc';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'program (V8, native)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.includes('/dist/')) return 'app (dist)';
  if (url.includes('/bench/')) return 'bench script';
  return 'other';
}

/** Self time (ms) per group, from a V8 CPU profile. */
function selfTimeByGroup(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = nodes.get(profile.samples[i]);
    const g = groupOf(node.callFrame);
    out.set(g, (out.get(g) ?? 0) + profile.timeDeltas[i] / 1000);
  }
  return out;
}

const services = await startServices('bti-profile');
const pool = new pgPkg.Pool({ connectionString: services.pg.url, max: 4 });
pool.on("error", () => undefined); // idle clients see the server stop at the end
let app = null;
const session = new inspector.Session();
try {
  const built = await loadBuilt();
  await migrateAndSeed(built, services);
  log(`seeding at scale ${SCALE} …`);
  await seedOrganisation(pool, SCALE);
  await seedCases(pool, SCALE);
  const config = built.loadConfig(benchEnv(services));
  app = await built.createApiApp({ config, logDestination: new NullLog() });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const units = (await pool.query(`SELECT n, id FROM bench_unit WHERE n <= $1 ORDER BY n`, [C])).rows;
  const tokens = await devTokens(base, units.map((u) => `bench.u${u.n}.leder`));
  const auth = (u) => `Bearer ${tokens.get(`bench.u${u.n}.leder`)}`;

  let i = 0;
  const createRequest = {
    method: 'POST',
    path: '/api/v1/cases',
    setupRequest: (req) => {
      const u = units[i++ % units.length];
      return { ...req, headers: { 'content-type': 'application/json', authorization: auth(u) }, body: JSON.stringify(concernBody(u.id, i)) };
    },
  };
  // Warm-up: JIT, caches (token, roles, profile), connection pool.
  await load({ url: base, amount: 300, connections: C, requests: [createRequest] });

  await session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });

  const phases = [];
  async function profiled(name, opts, amount = REQUESTS) {
    await session.post('Profiler.start');
    const cpu0 = process.cpuUsage();
    const run = await load({ ...opts, url: base, amount, connections: C });
    const cpu = process.cpuUsage(cpu0);
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(ROOT, 'bench', 'results', `profile-${name.replace(/[^a-z]+/gi, '-').toLowerCase()}.cpuprofile`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    phases.push({ name, requests: run.requests, statusCounts: run.statusCounts, cpuMs: (cpu.user + cpu.system) / 1000, groups: selfTimeByGroup(profile), file: path.relative(ROOT, file) });
    log(`${name}: ${run.requests} requests, statuses ${JSON.stringify(run.statusCounts)}`);
  }

  const createStart = new Date();
  await profiled('POST /cases', { requests: [createRequest] });
  const readable = (await pool.query(`SELECT c.id, c."unitId" FROM bti_case c WHERE c."unitId" = ANY($1) ORDER BY random() LIMIT 2000`, [units.map((u) => u.id)])).rows;
  const unitOf = new Map(units.map((u) => [u.id, u]));
  let r = 0;
  await profiled('GET /cases/:id', {
    requests: [{ method: 'GET', setupRequest: (req) => {
      const row = readable[r++ % readable.length];
      return { ...req, path: `/api/v1/cases/${row.id}`, headers: { authorization: auth(unitOf.get(row.unitId)) } };
    } }],
  });
  await profiled('GET /cases', { requests: [{ method: 'GET', path: LIST_QUERY, headers: { authorization: auth(units[0]) } }] });
  const targets = (await pool.query(`SELECT id, "unitId" FROM bti_case WHERE status = 'discovered' AND version = 1 AND "createdAt" >= $1`, [createStart])).rows;
  let e = 0;
  // One start_assessment per case the create phase made (a second one on a case would be refused).
  await profiled('POST /cases/:id/events', {
    requests: [{ method: 'POST', setupRequest: (req) => {
      const row = targets[e++ % targets.length];
      return { ...req, path: `/api/v1/cases/${row.id}/events`, headers: { 'content-type': 'application/json', 'if-match': '"1"', authorization: auth(unitOf.get(row.unitId)) }, body: '{"type":"start_assessment"}' };
    } }],
  }, targets.length);

  // The table: the process's CPU per request, split by the groups' shares of the non-idle samples;
  // the load tool (autocannon in this process) is one of the groups and is subtracted.
  const LOAD_TOOL = new Set(['autocannon', 'hdr-histogram-js', 'hdr-histogram-percentiles-obj', 'reinterval', 'retimer', 'bench script']);
  const result = { date: new Date().toISOString(), machine: machine(), requestsPerPhase: REQUESTS, concurrency: C, scale: SCALE, phases: [] };
  for (const p of phases) {
    const busy = [...p.groups.entries()].filter(([g]) => g !== 'idle');
    const busyMs = busy.reduce((s, [, ms]) => s + ms, 0);
    const share = (ms) => ms / busyMs;
    const loadToolShare = busy.filter(([g]) => LOAD_TOOL.has(g)).reduce((s, [, ms]) => s + share(ms), 0);
    const processMs = p.cpuMs / p.requests;
    const apiMs = processMs * (1 - loadToolShare);
    const entries = busy.filter(([g]) => !LOAD_TOOL.has(g)).sort((a, b) => b[1] - a[1]);
    result.phases.push({
      name: p.name,
      requests: p.requests,
      statusCounts: p.statusCounts,
      processCpuMsPerRequest: round(processMs, 3),
      cpuMsPerRequest: round(apiMs, 3),
      loadToolShare: round(loadToolShare, 3),
      groups: Object.fromEntries(entries.map(([g, ms]) => [g, round(processMs * share(ms), 3)])),
      profile: p.file,
    });
  }
  writeFileSync(path.join(ROOT, 'bench', 'results', 'profile-latest.json'), JSON.stringify(result, null, 2));
  for (const p of result.phases) {
    console.log(`\n${p.name}: ${p.cpuMsPerRequest} ms CPU per request besides the load tool (process ${p.processCpuMsPerRequest} ms, load tool ${(100 * p.loadToolShare).toFixed(1)} %); ${p.profile}`);
    for (const [g, ms] of Object.entries(p.groups).slice(0, 12)) console.log(`  ${String(ms.toFixed(3)).padStart(7)} ms  ${(100 * ms / p.cpuMsPerRequest).toFixed(1).padStart(5)} %  ${g}`);
  }
  console.log('\nbench/results/profile-latest.json');
} finally {
  await session.post('Profiler.disable').catch(() => undefined);
  session.disconnect();
  await app?.close().catch(() => undefined);
  await pool.end().catch(() => undefined);
  await services.stop();
}
