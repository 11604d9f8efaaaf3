import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(60_000);

/** DESIGN 12.7: a CSV import for municipalities without SCIM, dry run first, each row's result reported. */
describe('administration: CSV import of users', () => {
  let t: TestApp;
  let db: DataSource;
  const s = randomUUID().slice(0, 8);
  const csv = [
    'username;displayName;email;role;scopeType;scopeCode',
    `ny.${s};Nora Ny;ny.${s}@demo.bti.local;staff;unit;solsiden-bhg`,
    `leder.${s};Lars Leder;;unit_leader;unit;bakken-skole`,
    `Feil Navn;;ikke-epost;wizard;unit;solsiden-bhg`,
    `ukjent.${s};Ulla Ukjent;;staff;unit;finnes-ikke`,
    'kari.ansatt;Kari Ansatt;kari.ansatt@demo.bti.local;staff;unit;solsiden-bhg',
  ].join('\n');

  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
    // kari.ansatt has a login subject at the identity provider; a CSV row without one must keep it.
    await db.query(`UPDATE app_user SET "externalSubject" = COALESCE("externalSubject", 'idp|kari') WHERE username = 'kari.ansatt'`);
  });
  afterAll(() => t.close());

  const count = async () => (await db.query(`SELECT count(*)::int AS n FROM app_user WHERE username LIKE $1`, [`%.${s}`]))[0].n;

  it('a dry run reports every row and changes nothing', async () => {
    const res = await t.http.post('/api/v1/admin/users/import').set(await t.auth('anne.admin')).send({ csv }).expect(200);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.rows.map((r: { line: number; result: string }) => [r.line, r.result])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'error'],
      [5, 'error'],
      [6, 'unchanged'],
    ]);
    expect([...new Set(res.body.rows[2].errors.map((e: { field: string }) => e.field))].sort()).toEqual(['displayName', 'email', 'role', 'username']);
    expect(res.body.rows[3].errors).toEqual([{ field: 'scopeCode', message: 'ingen enhet med den koden' }]);
    expect(await count()).toBe(0);
  });

  it('the real run does what the dry run said, row by row', async () => {
    const res = await t.http.post('/api/v1/admin/users/import').set(await t.auth('anne.admin')).send({ csv, dryRun: false }).expect(200);
    expect(res.body.rows.map((r: { result: string }) => r.result)).toEqual(['created', 'created', 'error', 'error', 'unchanged']);
    expect(await count()).toBe(2);
    const roles = await db.query(
      `SELECT r.role, un.code FROM role_assignment r JOIN app_user u ON u.id = r."userId" JOIN unit un ON un.id = r."scopeId" WHERE u.username = $1`,
      [`leder.${s}`],
    );
    expect(roles).toEqual([{ role: 'unit_leader', code: 'bakken-skole' }]);
    // Again: nothing left to do.
    const again = await t.http.post('/api/v1/admin/users/import').set(await t.auth('anne.admin')).send({ csv, dryRun: false }).expect(200);
    expect(again.body.rows.map((r: { result: string }) => r.result)).toEqual(['unchanged', 'unchanged', 'error', 'error', 'unchanged']);
    expect((await db.query(`SELECT "externalSubject" FROM app_user WHERE username = 'kari.ansatt'`))[0].externalSubject).not.toBeNull();
  });

  it('refuses a file with unknown columns, and anyone but the admin', async () => {
    const res = await t.http.post('/api/v1/admin/users/import').set(await t.auth('anne.admin')).send({ csv: 'brukernavn;navn\na;b' }).expect(400);
    expect(res.body.errors[0].field).toBe('csv');
    await t.http.post('/api/v1/admin/users/import').set(await t.auth('ola.leder')).send({ csv }).expect(403);
  });
});
