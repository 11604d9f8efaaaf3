// npm run soak -- --minutes N [--users 8]
// Mixed traffic (log concerns, events, assignments, reads, lists, consents) against the API and the
// worker as two separate processes (the built dist/ main.js, as `npm start` runs them), on a
// throwaway PostgreSQL + Redis, with reminders shortened to seconds. Then checks that nothing was
// lost: every created case readable, every due reminder settled and fired exactly once, no 5xx,
// and the anonymous RSS (RssAnon) of both processes flat within 10 %. Exit code 1 when a check fails.
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pgPkg from 'pg';
import { freePort } from '../scripts/embedded-services.mjs';
import { ROOT, benchEnv, concernBody, loadBuilt, log, migrateAndSeed, machine, parseArgs, percentile, round, startServices } from './lib.mjs';

const args = parseArgs(process.argv.slice(2));
const minutes = Number(args.minutes ?? 2);
const users = Number(args.users ?? 8);
const REMINDER = args.reminder ?? 'PT5S';

const services = await startServices('bti-soak');
const children = [];
const pool = new pgPkg.Pool({ connectionString: services.pg.url, max: 4 });
const report = { date: new Date().toISOString(), command: `npm run soak -- ${process.argv.slice(2).join(' ')}`.trim(), machine: machine(), minutes, users, reminderDuration: REMINDER, checks: {} };
let failed = false;

