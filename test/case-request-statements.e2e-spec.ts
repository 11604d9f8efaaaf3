import { jest } from '@jest/globals';
import { DataSource, type Logger } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { concernBody, unitIds } from './harness/cases.js';
import { preparedQuery } from '../apps/api/src/database/prepared.js';
import { sqlLiteral } from '../apps/api/src/database/sql-literal.js';

jest.setTimeout(60_000);

/**
 * The SQL statements one request sends, counted through TypeORM's logger (every statement of the
 * API goes through a query runner, which logs it before sending). A count is not a timing: it
 * guards the round trips the hot paths promise (docs/ARCHITECTURE.md: the request path in detail).
 */
class StatementRecorder {
  statements: string[] = [];
  /** The name of each statement sent as a named prepared statement (same index), else null. */
  names: (string | null)[] = [];
  /** Every statement the API prepared by SQL `PREPARE` (RowSecurity.once), by name, recorded or not. */
  prepared = new Map<string, string>();
  private recording = false;

  install(ds: DataSource): void {
    const original = ds.logger;
    const recorder = this;
    const counting: Logger = {
      logQuery(query, parameters, queryRunner) {
        const prepare = typeof query === 'string' ? /^PREPARE "([\w-]+)" AS ([\s\S]*)$/.exec(query) : null;
        if (prepare) recorder.prepared.set(prepare[1], prepare[2].replace(/\s+/g, ' ').trim());
        if (recorder.recording) {
          // preparedQuery hands the driver a { name, text } object where a string usually goes.
          const named = query as unknown as string | { name: string; text: string };
          recorder.statements.push((typeof named === 'string' ? named : named.text).replace(/\s+/g, ' ').trim());
          recorder.names.push(typeof named === 'string' ? null : named.name);
        }
        return original.logQuery(query, parameters, queryRunner);
      },
      logQueryError: (...args) => original.logQueryError(...args),
      logQuerySlow: (...args) => original.logQuerySlow(...args),
      logSchemaBuild: (...args) => original.logSchemaBuild(...args),
      logMigration: (...args) => original.logMigration(...args),
      log: (...args) => original.log(...args),
    };
    Object.defineProperty(ds, 'logger', { value: counting, configurable: true, writable: true });
  }

  async during(request: () => Promise<unknown>): Promise<string[]> {
    this.statements = [];
    this.names = [];
    this.recording = true;
    try {
      await request();
    } finally {
      this.recording = false;
    }
    return this.statements;
  }
}

const LIST = '/api/v1/cases?status=discovered&pageSize=50';

/** The first words of a statement, enough to tell what it does. */
const verb = (sql: string) => sql.split(' ').slice(0, 3).join(' ');
/** The transaction and the caller's identity, in one round trip (RowSecurity). */
const TX = ["START TRANSACTION; SELECT"];

/**
 * The name of the prepared statement that `statements` ran, after checking they are one round trip
 * (RowSecurity.once): transaction, identity, `EXECUTE` and COMMIT in one simple query.
 */
