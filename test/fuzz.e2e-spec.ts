// Fuzz: malformed and hostile bodies, headers and query strings to every operation in the OpenAPI
// document (/docs-json), so endpoints added later are covered without editing this file.
// Properties: never a 5xx; never a stack trace, file path or SQL text in a response; and a
// request that is refused (4xx) leaves every table's rows exactly as they were (a fingerprint of
// each table's row contents, checked per request). Every operation gets MIN_RUNS_PER_OPERATION
// cases whatever the machine's speed (FUZZ_RUNS, default 10); with FUZZ_TIME_BUDGET_MS (default 0:
// none) it goes on up to RUNS_PER_OPERATION within that budget, split over the operations. A deep
// run: FUZZ_RUNS=50 FUZZ_TIME_BUDGET_MS=300000.
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@app/persistence';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { logConcern } from './harness/cases.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

// 10 cases per operation found the 500 this test first caught (JSON nested 5 000 deep, with
// json-depth.ts switched off: two operations failed, 2026-12-07); 20 doubled the suite's longest file.
const MIN_RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 10);
const TIME_BUDGET_MS = Number(process.env.FUZZ_TIME_BUDGET_MS ?? 0);
const RUNS_PER_OPERATION = Math.max(200, MIN_RUNS_PER_OPERATION);

/** What must never reach a client: stack frames, source paths, driver errors, SQL. */
const LEAKS = [
  /\bat [\w$.<>]+ \(.*:\d+:\d+\)/,
  /node_modules|\/dist\/|\.ts:\d+/,
  /QueryFailedError|EntityNotFound|TypeORMError|PostgresError/i,
  /syntax error at or near|violates (not-null|foreign key|unique|check) constraint|duplicate key value|invalid input syntax for/i,
  /\b(SELECT\s+[\w"*.,\s]+\s+FROM|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM)\b/i,
];

const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE bti_case; --",
  '"); SELECT pg_sleep(5); --',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '\uD800',
  '🙂'.repeat(50),
  'x'.repeat(20_000),
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '00000000-0000-0000-0000-000000000000',
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
);

/** encodeURIComponent refuses lone surrogates: those become U+FFFD first. */
const enc = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));

type Operation = { method: string; path: string; params: string[]; query: string[]; bodyFields: string[] };

interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}

function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
      const schema = ref ? doc.components?.schemas?.[ref.split('/').pop()!] : undefined;
      ops.push({
        method,
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(schema?.properties ?? {}),
      });
    }
  }
  return ops;
}

