// node bench/explain-lists.mjs --url postgres://…  [--repeat 5] [--out file.json]
// The list endpoints' paging on a seeded database (bench/explain-db.mjs): for each user of the
// largest municipality and each list, page 1 and a deep page are requested through the built API
// (single client, median of --repeat), the SQL the API sent is captured from its DataSource
// logger and replayed in one transaction exactly as the request ran it (same set_config, same
// role: row-level security included), with EXPLAIN (ANALYZE, BUFFERS) on the list's statements.
// Adds, idempotently, what the seed lacks: an admin and an auditor in the largest municipality,
// and `service = 'tfa' | 'iks'` on the bench coordinators (so the consent rules let them see
// their route's cases, as in production). docs/BENCHMARKS.md, "Paging at national scale".
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pgPkg from 'pg';
import { getDataSourceToken } from '@nestjs/typeorm';
import { startRedis, throwawayDir } from '../scripts/embedded-services.mjs';
import { BENCH_KEY, NullLog, captureStatements, devTokens, explainOneTrip, loadBuilt, log, machine, parseArgs, recordPrepared } from './lib.mjs';

const args = parseArgs(process.argv.slice(2));
const url = args.url;
if (!url) throw new Error('--url postgres://… (a database seeded by bench/explain-db.mjs)');
const repeat = Number(args.repeat ?? 5);
const pool = new pgPkg.Pool({ connectionString: url, max: 4 });
const redisDir = throwawayDir('bti-explain-redis');
const redis = await startRedis({ dataDir: path.join(redisDir, 'redis'), persistent: false });
const built = await loadBuilt();

// ── users of the largest municipality ──
const { rows: [m] } = await pool.query(`SELECT id, code FROM municipality WHERE code = 'bench-0001'`);
await pool.query(`UPDATE app_user SET service = CASE WHEN username LIKE '%.tfa' THEN 'tfa' ELSE 'iks' END
                  WHERE username IN ($1, $2) AND service IS NULL`, [`bench.${m.code}.tfa`, `bench.${m.code}.iks`]);
for (const role of ['admin', 'auditor']) {
  const username = `bench.${m.code}.${role}`;
  await pool.query(`INSERT INTO app_user ("municipalityId", username, "displayName", demo) VALUES ($1, $2, $2, true) ON CONFLICT (username) DO NOTHING`, [m.id, username]);
  await pool.query(
    `INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") SELECT id, $2, 'municipality', $3 FROM app_user WHERE username = $1 ON CONFLICT DO NOTHING`,
    [username, role, m.id],
  );
}
const users = {
  leader: 'bench.u1.leder',
  tfa: `bench.${m.code}.tfa`,
  iks: `bench.${m.code}.iks`,
  admin: `bench.${m.code}.admin`,
  auditor: `bench.${m.code}.auditor`,
};

const config = built.loadConfig({ DATABASE_URL: url, REDIS_URL: redis.url, AUTH_MODE: 'dev', ALLOW_DEV_LOGIN: 'true', DATA_ENCRYPTION_KEY: BENCH_KEY, LOG_LEVEL: 'warn', PORT: '3000', AUTH_PRINCIPAL_CACHE_MS: '60000' });
const app = await built.createApiApp({ config, logDestination: new NullLog() });
await app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const tokens = await devTokens(base, Object.values(users));
const ds = app.get(getDataSourceToken());
const prepared = recordPrepared(ds);

/** Runs one request while capturing every statement the API sends (in order). */
async function captured(pathAndQuery, username) {
  const { result, statements } = await captureStatements(ds, async () => {
    const res = await fetch(base + pathAndQuery, { headers: { Authorization: `Bearer ${tokens.get(username)}` } });
    return { status: res.status, body: await res.json() };
  });
  return { ...result, statements };
}

/** Median wall time of `repeat` requests, one at a time (no queueing: what the query costs). */
async function timed(pathAndQuery, username) {
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(base + pathAndQuery, { headers: { Authorization: `Bearer ${tokens.get(username)}` } });
    await res.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

const planOf = (query, plan) => ({ query: query.replace(/\s+/g, ' ').slice(0, 400), executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1))?.[1]), plan });

/**
 * Replays the request's statements in one rolled-back transaction, EXPLAINing those that read
 * `table`; a one-trip request (the case list: RowSecurity.once) is explained by explainOneTrip.
 */
async function explain(statements, table) {
  const client = await pool.connect();
  const plans = [];
  try {
    for (const s of statements) {
      const explained = await explainOneTrip(client, s.query, prepared);
      if (explained) plans.push(planOf(explained.query, explained.plan));
    }
    if (plans.length) return plans;
    await client.query('BEGIN');
    for (const s of statements) {
      if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(s.query) || /^\s*INSERT/i.test(s.query)) continue;
      if (/^\s*(SELECT|WITH)/i.test(s.query) && (s.query.includes(`"${table}"`) || s.query.includes(` ${table} `))) {
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.parameters ?? []);
        plans.push(planOf(s.query, rows.map((r) => r['QUERY PLAN'])));
      } else {
        await client.query(s.query, s.parameters ?? []);
      }
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
  return plans;
}

const cases = [
  ['leader', '/api/v1/cases', 'bti_case', 20],
  ['tfa', '/api/v1/cases', 'bti_case', 20],
  ['iks', '/api/v1/cases', 'bti_case', 20],
  ['admin', '/api/v1/cases', 'bti_case', 20],
  ['auditor', '/api/v1/audit', 'audit_event', 50],
  ['leader', '/api/v1/notifications', 'notification', 20],
];
const results = { date: new Date().toISOString(), machine: machine(), municipality: m.code, repeat, runs: [] };
for (const [who, route, table, pageSize] of cases) {
  const first = await captured(`${route}?pageSize=${pageSize}`, users[who]);
  if (first.status !== 200) throw new Error(`${who} ${route}: ${first.status} ${JSON.stringify(first.body)}`);
  const total = first.body.total;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const requests = [...new Set([1, Math.max(1, Math.floor(lastPage / 2)), lastPage])].map((page) => `${route}?pageSize=${pageSize}&page=${page}`);
  if (route === '/api/v1/audit') {
    // Keyset: the cursor that leads to the middle page (the last id before it), and page 1's own.
    const { rows } = await pool.query(`SELECT id::text FROM audit_event WHERE "municipalityId" = $1 ORDER BY id DESC OFFSET $2 LIMIT 1`, [m.id, Math.floor(lastPage / 2 - 1) * pageSize - 1]);
    requests.push(`${route}?pageSize=${pageSize}&cursor=${Buffer.from(`a${rows[0].id}`).toString('base64url')}`);
  }
  for (const q of requests) {
    const run = await captured(q, users[who]);
    const ms = await timed(q, users[who]);
    const plans = await explain(run.statements, table);
    results.runs.push({ who, request: q, total, items: run.body.items?.length, httpMedianMs: ms, statements: run.statements.length, plans });
    log(`${who.padEnd(8)} ${q.padEnd(45)} total ${String(total).padStart(7)}  http ${String(ms).padStart(7)} ms  sql ${plans.map((p) => p.executionMs).join(' + ')} ms`);
  }
}
const out = args.out ?? 'bench/results/explain-lists.json';
writeFileSync(out, JSON.stringify(results, null, 2));
log(`written ${out}`);
await app.close();
await pool.end();
await redis.stop();
rmSync(redisDir, { recursive: true, force: true });
process.exit(0);
