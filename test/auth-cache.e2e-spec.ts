import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { waitFor } from './harness/worker.js';

jest.setTimeout(60_000);

/**
 * The API caches a caller's roles for AUTH_PRINCIPAL_CACHE_MS (README: the revocation lag). A
 * removed role must stop working once that time has passed, and at once when the cache is off.
 */
describe('role cache and revocation', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  /** A fresh auditor of the demo municipality; returns its role row id. */
  async function auditor(t: TestApp): Promise<{ username: string; roleId: string }> {
    const db = t.db;
    const username = `cache-${randomUUID().slice(0, 8)}`;
    const [{ id: municipalityId }] = await db.query(`SELECT "municipalityId" AS id FROM app_user WHERE username = 'eva.revisor'`);
    const [user] = await db.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, $2) RETURNING id`, [municipalityId, username]);
    const [role] = await db.query(
      `INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, 'auditor', 'municipality', $2) RETURNING id`,
      [user.id, municipalityId],
    );
    return { username, roleId: role.id };
  }

  it('a removed role stops working once the cache time has passed', async () => {
    const t = await startTestApp({ AUTH_PRINCIPAL_CACHE_MS: '300' }, { login: 'test-issuer' });
    apps.push(t);
    const { username, roleId } = await auditor(t);
    await t.http.get('/api/v1/audit').set(await t.auth(username)).expect(200);
    await t.db.query(`DELETE FROM role_assignment WHERE id = $1`, [roleId]);
    const status = await waitFor(async () => {
      const res = await t.http.get('/api/v1/audit').set(await t.auth(username));
      return res.status === 403 && res.status;
    }, 10_000, 'the removed auditor role to be refused');
    expect(status).toBe(403);
  });

  it('with the cache off, a removed role is refused on the next request', async () => {
    const t = await startTestApp({ AUTH_PRINCIPAL_CACHE_MS: '0' }, { login: 'test-issuer' });
    apps.push(t);
    const { username, roleId } = await auditor(t);
    await t.http.get('/api/v1/audit').set(await t.auth(username)).expect(200);
    await t.db.query(`DELETE FROM role_assignment WHERE id = $1`, [roleId]);
    expect((await t.http.get('/api/v1/audit').set(await t.auth(username))).status).toBe(403);
  });
});
