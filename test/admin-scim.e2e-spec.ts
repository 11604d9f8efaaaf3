import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { unitIds } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(60_000);

const SCIM = 'application/scim+json';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** SCIM 2.0 as Microsoft Entra ID provisions an enterprise application (DESIGN 12.7, 12.8.4). */
describe('administration: SCIM provisioning', () => {
  let t: TestApp;
  let db: DataSource;
  let token: string;
  let tokenId: string;
  const upn = `lise.${randomUUID().slice(0, 8)}@demo.kommune.no`;
  const oid = randomUUID();
  const scim = (method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, bearer = token) =>
    t.http[method](`/scim/v2${path}`).set('Authorization', `Bearer ${bearer}`).set('Content-Type', SCIM);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
    const made = await t.http.post('/api/v1/admin/scim-tokens').set(await t.auth('anne.admin')).expect(201);
    ({ token, id: tokenId } = made.body);
    expect(token).toMatch(/^scim_/);
  });
  afterAll(() => t.close());

  it('stores only the token’s hash, and refuses requests without a valid token', async () => {
    const [row] = await db.query(`SELECT "tokenHash" FROM scim_token WHERE id = $1`, [tokenId]);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    await scim('get', '/Users', 'scim_not-a-token').expect(401);
    await t.http.get('/scim/v2/Users').expect(401);
    await t.http.post('/api/v1/admin/scim-tokens').set(await t.auth('ola.leder')).expect(403);
  });

  it('creates a user, finds it by filter=userName eq, deactivates it with PATCH Operations, maps a group to a role', async () => {
    // Entra: is the user there already?
    const lookup = await scim('get', `/Users?filter=${encodeURIComponent(`userName eq "${upn}"`)}`).expect(200);
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim('post', '/Users')
      .send({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
        externalId: oid,
        userName: upn,
        active: true,
        displayName: 'Lise Larsen',
        emails: [{ primary: true, type: 'work', value: upn }],
        meta: { resourceType: 'User' },
        name: { formatted: 'Lise Larsen', familyName: 'Larsen', givenName: 'Lise' },
      })
      .expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ userName: upn, externalId: oid, active: true });
    // 12.8.4: the login matches externalSubject, which SCIM sets from externalId.
    expect((await db.query(`SELECT "externalSubject", active FROM app_user WHERE id = $1`, [id]))[0]).toEqual({ externalSubject: oid, active: true });

    const found = await scim('get', `/Users?filter=${encodeURIComponent(`userName eq "${upn}"`)}`).expect(200);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);
    await scim('post', '/Users').send({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: upn, active: true }).expect(409);

    // Group: the admin maps it by name; Entra creates it and adds the member.
    const units = await unitIds(t);
    const groupName = `BTI Solsiden ${randomUUID().slice(0, 6)}`;
    await t.http.put('/api/v1/admin/scim-groups').set(await t.auth('anne.admin')).send({ displayName: groupName, role: 'staff', scopeType: 'unit', scopeId: units['solsiden-bhg'] }).expect(200);
    const group = await scim('post', '/Groups').send({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: groupName, externalId: randomUUID(), members: [] }).expect(201);
    await scim('patch', `/Groups/${group.body.id}`)
      .send({ schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: [{ value: id }] }] })
      .expect((res) => expect([200, 204]).toContain(res.status));
    const roles = async () => db.query(`SELECT role, "scopeType", "scopeId" FROM role_assignment WHERE "userId" = $1`, [id]);
    expect(await roles()).toEqual([{ role: 'staff', scopeType: 'unit', scopeId: units['solsiden-bhg'] }]);
    await scim('patch', `/Groups/${group.body.id}`)
      .send({ schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: `members[value eq "${id}"]` }] })
      .expect((res) => expect([200, 204]).toContain(res.status));
    expect(await roles()).toEqual([]);

    // Entra disables the account.
    const patched = await scim('patch', `/Users/${id}`).send({ schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: false }] });
    expect([200, 204]).toContain(patched.status);
    expect((await db.query(`SELECT active FROM app_user WHERE id = $1`, [id]))[0].active).toBe(false);

    const events = await db.query(`SELECT action FROM audit_event WHERE detail->'target'->>'id' = $1 AND purpose = 'scim-provisjonering' ORDER BY id`, [id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['admin.user.create', 'admin.user.update']);
  });

  it('a PUT that leaves out externalId and active keeps them: the login subject stays, a deactivated user stays deactivated', async () => {
    const name = `per.${randomUUID().slice(0, 8)}@demo.kommune.no`;
    const subject = randomUUID();
    const made = await scim('post', '/Users').send({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], externalId: subject, userName: name, active: false }).expect(201);
    await scim('put', `/Users/${made.body.id}`).send({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: name, displayName: 'Per Pettersen' }).expect(200);
    expect((await db.query(`SELECT "externalSubject", active, "displayName" FROM app_user WHERE id = $1`, [made.body.id]))[0]).toEqual({
      externalSubject: subject,
      active: false,
      displayName: 'Per Pettersen',
    });
  });

  it('a revoked token stops working', async () => {
    const admin = await t.auth('anne.admin');
    const other = await t.http.post('/api/v1/admin/scim-tokens').set(admin).expect(201);
    await scim('get', '/Users?count=1', other.body.token).expect(200);
    await t.http.delete(`/api/v1/admin/scim-tokens/${other.body.id}`).set(admin).expect(204);
    await scim('get', '/Users?count=1', other.body.token).expect(401);
  });

  it('a token whose maker may no longer manage the users (admin.users) stops working', async () => {
    const admin = await t.auth('anne.admin');
    const made = await t.http.post('/api/v1/admin/scim-tokens').set(admin).expect(201);
    await scim('get', '/Users?count=1', made.body.token).expect(200);
    // As if the maker had been a staff member all along: the permission table's rule, not the token, decides.
    await db.query(`UPDATE scim_token SET "createdBy" = (SELECT id FROM app_user WHERE username = 'kari.ansatt') WHERE id = $1`, [made.body.id]);
    await scim('get', '/Users?count=1', made.body.token).expect(401);
  });
});
