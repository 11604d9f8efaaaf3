import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { concernBody, unitIds } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(60_000);

const osloYear = (at: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(at));

/** The case reference BTI-<year>-<nnnn> (DESIGN 12.1, 12.8 item 9): a sequence per municipality and year. */
describe('case reference', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.db;
  });
  afterAll(() => t.close());

  /** A municipality of its own with one unit and user, so the numbering starts from 1. */
  async function municipality(tag: string) {
    const [m] = await ds.query(`INSERT INTO municipality (code, name, profile) VALUES ($1, $1, $2) RETURNING id`, [tag, { routes: ['own_unit'] }]);
    const [cluster] = await ds.query(`INSERT INTO cluster ("municipalityId", code, name) VALUES ($1, 'c', 'C') RETURNING id`, [m.id]);
    const [unit] = await ds.query(`INSERT INTO unit ("municipalityId", "clusterId", code, name, kind) VALUES ($1, $2, 'u', 'U', 'kindergarten') RETURNING id`, [m.id, cluster.id]);
    const [user] = await ds.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, $2) RETURNING id`, [m.id, `${tag}.ansatt`]);
    return { id: m.id as string, clusterId: cluster.id as string, unitId: unit.id as string, userId: user.id as string };
  }

  /** Inserts a case the way the API does (the trigger draws the reference), in a transaction of its own. */
  async function insertCase(m: Awaited<ReturnType<typeof municipality>>, createdAt: string): Promise<string> {
    return ds.transaction(async (em) => {
      const [child] = await em.query(`INSERT INTO child ("municipalityId", "firstName", "lastName", "birthDate") VALUES ($1, 'A', 'B', '2018-01-01') RETURNING id`, [m.id]);
      const [c] = await em.query(
        `INSERT INTO bti_case ("municipalityId", "unitId", "clusterId", "childId", "reporterId", status, level, "createdAt")
         VALUES ($1, $2, $3, $4, $5, 'discovered', 0, $6) RETURNING reference`,
        [m.id, m.unitId, m.clusterId, child.id, m.userId, createdAt],
      );
      return c.reference as string;
    });
  }

  it('concurrent POST /cases get distinct references of the creation year; the case, the list and a later read carry it', async () => {
    const units = await unitIds(t);
    const staff = await t.auth('kari.ansatt');
    const created = await Promise.all(
      Array.from({ length: 12 }, () => t.http.post('/api/v1/cases').set(staff).send(concernBody(units['solsiden-bhg'])).expect(201)),
    );
    const references = created.map((r) => r.body.reference as string);
    expect(new Set(references).size).toBe(12);
    const year = osloYear(new Date());
    for (const reference of references) expect(reference).toMatch(new RegExp(`^BTI-${year}-\\d{4,}$`));

    const one = created[0].body;
    expect((await t.http.get(`/api/v1/cases/${one.id}`).set(staff).expect(200)).body.reference).toBe(one.reference);
    const listed = await t.http.get('/api/v1/cases?pageSize=100').set(staff).expect(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === one.id).reference).toBe(one.reference);

    const [{ duplicates }] = await ds.query(
      `SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM bti_case GROUP BY "municipalityId", reference HAVING count(*) > 1) d`,
    );
    expect(duplicates).toBe(0);
  });

  it('each municipality and year counts on its own from 0001, also when its first cases are inserted at once', async () => {
    const tag = `r${Date.now()}`;
    const [a, b] = [await municipality(`${tag}a`), await municipality(`${tag}b`)];
    const [inA, inB] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => insertCase(a, '2031-06-01T10:00:00Z'))),
      Promise.all(Array.from({ length: 3 }, () => insertCase(b, '2031-06-01T10:00:00Z'))),
    ]);
    expect(inA.sort()).toEqual(['BTI-2031-0001', 'BTI-2031-0002', 'BTI-2031-0003', 'BTI-2031-0004', 'BTI-2031-0005', 'BTI-2031-0006']);
    expect(inB.sort()).toEqual(['BTI-2031-0001', 'BTI-2031-0002', 'BTI-2031-0003']);
    // The year is Oslo's: 23.30 UTC on New Year's Eve is already the next year in Oslo.
    expect(await insertCase(a, '2031-12-31T23:30:00Z')).toBe('BTI-2032-0001');
    expect(await insertCase(a, '2031-12-31T22:30:00Z')).toBe('BTI-2031-0007');
  });

  it("the API's role can neither draw numbers nor change a reference; a reference given on insert is replaced", async () => {
    const m = await municipality(`r${Date.now()}c`);
    const first = await insertCase(m, '2032-03-01T10:00:00Z');
    const sequence = `bti_case_ref_${m.id.replaceAll('-', '')}_2032`;
    const asApp = (sql: string, params: unknown[] = []) =>
      ds.transaction(async (em) => {
        await em.query('SET LOCAL ROLE bti_app');
        return em.query(sql, params);
      });
    await expect(asApp(`SELECT nextval($1::regclass)`, [sequence])).rejects.toThrow(/permission denied/);
    await expect(asApp(`SELECT setval($1::regclass, 1)`, [sequence])).rejects.toThrow(/permission denied/);
    await expect(ds.query(`UPDATE bti_case SET reference = 'BTI-2032-9999' WHERE "municipalityId" = $1`, [m.id])).rejects.toThrow(/never changes/);

    const [child] = await ds.query(`INSERT INTO child ("municipalityId", "firstName", "lastName", "birthDate") VALUES ($1, 'A', 'B', '2018-01-01') RETURNING id`, [m.id]);
    const [given] = await ds.query(
      `INSERT INTO bti_case ("municipalityId", "unitId", "clusterId", "childId", "reporterId", status, level, "createdAt", reference)
       VALUES ($1, $2, $3, $4, $5, 'discovered', 0, '2032-03-02T10:00:00Z', $6) RETURNING reference`,
      [m.id, m.unitId, m.clusterId, child.id, m.userId, first],
    );
    expect(given.reference).toBe('BTI-2032-0002');
  });
});
