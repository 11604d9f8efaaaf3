import { jest } from '@jest/globals';
import { logConcern } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(60_000);

interface AuditPage {
  items: { id: string; action: string }[];
  total: number;
  page: number;
  pageSize: number;
  nextCursor: string | null;
}

/** Keyset paging of the audit listing (`cursor` / `nextCursor`), beside page numbers. */
describe('audit listing: keyset paging', () => {
  let t: TestApp;
  let caseId: string;
  const list = async (query: string) => t.http.get(`/api/v1/audit?caseId=${caseId}&${query}`).set(await t.auth('eva.revisor'));

  beforeAll(async () => {
    t = await startTestApp();
    caseId = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
    for (let i = 0; i < 6; i++) await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('ola.leder')).expect(200);
  });
  afterAll(() => t.close());

  it('following nextCursor walks every row once, newest first, the same rows as page numbers give; the last page has none', async () => {
    const all = (await list('pageSize=100')).body as AuditPage;
    expect(all.total).toBe(7); // case.create + six reads
    expect(all.items.map((r) => r.action)).toEqual([...Array(6).fill('case.read'), 'case.create']);
    expect(all.nextCursor).toBeNull();

    const walked: string[] = [];
    let res = await list('pageSize=3');
    for (;;) {
      expect(res.status).toBe(200);
      const body = res.body as AuditPage;
      expect(body.total).toBe(7);
      walked.push(...body.items.map((r) => r.id));
      if (!body.nextCursor) break;
      res = await list(`pageSize=3&cursor=${body.nextCursor}`);
    }
    expect(walked).toEqual(all.items.map((r) => r.id));

    const byNumber = [1, 2, 3].map(async (page) => ((await list(`pageSize=3&page=${page}`)).body as AuditPage).items.map((r) => r.id));
    expect((await Promise.all(byNumber)).flat()).toEqual(walked);
    expect(((await list('pageSize=3&page=2')).body as AuditPage).nextCursor).toEqual(expect.any(String));
    expect(((await list('pageSize=3&page=3')).body as AuditPage).nextCursor).toBeNull();
  });

  it('the total is counted up to 1 000 and says when more rows match (totalCapped); under it, exact', async () => {
    expect(((await list('pageSize=3')).body as AuditPage & { totalCapped: boolean }).totalCapped).toBe(false);
    const busy = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
    await t.db.query(
      `INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, "caseId", at, "requestId", purpose)
       SELECT e."municipalityId", e."actorId", e."actorUsername", 'case.read', e."caseId", now(), 'paging-cap-' || g, e.purpose
         FROM (SELECT * FROM audit_event WHERE "caseId" = $1 LIMIT 1) e, generate_series(1, 1000) g`,
      [busy],
    );
    const res = await t.http.get(`/api/v1/audit?caseId=${busy}&pageSize=20`).set(await t.auth('eva.revisor')).expect(200);
    expect([res.body.total, res.body.totalCapped, res.body.items.length]).toEqual([1000, true, 20]);
  });

  it('a cursor that nextCursor never gave is a 400 naming `cursor`', async () => {
    for (const bad of ['not*base64', Buffer.from('a0').toString('base64url'), Buffer.from('b123').toString('base64url'), Buffer.from("a1' OR 1=1").toString('base64url'), 'x'.repeat(41)]) {
      const res = await list(`cursor=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
    }
  });

  it('the OpenAPI document describes cursor and nextCursor', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const params = doc.paths['/api/v1/audit'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toContain('cursor');
    expect(doc.components.schemas.AuditListResponse.properties.nextCursor).toMatchObject({ nullable: true, type: 'string' });
  });
});
