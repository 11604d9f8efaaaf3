import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(60_000);

/** DESIGN 12.7: the municipality's admin keeps its units and clusters; nobody else does. */
describe('administration: units and clusters', () => {
  let t: TestApp;
  let db: DataSource;
  let otherAdmin: string;
  const code = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await startTestApp({}, { login: 'test-issuer' }); // otherAdmin is no demo user
    db = t.db;
    // An admin of another municipality (Kristiansand).
    otherAdmin = code('adm');
    const [{ id: municipalityId }] = await db.query(`SELECT id FROM municipality WHERE code = 'kristiansand'`);
    const [user] = await db.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, 'Annen Admin') RETURNING id`, [municipalityId, otherAdmin]);
    await db.query(`INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, 'admin', 'municipality', $2)`, [user.id, municipalityId]);
  });
  afterAll(() => t.close());

  async function sentrumId(): Promise<string> {
    const res = await t.http.get('/api/v1/admin/clusters').set(await t.auth('anne.admin')).expect(200);
    return res.body.find((c: { code: string }) => c.code === 'sentrum').id;
  }

  it('creates, lists, edits and deactivates a unit; every change is an audit event with ids only', async () => {
    const admin = await t.auth('anne.admin');
    const clusterId = await sentrumId();
    const unitCode = code('lia-bhg');
    const created = await t.http
      .post('/api/v1/admin/units')
      .set(admin)
      .send({ code: unitCode, name: 'Lia barnehage', kind: 'kindergarten', clusterId, address: { line1: 'Liavegen 3', postalCode: '4600' }, organisationNumber: '974600951' })
      .expect(201);
    expect(created.body).toMatchObject({ code: unitCode, kind: 'kindergarten', clusterId, organisationNumber: '974600951', active: true });
    const id = created.body.id;

    const list = await t.http.get('/api/v1/admin/units').set(admin).expect(200);
    expect(list.body.map((u: { id: string }) => u.id)).toContain(id);

    const edited = await t.http.patch(`/api/v1/admin/units/${id}`).set(admin).send({ name: 'Lia naturbarnehage', kind: 'kindergarten' }).expect(200);
    expect(edited.body).toMatchObject({ name: 'Lia naturbarnehage', active: true });
    const off = await t.http.patch(`/api/v1/admin/units/${id}`).set(admin).send({ active: false }).expect(200);
    expect(off.body.active).toBe(false);
    // Deactivated, not deleted.
    expect((await db.query(`SELECT active FROM unit WHERE id = $1`, [id]))[0].active).toBe(false);
    const inactive = await t.http.get('/api/v1/admin/units?active=false').set(admin).expect(200);
    expect(inactive.body.map((u: { id: string }) => u.id)).toContain(id);

    const events = await db.query(`SELECT action, detail FROM audit_event WHERE detail->'target'->>'id' = $1 ORDER BY id`, [id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['admin.unit.create', 'admin.unit.update', 'admin.unit.update']);
    expect(events[2].detail).toMatchObject({ target: { type: 'unit', id }, before: { active: true }, after: { active: false } });

    // The auditor sees them.
    const audit = await t.http.get(`/api/v1/audit?actorId=${(await db.query(`SELECT id FROM app_user WHERE username = 'anne.admin'`))[0].id}&pageSize=500`).set(await t.auth('eva.revisor')).expect(200);
    const seen = audit.body.items.filter((e: { detail: { target?: { id?: string } } | null }) => e.detail?.target?.id === id);
    expect(seen).toHaveLength(3);
  });

  it('names every bad field in a 400 problem document', async () => {
    const res = await t.http
      .post('/api/v1/admin/units')
      .set(await t.auth('anne.admin'))
      .send({ code: 'Ugyldig Kode', name: '', kind: 'castle', clusterId: 'nope', organisationNumber: '12' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(expect.arrayContaining(['clusterId', 'code', 'kind', 'name', 'organisationNumber']));
  });

  it('refuses a cluster of another municipality as bad input, and a taken code with 409', async () => {
    const admin = await t.auth('anne.admin');
    const [{ id: foreignCluster }] = await db.query(`SELECT c.id FROM cluster c JOIN municipality m ON m.id = c."municipalityId" WHERE m.code <> 'demo' LIMIT 1`).then(
      (rows: { id: string }[]) => (rows.length ? rows : db.query(`INSERT INTO cluster ("municipalityId", code, name) SELECT id, 'ks-vest', 'Vest' FROM municipality WHERE code = 'kristiansand' RETURNING id`)),
    );
    const bad = await t.http.post('/api/v1/admin/units').set(admin).send({ code: code('x'), name: 'X', kind: 'other', clusterId: foreignCluster }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'clusterId', message: 'finnes ikke i kommunen' }]);
    const taken = await t.http.post('/api/v1/admin/units').set(admin).send({ code: 'solsiden-bhg', name: 'X', kind: 'other', clusterId: await sentrumId() }).expect(409);
    expect(taken.body.errors).toEqual([{ field: 'code', message: 'er i bruk fra før' }]);
  });

  it('creates and deactivates clusters; a cluster with active units stays active', async () => {
    const admin = await t.auth('anne.admin');
    const created = await t.http.post('/api/v1/admin/clusters').set(admin).send({ code: code('nord'), name: 'Nordbyen' }).expect(201);
    await t.http.patch(`/api/v1/admin/clusters/${created.body.id}`).set(admin).send({ active: false }).expect(200);
    const busy = await t.http.patch(`/api/v1/admin/clusters/${await sentrumId()}`).set(admin).send({ active: false }).expect(409);
    expect(busy.body.code).toBe('CLUSTER_HAS_UNITS');
    // A unit cannot join a deactivated cluster.
    const res = await t.http.post('/api/v1/admin/units').set(admin).send({ code: code('y'), name: 'Y', kind: 'other', clusterId: created.body.id }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'clusterId', message: 'klyngen er deaktivert' }]);
  });

  it('only the municipality’s own admin: others get 403, another municipality’s admin 404', async () => {
    await t.http.get('/api/v1/admin/units').set(await t.auth('ola.leder')).expect(403);
    await t.http.post('/api/v1/admin/clusters').set(await t.auth('eva.revisor')).send({ code: code('z'), name: 'Z' }).expect(403);
    const [{ id: solsiden }] = await db.query(`SELECT id FROM unit WHERE code = 'solsiden-bhg'`);
    const other = await t.auth(otherAdmin);
    await t.http.patch(`/api/v1/admin/units/${solsiden}`).set(other).send({ name: 'Kapret' }).expect(404);
    const theirs = await t.http.get('/api/v1/admin/units').set(other).expect(200);
    expect(theirs.body.map((u: { id: string }) => u.id)).not.toContain(solsiden);
  });
});
