import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { logConcern, sendEvent, userId } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(90_000);

/** A synthetic fødselsnummer born `yyyy-mm-dd` in 2000–2039 (individual number 500–999), with both check digits. */
function nationalIdBorn(date: string, seed: number): string {
  const [y, m, d] = date.split('-');
  for (let individual = 500 + (seed % 400); ; individual++) {
    const digits = `${d}${m}${y.slice(2)}${individual}`.split('').map(Number);
    const check = (weights: number[], ds: number[]) => {
      const k = 11 - (weights.reduce((sum, w, i) => sum + w * ds[i], 0) % 11);
      return k === 11 ? 0 : k;
    };
    const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2], digits);
    if (k1 === 10) continue;
    const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...digits, k1]);
    if (k2 === 10) continue;
    return `${digits.join('')}${k1}${k2}`;
  }
}

interface Item { id: string; reference: string; view: string; assigneeId: string | null; createdAt: string; updatedAt: string; overdue: boolean; nextDeadline: string | null; coordinatorName: string | null; child: { firstName: string | null } }

/** GET /cases?q= and sort (DESIGN 12.1): what the caller may see, identity never on an anonymised case. */
describe('case search and list order', () => {
  let t: TestApp;
  let ds: DataSource;
  // Letters only: a name search refuses digits.
  const tag = Date.now().toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
  const born = '2021-02-11';
  const ids = { a: nationalIdBorn(born, Date.now()), b: nationalIdBorn(born, Date.now() + 7), c: nationalIdBorn(born, Date.now() + 13) };
  let a: Item;
  let b: Item;
  let c: Item;

  const search = async (username: string, q: string, extra = '') =>
    (await t.http.get(`/api/v1/cases?q=${encodeURIComponent(q)}&pageSize=100${extra}`).set(await t.auth(username)).expect(200)).body as { items: Item[]; total: number };
  const found = async (username: string, q: string) => (await search(username, q)).items.map((i) => i.id);

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.db;
    a = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { firstName: 'Ærlig', lastName: `Østby${tag}`, birthDate: born, nationalId: ids.a } });
    b = await logConcern(t, 'nina.ansatt', 'bakken-skole', { child: { firstName: `Åse${tag}`, lastName: 'Berg', birthDate: born, nationalId: ids.b } });
    c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { firstName: `Anonym${tag}`, lastName: 'Lund', birthDate: born, nationalId: ids.c } });
    const kari = await userId(t, 'kari.ansatt');
    await t.http.put(`/api/v1/cases/${c.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: kari }).expect(200);
    await sendEvent(t, 'kari.ansatt', c.id, { type: 'start_assessment' });
    await sendEvent(t, 'kari.ansatt', c.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    const decided = await sendEvent(t, 'ola.leder', c.id, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Drøftes anonymt.', anonymous: true, anonymousSummary: 'Barn i barnehage.' });
    expect([decided.status, decided.body.code, decided.body.detail]).toEqual([200, undefined, undefined]);
  });
  afterAll(() => t.close());

  it("finds the child by the start of the first or last name, any case, æøå included, and every word must match", async () => {
    expect(await found('kari.ansatt', `østby${tag}`)).toEqual([a.id]);
    expect(await found('kari.ansatt', `ØSTBY${tag.slice(0, 3).toUpperCase()}`)).toContain(a.id);
    expect(await found('kari.ansatt', `ærl østby${tag}`)).toEqual([a.id]);
    expect(await found('kari.ansatt', `ærl berg${tag}`)).toEqual([]);
    expect(await found('nina.ansatt', `åse${tag}`)).toEqual([b.id]);
    expect(await found('nina.ansatt', `ÅSE${tag.toUpperCase()}`)).toEqual([b.id]);
    // A prefix, not a substring.
    expect(await found('kari.ansatt', `stby${tag}`)).toEqual([]);
  });

  it('finds by birth date (dd.mm.yyyy and ISO), national id (exact) and reference, only among the cases the caller may see', async () => {
    const byDate = await found('kari.ansatt', '11.02.2021');
    expect(byDate).toEqual(expect.arrayContaining([a.id, c.id]));
    expect(byDate).not.toContain(b.id);
    expect((await found('kari.ansatt', born)).sort()).toEqual(byDate.sort());
    expect(await found('kari.ansatt', ids.a)).toEqual([a.id]);
    expect(await found('kari.ansatt', ids.b)).toEqual([]);
    expect(await found('berit.leder', ids.b)).toEqual([b.id]);
    expect(await found('kari.ansatt', a.reference)).toEqual([a.id]);
    expect(await found('kari.ansatt', a.reference.toLowerCase().replace(/-0+/, '-'))).toEqual([a.id]);
    expect(await found('nina.ansatt', a.reference)).toEqual([]);
    expect(await found('nina.ansatt', `østby${tag}`)).toEqual([]);
  });

  it('an anonymised case never matches on name, birth date or national id; its reference finds it, anonymised', async () => {
    expect(await found('ola.leder', `anonym${tag}`)).toEqual([c.id]);
    expect(await found('per.ppt', `anonym${tag}`)).toEqual([]);
    expect(await found('per.ppt', ids.c)).toEqual([]);
    expect(await found('per.ppt', '11.02.2021')).not.toContain(c.id);
    const byReference = await search('per.ppt', c.reference);
    expect(byReference.items.map((i) => [i.id, i.view, i.child.firstName])).toEqual([[c.id, 'anonymised', null]]);
  });

  it('a search is audited as case.search, one row per case returned; neither the national id nor q reaches a log line or an audit row', async () => {
    const requestId = `search-${tag}`;
    const res = await t.http.get(`/api/v1/cases?q=${ids.a}`).set(await t.auth('kari.ansatt')).set('X-Request-Id', requestId).expect(200);
    expect(res.body.total).toBe(1);
    const rows = (await ds.query(`SELECT action, "caseId", row_to_json(a)::text AS "json" FROM audit_event a WHERE "requestId" = $1`, [requestId])) as { action: string; caseId: string; json: string }[];
    expect(rows.map((r) => [r.action, r.caseId])).toEqual([['case.search', a.id]]);
    for (const row of rows) expect(row.json).not.toContain(ids.a);
    const empty = `search-empty-${tag}`;
    await t.http.get(`/api/v1/cases?q=${ids.b}`).set(await t.auth('kari.ansatt')).set('X-Request-Id', empty).expect(200);
    expect(await ds.query(`SELECT action, "caseId" FROM audit_event WHERE "requestId" = $1`, [empty])).toEqual([{ action: 'case.search', caseId: null }]);
    expect(t.logs.text).toContain(requestId);
    for (const secret of Object.values(ids)) expect(t.logs.text).not.toContain(secret);
    expect(t.logs.text).not.toContain(`østby${tag}`);
  });

  it('a query that is no name, date, national id or reference is a 400 naming q, without repeating it', async () => {
    for (const q of ['31.02.2021', '1234567890', 'Emma 7', 'x'.repeat(101), '']) {
      const res = await t.http.get(`/api/v1/cases?q=${encodeURIComponent(q)}`).set(await t.auth('kari.ansatt'));
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['q']);
      if (q) expect(JSON.stringify(res.body)).not.toContain(q);
    }
  });

  /** Every page of ola.leder's list in one order. */
  async function walk(sort: string): Promise<Item[]> {
    const all: Item[] = [];
    for (let page = 1; ; page++) {
      const body = (await t.http.get(`/api/v1/cases?sort=${sort}&pageSize=7&page=${page}`).set(await t.auth('ola.leder')).expect(200)).body;
      all.push(...body.items);
      if (page * 7 >= body.total) return all;
    }
  }
  const sortedBy = <T>(items: T[], key: (i: T) => (string | number)[]) =>
    items.every((item, i) => i === 0 || compare(key(items[i - 1]), key(item)) <= 0);
  const compare = (x: (string | number)[], y: (string | number)[]) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  };
  const desc = (iso: string) => -Date.parse(iso);

  it('sort=priority: over the decision deadline first across all pages, then without a coordinator, then newest; rows carry the name and next deadline', async () => {
    const old = [await logConcern(t, 'kari.ansatt', 'solsiden-bhg'), await logConcern(t, 'kari.ansatt', 'solsiden-bhg')];
    await ds.query(`UPDATE bti_case SET "createdAt" = now() - interval '40 days' WHERE id = ANY($1)`, [old.map((o) => o.id)]);
    const items = await walk('priority');
    expect(sortedBy(items, (i) => [Number(!i.overdue), Number(i.assigneeId !== null), desc(i.createdAt)])).toBe(true);
    const firstNotOverdue = items.findIndex((i) => !i.overdue);
    for (const o of old) expect(items.findIndex((i) => i.id === o.id)).toBeLessThan(firstNotOverdue);
    expect(items.find((i) => i.id === old[0].id)!.nextDeadline).not.toBeNull();
    expect(items.find((i) => i.id === c.id)!.coordinatorName).toBe('Kari Ansatt');
    expect(items.find((i) => i.id === a.id)!.coordinatorName).toBeNull();
  });

  it('sort=deadline and sort=activity order every page; the team sees no coordinator name on an anonymised case', async () => {
    const byDeadline = await walk('deadline');
    expect(sortedBy(byDeadline, (i) => [i.nextDeadline === null ? 1 : 0, i.nextDeadline ? Date.parse(i.nextDeadline) : 0])).toBe(true);
    const byActivity = await walk('activity');
    expect(sortedBy(byActivity, (i) => [desc(i.updatedAt)])).toBe(true);
    const team = (await t.http.get('/api/v1/cases?sort=priority&pageSize=100&route=interdisciplinary_team').set(await t.auth('per.ppt')).expect(200)).body.items as Item[];
    expect(team.find((i) => i.id === c.id)).toMatchObject({ view: 'anonymised', coordinatorName: null, assigneeId: null });
  });
});