describe('fuzz: every OpenAPI operation refuses hostile input cleanly', () => {
  let t: TestApp;
  let ds: DataSource;
  let caseId: string;
  let tokens: Record<string, string>;
  let inFlight: Promise<unknown> | null = null;
  let lastContents: Record<string, { rows: number; md5: string }> | null = null;

  beforeAll(async () => {
    t = await startTestApp();
    ds = await createDataSource(process.env.DATABASE_URL!).initialize();
    caseId = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
    tokens = {};
    for (const u of ['kari.ansatt', 'ola.leder', 'anne.admin', 'eva.revisor', 'siri.iks', 'lars.analytiker']) tokens[u] = (await t.auth(u)).Authorization;
  });

  afterAll(async () => {
    await ds?.destroy();
    await t?.close();
  });

  /**
   * Every table of the public schema as its row count and a fingerprint of its rows' contents
   * (md5 over each row's text, order-independent; one statement): an UPDATE that leaves the count
   * alone changes the fingerprint.
   */
  async function tableContents(): Promise<Record<string, { rows: number; md5: string }>> {
    const tables = (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)) as { tablename: string }[];
    const sql = tables
      .map((x) => `SELECT '${x.tablename}' AS t, count(*)::int AS n, coalesce(md5(string_agg(md5(r::text), '' ORDER BY md5(r::text))), '') AS h FROM "${x.tablename}" r`)
      .join(' UNION ALL ');
    const rows = (await ds.query(sql)) as { t: string; n: number; h: string }[];
    return Object.fromEntries(rows.map((r) => [r.t, { rows: r.n, md5: r.h }]));
  }

  /** What differs between two tableContents() results, one phrase per table. */
  function differences(before: Awaited<ReturnType<typeof tableContents>>, after: Awaited<ReturnType<typeof tableContents>>): string[] {
    return Object.keys({ ...before, ...after }).flatMap((k) => {
      const [b, a] = [before[k], after[k]];
      if (b?.rows !== a?.rows) return [`${k} rows ${b?.rows}→${a?.rows}`];
      return b.md5 !== a.md5 ? [`${k} contents changed (${a.rows} rows)`] : [];
    });
  }

  it('no 5xx, no leaks, refused requests change nothing', async () => {
    const doc = (await t.http.get('/docs-json')).body as OpenApiDoc;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(10);
    const perOpMs = Math.floor(TIME_BUDGET_MS / ops.length);
    const summary: Record<string, { runs: number; statuses: Record<number, number> }> = {};
    const failures: { op: string; problem: string; input: string; response: string; log: string }[] = [];

    for (const op of ops) {
      const name = `${op.method.toUpperCase()} ${op.path}`;
      const statuses: Record<number, number> = {};

      const pathValue = fc.oneof(
        { weight: 3, arbitrary: fc.constant(caseId) },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0) },
      );
      const body = fc.oneof(
        // the operation's own fields with hostile values
        fc.record(Object.fromEntries(op.bodyFields.map((f) => [f, hostileValue])), { requiredKeys: [] }),
        fc.dictionary(hostileString, hostileValue, { maxKeys: 6 }),
        fc.anything({ maxDepth: 4 }),
        // raw text: broken JSON, deep nesting, a big document
        fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '{"a":1}garbage', '['.repeat(5000) + ']'.repeat(5000), `{"description":"${'y'.repeat(1_100_000)}"}`),
      );
      const headers = fc.record(
        {
          authorization: fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...Object.values(tokens)) },
            { weight: 1, arbitrary: fc.constantFrom('Bearer', 'Bearer x.y.z', 'Basic YWRtaW46YWRtaW4=', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', '') },
            { weight: 1, arbitrary: hostileString.map((s) => `Bearer ${s}`) },
          ),
          'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/problem+json', 'x/y'),
          'if-match': fc.oneof(fc.constantFrom('"1"', '"2"', 'W/"1"', '*', '"-1"', '"99999999999"', '1'), hostileString),
          'idempotency-key': hostileString,
          'accept-language': hostileString,
          'x-request-id': hostileString,
        },
        { requiredKeys: ['authorization'] },
      );
      const query = fc.array(
        fc.tuple(fc.oneof(fc.constantFrom(...(op.query.length ? op.query : ['q'])), hostileString, fc.constant('page[]')), fc.oneof(hostileString, fc.integer().map(String))),
        { maxLength: 5 },
      );

      const check = async (pathValues: string[], payload: unknown, hdrs: Record<string, unknown>, qs: [string, string][]) => {
        let url = op.path;
        op.params.forEach((p, i) => (url = url.replace(`{${p}}`, enc(pathValues[i]))));
        const search = qs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
        let req = (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[op.method](`${url}${search ? `?${search}` : ''}`);
        for (const [k, v] of Object.entries(hdrs)) if (v !== undefined) req = req.set(k, String(v).replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, '?'));
        if (op.method !== 'get' && op.method !== 'delete') req = req.send(typeof payload === 'string' ? payload : JSON.stringify(payload ?? null));
        // The previous refused request's "after" is this one's "before" (nothing else writes here).
        const before = lastContents ?? (await tableContents());
        lastContents = null;
        const res = await req;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const text = res.text ?? '';
        // A refused request (4xx) leaves every table's rows as they were: counts and contents.
        let changed: string[] = [];
        if (res.status >= 400) {
          const after = await tableContents();
          changed = differences(before, after);
          lastContents = after;
        }
        // Recorded rather than thrown, so one run lists every failing operation (one example each).
        const problem =
          res.status >= 500
            ? `${res.status}`
            : LEAKS.find((leak) => leak.test(text))
              ? `leaks ${LEAKS.find((leak) => leak.test(text))}`
              : changed.length
                ? `refused (${res.status}) but changed ${changed.join(', ')}`
                : null;
        if (problem && !failures.some((f) => f.op === name && f.problem === problem)) {
          const logged = t.logs.lines.filter((l) => l.includes('"level":50')).pop() ?? '';
          failures.push({ op: name, problem, input: JSON.stringify({ pathValues, payload, hdrs, qs }).slice(0, 300), response: text.slice(0, 300), log: logged.slice(0, 400) });
        }
      };
      // Each run is remembered so the next operation waits for all of it: fast-check's time limit
      // can abandon a run mid-request, and neither its late commit (an audit row) nor its late
      // snapshot (\`lastContents\`, set after its response) may land in the next operation's runs,
      // where a stale snapshot would blame that commit on a later request.
      const property = fc.asyncProperty(fc.array(pathValue, { minLength: op.params.length, maxLength: op.params.length }), body, headers, query, (pathValues, payload, hdrs, qs) => {
        const run = check(pathValues, payload, hdrs, qs);
        inFlight = run;
        return run;
      });
      // The minimum runs to the end however slow the machine; then more while the budget lasts.
      lastContents = null;
      const started = Date.now();
      await fc.assert(property, { numRuns: MIN_RUNS_PER_OPERATION, endOnFailure: true });
      const left = perOpMs - (Date.now() - started);
      if (left > 0) {
        lastContents = null;
        // fc.check, not fc.assert: a time limit that strikes before the first extra run counts
        // as a failure there ("interrupted after 0 tests"); a real failure is still thrown.
        const extra = await fc.check(property, { numRuns: RUNS_PER_OPERATION - MIN_RUNS_PER_OPERATION, interruptAfterTimeLimit: left, markInterruptAsFailure: false, endOnFailure: true });
        if (extra.failed && !extra.interrupted) throw new Error(fc.defaultReportMessage(extra));
      }
      await inFlight?.catch(() => undefined);

      summary[name] = { runs: Object.values(statuses).reduce((a, b) => a + b, 0), statuses };
    }
    // eslint-disable-next-line no-console
    console.log(`fuzz: ${Object.values(summary).reduce((a, s) => a + s.runs, 0)} requests over ${ops.length} operations\n` + Object.entries(summary).map(([k, v]) => `${k} ${JSON.stringify(v.statuses)}`).join('\n'));
    expect(failures).toEqual([]);
    expect(Object.entries(summary).filter(([, v]) => v.runs < MIN_RUNS_PER_OPERATION)).toEqual([]);
  }, 600_000);
});