function oneRoundTrip(statements: string[]): string {
  // A connection that has not run the statement before prepares it first (once per connection).
  const sent = statements.filter((sql) => !sql.startsWith('PREPARE '));
  expect(sent).toHaveLength(1);
  const [sql] = sent;
  expect(sql.startsWith(TX[0])).toBe(true);
  expect(sql).toMatch(/; COMMIT$/);
  const executed = /; EXECUTE "(bti_[\w-]+_sql)"\(/.exec(sql);
  expect(executed).not.toBeNull();
  return executed![1];
}

/** JSON text of a case answer without the national id and deadlines (only GET /cases/:id shows them). */
function withoutNationalId(body: { child: Record<string, unknown>; deadlines?: unknown }): string {
  const { nationalId: _shown, ...child } = body.child;
  // Deadlines, like the national id, are only in GET /cases/:id (computed in its one statement).
  const { deadlines: _deadlines, ...rest } = body;
  return JSON.stringify({ ...rest, child });
}

describe('the hot paths: statements per request, and answers built from what was written', () => {
  let t: TestApp;
  let units: Record<string, string>;
  const recorder = new StatementRecorder();

  /** The text the API prepared under `name` (it sends `PREPARE` once per connection). */
  const preparedText = (name: string): string => {
    const text = recorder.prepared.get(name);
    expect(text).toBeDefined();
    return text!;
  };
  /** Audit rows of one action on one case. */
  const auditRows = async (caseId: string, action: string): Promise<number> => {
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE "caseId" = $1 AND action = $2`, [caseId, action])) as { n: number }[];
    return n;
  };
  beforeAll(async () => {
    t = await startTestApp();
    units = await unitIds(t);
    recorder.install(t.app.get(DataSource));
    // Warm the per-process caches (token, caller's roles, municipality profile) as a running API has them.
    const warm = await t.http.post('/api/v1/cases').set(await t.auth('kari.ansatt')).send(concernBody(units['solsiden-bhg'])).expect(201);
    await t.http.get(`/api/v1/cases/${warm.body.id}`).set(await t.auth('kari.ansatt')).expect(200);
    await t.http.get(LIST).set(await t.auth('ola.leder')).expect(200);
  });
  afterAll(() => t.close());

  it('POST /cases: case, child, concern and log entry in one statement, the reminders in one, no read of the new case (6 statements)', async () => {
    const staff = await t.auth('kari.ansatt');
    const statements = await recorder.during(() => t.http.post('/api/v1/cases').set(staff).send(concernBody(units['solsiden-bhg'])).expect(201));
    expect(statements.map(verb)).toEqual([...TX, 'SELECT "Unit"."id" AS', 'WITH new_case AS', 'WITH input AS', 'INSERT INTO audit_event', 'COMMIT']);
    for (const table of ['bti_case', 'child', 'concern', 'case_log_entry', 'case_guardian']) expect(statements[2]).toContain(`INSERT INTO ${table} `);
    expect(statements[3]).toContain('INSERT INTO "scheduled_reminder"');
  });

  it('GET /cases/:id: the case, child, concern, consents, latest voice and the audit row in one statement, one round trip', async () => {
    const staff = await t.auth('kari.ansatt');
    const created = await t.http.post('/api/v1/cases').set(staff).send(concernBody(units['solsiden-bhg'])).expect(201);
    const reads = () => auditRows(created.body.id, 'case.read');
    expect(await reads()).toBe(0);
    const statements = await recorder.during(() => t.http.get(`/api/v1/cases/${created.body.id}`).set(staff).expect(200));
    const name = oneRoundTrip(statements);
    expect(await reads()).toBe(1);
    const prepared = preparedText(name);
    expect(prepared).toMatch(/^WITH found AS \( SELECT c\.\*, ch\.id/);
    expect(prepared).toContain('INSERT INTO audit_event');
    expect(prepared).not.toContain('FOR NO KEY UPDATE');
    // A second read runs the same prepared statement (each connection plans it once).
    expect(oneRoundTrip(await recorder.during(() => t.http.get(`/api/v1/cases/${created.body.id}`).set(staff).expect(200)))).toBe(name);
    expect(await reads()).toBe(2);
    // Refused (another unit's staff): 404, and no audit row, as if nothing had been read.
    await t.http.get(`/api/v1/cases/${created.body.id}`).set(await t.auth('nina.ansatt')).expect(404);
    expect(await reads()).toBe(2);
  });

  it('a prepared statement is prepared once on the server, under a name that differs when the text differs', async () => {
    const ds = t.app.get(DataSource);
    await ds.transaction(async (em) => {
      await preparedQuery(em, 'SELECT $1::int + 1 AS n', [1]);
      const [{ n }] = await preparedQuery<{ n: number }[]>(em, 'SELECT $1::int + 1 AS n', [41]);
      expect(n).toBe(42);
      await preparedQuery(em, 'SELECT $1::int + 2 AS n', [1]);
      const prepared = (await em.query(`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + %' ORDER BY statement`)) as {
        name: string;
        statement: string;
      }[];
      expect(prepared.map((p) => p.statement)).toEqual(['SELECT $1::int + 1 AS n', 'SELECT $1::int + 2 AS n']);
      expect(new Set(prepared.map((p) => p.name)).size).toBe(2);
    });
  });

  it('values written as literals for the one-trip statements come back from PostgreSQL unchanged', async () => {
    const ds = t.app.get(DataSource);
    const texts = ['ola.leder', `x'); DROP TABLE bti_case; --`, 'a\\b', 'tab\tnewline\n', 'æøå "sitat" {klammer}, komma'];
    for (const text of texts) {
      const [{ v }] = (await ds.query(`SELECT ${sqlLiteral(text)}::text AS v`)) as { v: string }[];
      expect(v).toBe(text);
    }
    const [{ list }] = (await ds.query(`SELECT ${sqlLiteral([...texts, null])}::text[] AS list`)) as { list: (string | null)[] }[];
    expect(list).toEqual([...texts, null]);
    const at = new Date('2026-11-30T12:00:00.123Z');
    const [{ t: back }] = (await ds.query(`SELECT ${sqlLiteral(at)}::timestamptz AS t`)) as { t: Date }[];
    expect(back.toISOString()).toBe(at.toISOString());
  });

  it('POST /cases/:id/events: the load takes FOR NO KEY UPDATE, then one UPDATE, the log and the audit row (6 statements)', async () => {
    const created = await t.http.post('/api/v1/cases').set(await t.auth('kari.ansatt')).send(concernBody(units['solsiden-bhg'])).expect(201);
    const leader = await t.auth('ola.leder');
    const statements = await recorder.during(() =>
      t.http.post(`/api/v1/cases/${created.body.id}/events`).set(leader).set('If-Match', '"1"').send({ type: 'start_assessment' }).expect(200),
    );
    expect(statements.map(verb)).toEqual([...TX, 'SELECT c.*, ch.id', 'UPDATE "bti_case" SET', 'INSERT INTO case_log_entry', 'INSERT INTO audit_event', 'COMMIT']);
    // Inserts of rows that reference the case (reminders, log entries of another request) are not blocked by the lock.
    expect(statements[1]).toMatch(/FOR NO KEY UPDATE OF c$/);
    expect(statements[1]).not.toMatch(/FOR UPDATE/);
  });

  it('GET /cases (a page with items): the page, its children, concerns, consents, voices, total and audit rows in one statement, one round trip', async () => {
    const leader = await t.auth('ola.leder');
    let items = 0;
    const statements = await recorder.during(async () => {
      items = (await t.http.get(LIST).set(leader).expect(200)).body.items.length;
    });
    expect(items).toBeGreaterThan(0);
    const prepared = preparedText(oneRoundTrip(statements));
    expect(prepared).toMatch(/^WITH page AS/);
    expect(prepared).toContain('INSERT INTO audit_event');
  });

  it('GET /cases writes one case.list audit row per case shown, and one without a case for an empty page', async () => {
    const leader = await t.auth('ola.leder');
    const eventsOf = async (requestId: string) =>
      (await t.db.query(`SELECT action, "caseId" FROM audit_event WHERE "requestId" = $1`, [requestId])) as { action: string; caseId: string | null }[];
    const page = await t.http.get('/api/v1/cases?pageSize=3').set(leader).set('X-Request-Id', 'list-audit-page').expect(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    const shown = page.body.items.map((c: { id: string }) => c.id).sort();
    const events = await eventsOf('list-audit-page');
    expect(events.map((e) => e.action)).toEqual(shown.map(() => 'case.list'));
    expect(events.map((e) => e.caseId).sort()).toEqual(shown);
    // Nobody is coordinator with this id, whatever other test files have made.
    const nobody = '00000000-0000-4000-8000-000000000000';
    const empty = await t.http.get(`/api/v1/cases?assigneeId=${nobody}`).set(leader).set('X-Request-Id', 'list-audit-empty').expect(200);
    expect(empty.body).toMatchObject({ items: [], total: 0 });
    expect(await eventsOf('list-audit-empty')).toEqual([{ action: 'case.list', caseId: null }]);
  });

  it('GET /cases: the window total equals a count, on full pages, the last page and a page past the end (one COUNT only there)', async () => {
    const leader = await t.auth('ola.leder');
    // Every case the leader sees, newest first, page by page (other test files may have made many).
    const all: string[] = [];
    let total = -1;
    for (let page = 1; ; page++) {
      const body = (await t.http.get(`/api/v1/cases?pageSize=100&page=${page}`).set(leader).expect(200)).body;
      total = body.total;
      all.push(...body.items.map((c: { id: string }) => c.id));
      if (body.items.length < 100) break;
    }
    expect(all.length).toBe(total);
    expect(total).toBeGreaterThan(2);
    const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);
    const first = (await t.http.get('/api/v1/cases?pageSize=2&page=1').set(leader).expect(200)).body;
    expect(ids(first)).toEqual(all.slice(0, 2));
    expect(first.total).toBe(total);
    const lastPage = Math.ceil(total / 2);
    const last = (await t.http.get(`/api/v1/cases?pageSize=2&page=${lastPage}`).set(leader).expect(200)).body;
    expect(ids(last)).toEqual(all.slice((lastPage - 1) * 2));
    expect(last.total).toBe(total);
    let past: { items: unknown[]; total: number } = { items: [], total: -1 };
    let statements = await recorder.during(async () => {
      past = (await t.http.get(`/api/v1/cases?pageSize=2&page=${lastPage + 1}`).set(leader).expect(200)).body;
    });
    expect(past).toMatchObject({ items: [], total });
    // The page (with its audit row), then the COUNT: each one round trip of its own.
    statements = statements.filter((sql) => !sql.startsWith('PREPARE '));
    expect(statements).toHaveLength(2);
    expect(preparedText(oneRoundTrip(statements.slice(0, 1)))).toMatch(/^WITH page AS/);
    expect(preparedText(oneRoundTrip(statements.slice(1)))).toMatch(/^SELECT count\(\*\)::int AS "total" FROM bti_case c WHERE/);
  });

  describe('answers built from what was written equal what a read returns', () => {
    // Key order matters: the guardians come back from jsonb with its own key order.
    const guardians = [{ name: 'Mor Testesen', relation: 'mor', parentalResponsibility: true, contact: '99 99 99 99' }];

    it('POST /cases answers exactly what GET /cases/:id and the list then show (apart from the national id)', async () => {
      const staff = await t.auth('kari.ansatt');
      const created = await t.http
        .post('/api/v1/cases')
        .set(staff)
        .send(concernBody(units['solsiden-bhg'], { child: { guardians }, concern: { suspectedViolenceOrAbuse: true } }))
        .expect(201);
      const read = await t.http.get(`/api/v1/cases/${created.body.id}`).set(staff).expect(200);
      expect(read.body.child.nationalId).toBe('13097248022');
      expect(JSON.stringify(created.body)).toBe(withoutNationalId(read.body));
      const listed = await t.http.get('/api/v1/cases?pageSize=100').set(staff).expect(200);
      // A list row adds what the list computes (the coordinator's name, the next deadline, «over fristen»).
      const { coordinatorName, nextDeadline, overdue, ...row } = listed.body.items.find((c: { id: string }) => c.id === created.body.id);
      expect(JSON.stringify(row)).toBe(JSON.stringify(created.body));
      expect({ coordinatorName, overdue }).toEqual({ coordinatorName: null, overdue: false });
      expect(nextDeadline).toEqual(expect.any(String));
    });

    it('an event answers exactly what GET /cases/:id then shows, the child voice it recorded included', async () => {
      const created = await t.http
        .post('/api/v1/cases')
        .set(await t.auth('kari.ansatt'))
        .send(concernBody(units['solsiden-bhg'], { child: { birthDate: '2015-02-03', guardians } }))
        .expect(201);
      const leader = await t.auth('ola.leder');
      const started = await t.http.post(`/api/v1/cases/${created.body.id}/events`).set(leader).set('If-Match', '"1"').send({ type: 'start_assessment' }).expect(200);
      expect(JSON.stringify(started.body)).toBe(withoutNationalId((await t.http.get(`/api/v1/cases/${created.body.id}`).set(leader).expect(200)).body));
      const assessed = await t.http
        .post(`/api/v1/cases/${created.body.id}/events`)
        .set(leader)
        .set('If-Match', '"2"')
        .send({ type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true, childHeard: true, childView: 'Vil ha hjelp.' })
        .expect(200);
      expect(assessed.body).toMatchObject({ version: 3, childVoice: { heard: true, view: 'Vil ha hjelp.' } });
      const read = await t.http.get(`/api/v1/cases/${created.body.id}`).set(leader).expect(200);
      expect(JSON.stringify(assessed.body)).toBe(withoutNationalId(read.body));
    });

    it('an assignment answers exactly what GET /cases/:id then shows', async () => {
      const created = await t.http.post('/api/v1/cases').set(await t.auth('kari.ansatt')).send(concernBody(units['solsiden-bhg'])).expect(201);
      const leader = await t.auth('ola.leder');
      const me = await t.http.get('/api/v1/me').set(leader).expect(200);
      const assigned = await t.http.put(`/api/v1/cases/${created.body.id}/assignee`).set(leader).set('If-Match', '"1"').send({ assigneeId: me.body.userId }).expect(200);
      expect(assigned.body).toMatchObject({ version: 2, assigneeId: me.body.userId });
      expect(JSON.stringify(assigned.body)).toBe(withoutNationalId((await t.http.get(`/api/v1/cases/${created.body.id}`).set(leader).expect(200)).body));
    });
  });
});