try {
  await migrateAndSeed(await loadBuilt(), services);

  const port = await freePort();
  const env = {
    ...process.env,
    ...benchEnv(services, { PORT: String(port), LOG_LEVEL: 'warn' }),
    REMINDER_UNASSIGNED: REMINDER,
    REMINDER_ASSESSMENT_DUE: REMINDER,
    REMINDER_TFA_FOLLOW_UP: REMINDER,
    REMINDER_EVALUATION_OVERDUE: REMINDER,
    REMINDER_CONSENT_EXPIRY: REMINDER,
    REMINDER_IKS_PENDING: REMINDER,
    REMINDER_CHILD_WELFARE_REPORT: REMINDER,
  };
  const api = startApp('api', env);
  const worker = startApp('worker', { ...env, DATABASE_URL: services.logins.worker });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base);

  const token = async (username) => {
    const res = await fetch(`${base}/api/v1/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
    return `Bearer ${(await res.json()).accessToken}`;
  };
  const auth = { staff: await token('kari.ansatt'), leader: await token('ola.leder') };
  const unitsRes = await fetch(`${base}/api/v1/units`, { headers: { authorization: auth.leader } });
  const unitId = (await unitsRes.json()).find((u) => u.code === 'solsiden-bhg').id;
  const me = async (t) => (await (await fetch(`${base}/api/v1/me`, { headers: { authorization: t } })).json()).userId;
  const staffId = await me(auth.staff);

  // ── traffic ──
  const stats = { requests: 0, byStatus: {}, byOp: {}, fiveXx: [], networkErrors: 0, latencies: [] };
  const created = [];
  const call = async (op, method, url, t, body, headers = {}) => {
    const t0 = performance.now();
    let res;
    try {
      res = await fetch(base + url, { method, headers: { authorization: t, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
    } catch (error) {
      stats.networkErrors++;
      return { status: 0, body: null, headers: new Headers() };
    }
    const text = await res.text();
    stats.latencies.push(performance.now() - t0);
    stats.requests++;
    stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
    stats.byOp[op] = (stats.byOp[op] ?? 0) + 1;
    if (res.status >= 500) stats.fiveXx.push({ op, url, status: res.status, body: text.slice(0, 300) });
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: json, headers: res.headers };
  };
  const withEtag = async (id) => (await call('read', 'GET', `/api/v1/cases/${id}`, auth.leader)).headers.get('etag') ?? '"0"';
  const steps = [
    async () => {
      const r = await call('create', 'POST', '/api/v1/cases', auth.staff, concernBody(unitId, created.length));
      if (r.status === 201) created.push(r.body.id);
    },
    async () => {
      const id = pick(created);
      if (id) await call('event', 'POST', `/api/v1/cases/${id}/events`, auth.leader, { type: 'start_assessment' }, { 'if-match': await withEtag(id) });
    },
    async () => {
      const id = pick(created);
      if (id) await call('assign', 'PUT', `/api/v1/cases/${id}/assignee`, auth.leader, { assigneeId: staffId }, { 'if-match': await withEtag(id) });
    },
    async () => {
      const id = pick(created);
      if (id) await call('consent', 'POST', `/api/v1/cases/${id}/consents`, auth.leader,
        { givenBy: { name: 'Mor Soak', relation: 'mother' }, recipients: ['tfa'], purpose: 'Samarbeid', form: 'written', validUntil: '2030-12-31' },
        { 'if-match': await withEtag(id) });
    },
    async () => {
      const id = pick(created);
      if (id) await call('event', 'POST', `/api/v1/cases/${id}/events`, auth.leader, { type: 'report_to_child_welfare', grounds: 'Soak-test' }, { 'if-match': await withEtag(id) });
    },
    async () => void (await call('list', 'GET', '/api/v1/cases?pageSize=50', auth.leader)),
    async () => void (await call('list', 'GET', '/api/v1/cases?status=discovered&overdue=false&pageSize=20', auth.leader)),
    async () => {
      const id = pick(created);
      if (id) await call('read', 'GET', `/api/v1/cases/${id}`, auth.staff);
    },
    async () => void (await call('notifications', 'GET', '/api/v1/notifications', auth.leader)),
  ];
  const memory = { api: [], worker: [] };
  const sampler = setInterval(() => {
    memory.api.push(rssMb(api.pid));
    memory.worker.push(rssMb(worker.pid));
  }, 2000);
  log(`soak: ${minutes} min, ${users} virtual users, reminders ${REMINDER}, API ${base}`);
  const end = Date.now() + minutes * 60_000;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      let k = u;
      while (Date.now() < end) await steps[k++ % steps.length]();
    }),
  );
  log(`traffic done: ${stats.requests} requests, ${created.length} cases; waiting for due reminders …`);

  // ── checks ──
  // Reminders: whatever was due by the end of traffic must settle (status ≠ pending) within a grace period.
  const trafficEnd = new Date();
  const grace = Number(args.grace ?? 60);
  let pendingDue = -1;
  for (let i = 0; i < grace; i++) {
    pendingDue = (await pool.query(`SELECT count(*)::int AS n FROM scheduled_reminder WHERE status = 'pending' AND "dueAt" <= $1`, [trafficEnd])).rows[0].n;
    if (pendingDue === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  clearInterval(sampler);
  const reminders = (await pool.query(`SELECT status, count(*)::int AS n FROM scheduled_reminder GROUP BY status`)).rows;
  const duplicates = (await pool.query(`SELECT "jobKey", "recipientId", count(*)::int AS n FROM notification WHERE "jobKey" IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`)).rows;
  const firedWithout = (await pool.query(
    `SELECT count(*)::int AS n FROM scheduled_reminder r WHERE r.status = 'fired' AND NOT EXISTS (SELECT 1 FROM notification n WHERE n."jobKey" = r."jobId")`,
  )).rows[0].n;
  const firedCount = reminders.find((r) => r.status === 'fired')?.n ?? 0;
  report.checks.remindersDueSettled = { ok: pendingDue === 0, pendingDueAfterGrace: pendingDue, byStatus: Object.fromEntries(reminders.map((r) => [r.status, r.n])) };
  report.checks.remindersFiredExactlyOnce = { ok: duplicates.length === 0 && firedWithout === 0 && firedCount > 0, fired: firedCount, duplicateNotifications: duplicates.length, firedWithoutNotification: firedWithout };

  let unreadable = 0;
  for (const id of created) {
    const res = await fetch(`${base}/api/v1/cases/${id}`, { headers: { authorization: auth.leader } });
    if (res.status !== 200) unreadable++;
  }
  const dbCases = (await pool.query(`SELECT count(*)::int AS n FROM bti_case WHERE id = ANY($1)`, [created])).rows[0].n;
  report.checks.everyCaseReadable = { ok: unreadable === 0 && dbCases === created.length && created.length > 0, created: created.length, unreadable, inDatabase: dbCases };
  report.checks.no5xx = { ok: stats.fiveXx.length === 0 && stats.networkErrors === 0, fiveXx: stats.fiveXx.length, networkErrors: stats.networkErrors, examples: stats.fiveXx.slice(0, 5) };
  report.checks.memoryFlat = { api: flat(memory.api), worker: flat(memory.worker) };
  report.checks.memoryFlat.ok = report.checks.memoryFlat.api.ok && report.checks.memoryFlat.worker.ok;
  stats.latencies.sort((a, b) => a - b);
  report.traffic = { requests: stats.requests, reqPerSec: round(stats.requests / (minutes * 60)), p95Ms: round(percentile(stats.latencies, 95)), byStatus: stats.byStatus, byOp: stats.byOp };
  failed = Object.values(report.checks).some((c) => !c.ok);

  await Promise.all([stop(api), stop(worker)]);
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await pool.end().catch(() => undefined);
  await services.stop();
}

mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/soak-latest.json'), JSON.stringify(report, null, 2));
for (const [name, c] of Object.entries(report.checks)) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${name}: ${JSON.stringify({ ...c, ok: undefined, examples: undefined })}\n`);
process.stdout.write(`traffic: ${JSON.stringify(report.traffic)}\nbench/results/soak-latest.json\n`);
process.exit(failed ? 1 : 0);

function pick(list) {
  return list.length ? list[Math.floor(Math.random() * list.length)] : undefined;
}

function startApp(app, env) {
  const child = spawn(process.execPath, [path.join(ROOT, `dist/apps/${app}/apps/${app}/src/main.js`)], { env, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (d) => process.stderr.write(`[${app}] ${d}`));
  children.push(child);
  return child;
}

async function stop(child) {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

async function waitForHealth(base) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${base}/health`);
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API did not become healthy in 60 s');
}

/**
 * The process's own (anonymous) resident memory: the heap, stacks and buffers. Not VmRSS, whose
 * file-backed part (~50 MB of mapped node binary and libraries) the kernel evicts and reloads with
 * the machine's page-cache pressure, which moved VmRSS by ±30 MB on a shared machine whatever the
 * process did (issue 18's "+10.6 % / +29.6 %").
 */
function rssMb(pid) {
  try {
    const kb = Number(/RssAnon:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
    return round(kb / 1024);
  } catch {
    return null;
  }
}

/** Flat: the median RSS of the last quarter within 10 % of the second quarter's (the first is warm-up). */
function flat(samples) {
  const s = samples.filter((x) => x !== null);
  const q = Math.floor(s.length / 4);
  if (q < 2) return { ok: false, reason: 'too few samples (run longer)', samples: s.length };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const early = median(s.slice(q, 2 * q));
  const late = median(s.slice(3 * q));
  return { ok: late <= early * 1.1, earlyMb: early, lateMb: late, growthPct: round(((late - early) / early) * 100), maxMb: Math.max(...s) };
}
