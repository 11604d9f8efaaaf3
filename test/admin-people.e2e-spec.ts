import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { logConcern, unitIds } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(90_000);

/** DESIGN 12.7 and 12.8.5: people and roles, deactivation at once, the hand-over list and notice. */
describe('administration: people and roles', () => {
  let a: TestApp;
  let b: TestApp;
  let db: DataSource;
  let municipalityId: string;
  const name = (prefix: string) => `${prefix}.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    // The users these tests make are no demo users: they log in through the test issuer.
    a = await startTestApp({}, { login: 'test-issuer' });
    // A second API instance that trusts cached roles for a minute: only the identity statement can refuse.
    b = await startTestApp({ AUTH_PRINCIPAL_CACHE_MS: '60000' }, { login: 'test-issuer' });
    db = a.db;
    [{ id: municipalityId }] = await db.query(`SELECT id FROM municipality WHERE code = 'demo'`);
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  async function createStaff(unitCode: string): Promise<{ id: string; username: string }> {
    const admin = await a.auth('anne.admin');
    const username = name('lise');
    const created = await a.http.post('/api/v1/admin/users').set(admin).send({ username, displayName: 'Lise Larsen', email: `${username}@demo.bti.local` }).expect(201);
    const units = await unitIds(a);
    const granted = await a.http.post(`/api/v1/admin/users/${created.body.id}/roles`).set(admin).send({ role: 'staff', scopeType: 'unit', scopeId: units[unitCode] }).expect(201);
    expect(granted.body.roles).toEqual([{ role: 'staff', scopeType: 'unit', scopeId: units[unitCode] }]);
    return { id: created.body.id, username };
  }

  it('creates, finds, edits a user and grants and removes roles; each change is audited without personal data', async () => {
    const admin = await a.auth('anne.admin');
    const { id, username } = await createStaff('bakken-skole');
    const found = await a.http.get(`/api/v1/admin/users?q=${encodeURIComponent(username)}`).set(admin).expect(200);
    expect(found.body).toHaveLength(1);
    expect(found.body[0]).toMatchObject({ id, username, displayName: 'Lise Larsen', active: true });
    const units = await unitIds(a);
    const byUnit = await a.http.get(`/api/v1/admin/users?unitId=${units['bakken-skole']}&role=staff`).set(admin).expect(200);
    expect(byUnit.body.map((u: { id: string }) => u.id)).toContain(id);

    await a.http.patch(`/api/v1/admin/users/${id}`).set(admin).send({ displayName: 'Lise Larsen-Berg', externalSubject: `oid-${id}` }).expect(200);
    await a.http.post(`/api/v1/admin/users/${id}/roles`).set(admin).send({ role: 'team_member', scopeType: 'unit', scopeId: units['bakken-skole'], service: 'ppt' }).expect(201);
    await a.http.delete(`/api/v1/admin/users/${id}/roles`).set(admin).send({ role: 'team_member', scopeType: 'unit', scopeId: units['bakken-skole'] }).expect(204);
    await a.http.delete(`/api/v1/admin/users/${id}/roles`).set(admin).send({ role: 'team_member', scopeType: 'unit', scopeId: units['bakken-skole'] }).expect(404);

    const events: { action: string; detail: object }[] = await db.query(`SELECT action, detail FROM audit_event WHERE detail->'target'->>'id' = $1 ORDER BY id`, [id]);
    expect(events.map((e) => e.action)).toEqual(['admin.user.create', 'admin.role.grant', 'admin.user.update', 'admin.role.grant', 'admin.user.update', 'admin.role.revoke']);
    const text = JSON.stringify(events);
    expect(text).not.toContain('Lise');
    expect(text).not.toContain(username.split('.')[1] + '@');
    expect(events[2].detail).toMatchObject({ before: { displayName: 'endret', externalSubject: 'endret' }, after: { displayName: 'endret' } });
  });

  it('names each bad field, refuses a role in a wrong scope, and a taken username with 409', async () => {
    const admin = await a.auth('anne.admin');
    const bad = await a.http.post('/api/v1/admin/users').set(admin).send({ username: 'Har Mellomrom', displayName: '', email: 'ikke-epost', service: 'astrology' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['displayName', 'email', 'service', 'username']);
    const taken = await a.http.post('/api/v1/admin/users').set(admin).send({ username: 'kari.ansatt', displayName: 'X' }).expect(409);
    expect(taken.body.errors).toEqual([{ field: 'username', message: 'er i bruk fra før' }]);
    const { id } = await createStaff('solsiden-bhg');
    const wrong = await a.http.post(`/api/v1/admin/users/${id}/roles`).set(admin).send({ role: 'auditor', scopeType: 'unit', scopeId: randomUUID() }).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'scopeType', message: 'rollen gjelder for municipality' }]);
    const missing = await a.http.post(`/api/v1/admin/users/${id}/roles`).set(admin).send({ role: 'staff', scopeType: 'unit', scopeId: randomUUID() }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'scopeId', message: 'finnes ikke (aktiv) i kommunen' }]);
  });

  it('a deactivated user is refused at once by another API instance that has their roles cached', async () => {
    const { id, username } = await createStaff('solsiden-bhg');
    const own = await b.auth(username);
    await b.http.get('/api/v1/cases').set(own).expect(200); // instance b now caches the principal
    await a.http.patch(`/api/v1/admin/users/${id}`).set(await a.auth('anne.admin')).send({ active: false }).expect(200);
    const refused = await b.http.get('/api/v1/cases').set(own);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    // And a new login is refused (at an instance that has not cached them: the issuer's fresh token finds nobody).
    await a.http.get('/api/v1/me').set('Authorization', `Bearer ${await a.issuer!.tokenFor(username)}`).expect(401);
  });

  it('a removed role is refused at once by another API instance that has the caller\'s roles cached', async () => {
    const { id, username } = await createStaff('solsiden-bhg');
    const admin = await a.auth('anne.admin');
    const auditor = { role: 'auditor', scopeType: 'municipality', scopeId: municipalityId };
    await a.http.post(`/api/v1/admin/users/${id}/roles`).set(admin).send(auditor).expect(201);
    const own = await b.auth(username);
    await b.http.get('/api/v1/audit').set(own).expect(200); // instance b now caches staff + auditor for a minute
    await a.http.delete(`/api/v1/admin/users/${id}/roles`).set(admin).send(auditor).expect(204);
    const refused = await b.http.get('/api/v1/audit').set(own);
    expect(refused.status).toBe(403);
    // b has forgotten the cached roles: the role still held works, the removed one stays refused.
    await b.http.get('/api/v1/cases').set(own).expect(200);
    expect((await b.http.get('/api/v1/audit').set(own)).status).toBe(403);
  });

  it('lists what a deactivated coordinator must hand over and tells the unit leader', async () => {
    const { id, username } = await createStaff('solsiden-bhg');
    const created = await logConcern(a, username, 'solsiden-bhg');
    await a.http.put(`/api/v1/cases/${created.id}/assignee`).set(await a.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: id }).expect(200);

    const admin = await a.auth('anne.admin');
    const before = await a.http.get(`/api/v1/admin/users/${id}/responsibilities`).set(admin).expect(200);
    expect(before.body.items).toEqual([{ kind: 'case', id: created.id, caseId: created.id, unitId: created.unitId }]);

    await a.http.patch(`/api/v1/admin/users/${id}`).set(admin).send({ active: false }).expect(200);
    const notices = await a.http.get('/api/v1/notifications?pageSize=100').set(await a.auth('ola.leder')).expect(200);
    const notice = notices.body.items.find((n: { type: string; message: string }) => n.type === 'handover_needed' && n.message.startsWith(username));
    expect(notice?.message).toBe(`${username} er deaktivert. Åpne ansvar som må overføres: 1 saker som stafettholder, 0 oppgaver og 0 tiltak.`);
    // The list stays until the cases are handed over.
    expect((await a.http.get(`/api/v1/admin/users/${id}/responsibilities`).set(admin).expect(200)).body.items).toHaveLength(1);
  });

  it('only the own municipality’s admin: others 403, a user of another municipality 404', async () => {
    await a.http.get('/api/v1/admin/users').set(await a.auth('ola.leder')).expect(403);
    const [{ id: foreign }] = await db.query(
      `INSERT INTO app_user ("municipalityId", username, "displayName") SELECT id, $1, 'Fremmed' FROM municipality WHERE code = 'kristiansand' RETURNING id`,
      [name('fremmed')],
    );
    const admin = await a.auth('anne.admin');
    await a.http.patch(`/api/v1/admin/users/${foreign}`).set(admin).send({ active: false }).expect(404);
    await a.http.get(`/api/v1/admin/users/${foreign}/responsibilities`).set(admin).expect(404);
    await a.http.post(`/api/v1/admin/users/${foreign}/roles`).set(admin).send({ role: 'staff', scopeType: 'municipality', scopeId: municipalityId }).expect(404);
    expect((await db.query(`SELECT active FROM app_user WHERE id = $1`, [foreign]))[0].active).toBe(true);
  });
});
