import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { logConcern, userId } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(60_000);

/** The audit page's search by person (DESIGN 12.1, issue 26): names from the trail, never a pasted UUID. */
describe('GET /api/v1/audit/actors', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.db;
    await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
  });
  afterAll(() => t.close());

  const actors = async (q?: string) =>
    (await t.http.get(`/api/v1/audit/actors${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`).set(await t.auth('eva.revisor')).expect(200)).body.items as { id: string; name: string; username: string }[];

  it('finds people who appear in the trail by the start of a word of their name or their username; not those who never acted', async () => {
    const kari = await userId(t, 'kari.ansatt');
    expect(await actors('kari')).toEqual([{ id: kari, name: 'Kari Ansatt', username: 'kari.ansatt' }]);
    expect((await actors('ANS')).map((a) => a.username)).toContain('kari.ansatt');
    expect((await actors('kari.a')).map((a) => a.username)).toEqual(['kari.ansatt']);
    // A colleague who has never done anything is not in the trail.
    const [{ municipalityId }] = await ds.query(`SELECT "municipalityId" FROM app_user WHERE username = 'kari.ansatt'`);
    await ds.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, 'Zyxa Aldri')`, [municipalityId, `zyxa.${Date.now()}`]);
    expect(await actors('zyxa')).toEqual([]);
    expect((await actors()).length).toBeLessThanOrEqual(20);
  });

  it('the listing names each actor, and only the auditor may search', async () => {
    const page = (await t.http.get('/api/v1/audit?pageSize=5').set(await t.auth('eva.revisor')).expect(200)).body;
    expect(page.items.filter((i: { actorUsername: string }) => i.actorUsername === 'kari.ansatt').every((i: { actorName: string }) => i.actorName === 'Kari Ansatt')).toBe(true);
    for (const username of ['ola.leder', 'kari.ansatt', 'anne.admin']) await t.http.get('/api/v1/audit/actors?q=k').set(await t.auth(username)).expect(403);
    const long = await t.http.get(`/api/v1/audit/actors?q=${'x'.repeat(101)}`).set(await t.auth('eva.revisor')).expect(400);
    expect(long.body.errors.map((e: { field: string }) => e.field)).toEqual(['q']);
  });
});
