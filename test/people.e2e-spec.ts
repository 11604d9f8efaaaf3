import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { logConcern, sendEvent, unitIds } from './harness/cases.js';

jest.setTimeout(60_000);

interface Person {
  id: string;
  name: string;
  roles: { role: string; unitName: string | null }[];
  service: string | null;
}

/** GET /people: whom a case may name, in the caller's municipality only (issue 25). */
describe('people directory', () => {
  let t: TestApp;
  let db: DataSource;
  const tag = randomUUID().slice(0, 8);
  let orjan: string;
  let foreign: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
    const units = await unitIds(t);
    const [demo] = await db.query(`SELECT "municipalityId" AS id FROM unit WHERE id = $1`, [units['solsiden-bhg']]);
    const user = async (municipalityId: string, name: string, role: string, scopeType: string, scopeId: string) => {
      const [u] = await db.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, $3) RETURNING id`, [municipalityId, `${tag}.${role}.${scopeType}`, name]);
      await db.query(`INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, $2, $3, $4)`, [u.id, role, scopeType, scopeId]);
      return u.id as string;
    };
    orjan = await user(demo.id, `Ørjan Åsheim ${tag}`, 'staff', 'unit', units['solsiden-bhg']);
    await user(demo.id, `Ørjan Revisor ${tag}`, 'auditor', 'municipality', demo.id);
    const [other] = await db.query(`INSERT INTO municipality (code, name, profile) VALUES ($1, 'Annen kommune', '{"routes":["own_unit"]}') RETURNING id`, [`people-${tag}`]);
    foreign = await user(other.id, `Ørjan Utenbys ${tag}`, 'tfa_coordinator', 'municipality', other.id);
  });
  afterAll(async () => t?.close());

  const people = async (username: string, query: Record<string, string> = {}) => {
    const res = await t.http.get('/api/v1/people').query(query).set(await t.auth(username));
    return res;
  };

  it('matches a name prefix case-insensitively with æøå, in the caller’s municipality, only people a case may name', async () => {
    const res = await people('kari.ansatt', { q: 'ørjan' });
    expect(res.status).toBe(200);
    const mine = (res.body.items as Person[]).filter((p) => p.name.endsWith(tag));
    // The auditor cannot be named in a case; the other municipality's coordinator is not ours.
    expect(mine).toEqual([{ id: orjan, name: `Ørjan Åsheim ${tag}`, roles: [{ role: 'staff', unitName: 'Solsiden barnehage' }], service: null }]);
    expect((res.body.items as Person[]).some((p) => p.id === foreign)).toBe(false);
    // A last name matches too, and upper case finds lower case.
    const byLast = (await people('kari.ansatt', { q: 'ÅSH' })).body.items as Person[];
    expect(byLast.map((p) => p.id)).toEqual([orjan]);
    // Only the start of a name: "sheim" is inside a word.
    expect(((await people('kari.ansatt', { q: 'sheim' })).body.items as Person[]).map((p) => p.id)).not.toContain(orjan);
  });

  it('shows name, roles and service only; filters by unit, role and service', async () => {
    const all = (await people('ola.leder')).body.items as Person[];
    for (const p of all) expect(Object.keys(p).sort()).toEqual(['id', 'name', 'roles', 'service']);
    const names = all.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Kari Ansatt', 'Ola Leder', 'Per PPT', 'Tor TFA', 'Siri IKS']));
    expect(names.filter((n) => ['Eva Revisor', 'Lars Analytiker', 'Anne Admin'].includes(n))).toEqual([]);

    const units = await unitIds(t);
    const bakken = (await people('ola.leder', { unitId: units['bakken-skole'] })).body.items as Person[];
    // Other test files may add people to the shared database: every one listed works at Bakken.
    expect(bakken.map((p) => p.name)).toEqual(expect.arrayContaining(['Berit Leder', 'Nina Ansatt']));
    expect(bakken.map((p) => p.name)).not.toContain('Kari Ansatt');
    for (const p of bakken) expect(p.roles.map((r) => r.unitName)).toContain('Bakken skole');
    expect(bakken.find((p) => p.name === 'Berit Leder')!.roles).toEqual([{ role: 'unit_leader', unitName: 'Bakken skole' }]);

    const ppt = (await people('ola.leder', { service: 'ppt' })).body.items as Person[];
    expect(ppt).toContainEqual({ id: expect.any(String), name: 'Per PPT', service: 'ppt', roles: [{ role: 'team_member', unitName: 'Sentrum' }] });
    for (const p of ppt) expect(p.service).toBe('ppt');
    const tfa = (await people('ola.leder', { role: 'tfa_coordinator' })).body.items as Person[];
    expect(tfa.map((p) => p.name)).toContain('Tor TFA');
    for (const p of tfa) expect(p.roles.map((r) => r.role)).toContain('tfa_coordinator');
  });

  it('looks up the people a case names by id (the picker shows names, never ids)', async () => {
    const [kari, foreignRes] = [(await t.http.get('/api/v1/me').set(await t.auth('kari.ansatt'))).body.userId as string, foreign];
    const res = await people('ola.leder', { ids: `${kari},${orjan},${foreignRes}` });
    expect((res.body.items as Person[]).map((p) => p.name).sort()).toEqual(['Kari Ansatt', `Ørjan Åsheim ${tag}`]);
    expect((await people('ola.leder', { ids: 'kari' })).body.errors[0].field).toBe('ids');
  });

  it('the log names each author with name and role', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    expect((await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' })).status).toBe(200);
    const log = await t.http.get(`/api/v1/cases/${created.id}/log`).set(await t.auth('ola.leder')).expect(200);
    expect(log.body.items.map((e: { type: string; author: unknown }) => [e.type, e.author])).toEqual([
      ['concern_logged', { name: 'Kari Ansatt', role: 'staff', unitName: 'Solsiden barnehage' }],
      ['start_assessment', { name: 'Ola Leder', role: 'unit_leader', unitName: 'Solsiden barnehage' }],
    ]);
  });

  it('refuses callers who name nobody in a case, and bad filters by name', async () => {
    expect((await people('eva.revisor')).status).toBe(403);
    expect((await people('lars.analytiker')).status).toBe(403);
    const bad = await people('kari.ansatt', { unitId: 'solsiden', role: 'auditor' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['role', 'unitId']);
  });
});
