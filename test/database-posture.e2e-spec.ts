import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { LOGIN_POSTURE_SQL, loginRefusal, type LoginPosture } from '@app/persistence';
// @ts-expect-error: plain ESM script without type declarations
import { ensureDatabaseRoles, loginUrl } from '../scripts/database-roles.mjs';
// @ts-expect-error: plain ESM script without type declarations
import { startPostgres, throwawayDir } from '../scripts/embedded-services.mjs';
import { assertFreshBuild } from './harness/build.js';
import { logConcern } from './harness/cases.js';
import { logins, startTestApp, testEnv, type TestApp } from './harness/test-app.js';

import { jest } from '@jest/globals';

jest.setTimeout(120_000);

/**
 * The database's own defence (issue 28, DESIGN 12.3), seen from the API's and the worker's logins
 * as they connect in production: what they are, what they may not become, what they cannot read
 * or write. The application's rules are tested elsewhere; here nothing goes through the app.
 */
describe('database posture: the API’s and the worker’s logins', () => {
  let t: TestApp;
  let api: pg.Client;
  let worker: pg.Client;
  let kari: { id: string; municipalityId: string };
  let kariCase: string;
  let otherMunicipality: string;

  const connect = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  };
  /** `sql` as `client` in a transaction that is rolled back; with `identity`, as the API sets it. */
  async function as<T = Record<string, unknown>>(client: pg.Client, sql: string, params: unknown[] = [], identity?: { id: string; municipalityId: string }): Promise<T[]> {
    await client.query('BEGIN');
    try {
      if (identity) await client.query(`SELECT set_config('bti.user_id', $1, true), set_config('bti.municipality_id', $2, true)`, [identity.id, identity.municipalityId]);
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.query('ROLLBACK');
    }
  }
  const count = async (client: pg.Client, table: string, identity?: { id: string; municipalityId: string }) =>
    Number((await as<{ n: string }>(client, `SELECT count(*) AS n FROM "${table}"`, [], identity))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    [api, worker] = await Promise.all([connect(logins.api), connect(logins.worker)]);
    [kari] = await t.db.query(`SELECT id, "municipalityId" FROM app_user WHERE username = 'kari.ansatt'`);
    kariCase = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
    [{ id: otherMunicipality }] = await t.db.query(`SELECT id FROM municipality WHERE id <> $1 ORDER BY code LIMIT 1`, [kari.municipalityId]);
    // A notification each for Ola and Kari.
    await t.db.query(
      `INSERT INTO notification ("recipientId", type, "caseId", message) SELECT id, 'posture_test', $1, 'x' FROM app_user WHERE username IN ('ola.leder', 'kari.ansatt')`,
      [kariCase],
    );
  });
  afterAll(async () => {
    await Promise.all([api?.end(), worker?.end()]);
    await t?.close();
  });

  describe.each([
    ['API', 'bti_api', () => api],
    ['worker', 'bti_worker', () => worker],
  ])('the %s’s login', (_who, login, client) => {
    it('is not a superuser, has no BYPASSRLS and owns nothing (and can become no owner)', async () => {
      const [posture] = await as<LoginPosture>(client(), LOGIN_POSTURE_SQL);
      expect(posture).toEqual({ login, superuser: false, bypassRls: false, owns: null, ownsSchema: false });
      expect(loginRefusal(posture)).toBeNull();
    });

    it('cannot SET ROLE to the owner', async () => {
      await expect(as(client(), 'SET LOCAL ROLE bti_owner')).rejects.toThrow(/permission denied to set role "bti_owner"/);
    });

    it('can neither change nor delete a log entry or an audit row', async () => {
      const identity = login === 'bti_api' ? kari : undefined;
      for (const sql of [
        `UPDATE case_log_entry SET text = 'endret'`,
        `DELETE FROM case_log_entry`,
        `UPDATE audit_event SET purpose = 'endret'`,
        `DELETE FROM audit_event`,
        `TRUNCATE audit_event`,
        `DELETE FROM audit_seal`,
      ]) {
        await expect(as(client(), sql, [], identity)).rejects.toThrow(/permission denied/);
      }
    });
  });

  describe('the API’s login, with an identity', () => {
    it('sees no row of a table with case or person data without an identity (the superuser sees them)', async () => {
      for (const table of ['bti_case', 'child', 'concern', 'case_log_entry', 'scheduled_reminder', 'audit_event', 'notification']) {
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "${table}"`);
        expect([table, n > 0, await count(api, table)]).toEqual([table, true, 0]);
      }
      for (const table of ['consent', 'child_voice', 'child_welfare_report', 'measure', 'measure_evaluation', 'case_task', 'iks_referral', 'iks_competence_order', 'notification_setting', 'notification_delivery', 'mail_digest']) {
        expect([table, await count(api, table)]).toEqual([table, 0]);
      }
    });

    it('sees the caller’s case and nothing of it without the identity', async () => {
      expect((await as(api, `SELECT id FROM bti_case WHERE id = $1`, [kariCase], kari)).length).toBe(1);
      expect((await as(api, `SELECT id FROM bti_case WHERE id = $1`, [kariCase])).length).toBe(0);
    });

    it('cannot write a case into another municipality, nor move one there', async () => {
      // A copy of the caller's own case with another municipality (INSERT without RETURNING: only WITH CHECK applies).
      const copy = `INSERT INTO bti_case SELECT (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(), 'municipalityId', $2::uuid))).* FROM bti_case c WHERE c.id = $1`;
      await expect(as(api, copy, [kariCase, otherMunicipality], kari)).rejects.toThrow(/new row violates row-level security policy for table "bti_case"/);
      await expect(as(api, `UPDATE bti_case SET "municipalityId" = $2 WHERE id = $1`, [kariCase, otherMunicipality], kari)).rejects.toThrow(
        /new row violates row-level security policy/,
      );
    });

    it('cannot write a row for a case of another municipality', async () => {
      const other = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
      await t.db.query(`UPDATE bti_case SET "municipalityId" = $2 WHERE id = $1`, [other, otherMunicipality]);
      try {
        await expect(
          as(api, `INSERT INTO case_log_entry ("caseId", type, "actorId", text, data) VALUES ($1, 'note', $2, 'x', '{}')`, [other, kari.id], kari),
        ).rejects.toThrow(/new row violates row-level security policy for table "case_log_entry"/);
        await expect(
          as(api, `INSERT INTO scheduled_reminder ("jobId", "caseId", kind, "subjectId", recipient, "dueAt", status) VALUES ('x', $1, 'k', 's', 'r', now(), 'pending')`, [other], kari),
        ).rejects.toThrow(/new row violates row-level security policy for table "scheduled_reminder"/);
      } finally {
        await t.db.query(`UPDATE bti_case SET "municipalityId" = $2 WHERE id = $1`, [other, kari.municipalityId]);
      }
    });

    it('writes audit rows only as the caller, and reads none unless the caller is an auditor', async () => {
      const insert = `INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, at, "requestId", purpose) VALUES ($1, $2, 'x', 'test', now(), 'r', 'p')`;
      const [eva] = await t.db.query(`SELECT id, "municipalityId" FROM app_user WHERE username = 'eva.revisor'`);
      await expect(as(api, insert, [kari.municipalityId, eva.id], kari)).rejects.toThrow(/row-level security policy for table "audit_event"/);
      await expect(as(api, insert, [otherMunicipality, kari.id], kari)).rejects.toThrow(/row-level security policy for table "audit_event"/);
      await as(api, insert, [kari.municipalityId, kari.id], kari);
      expect(await count(api, 'audit_event', kari)).toBe(0);
      expect(await count(api, 'audit_event', eva)).toBeGreaterThan(0);
    });

    it('reads only the caller’s own notifications and setting', async () => {
      const [ola] = await t.db.query(`SELECT id, "municipalityId" FROM app_user WHERE username = 'ola.leder'`);
      const mine = await as<{ recipientId: string }>(api, `SELECT "recipientId" FROM notification`, [], ola);
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(mine.map((n) => n.recipientId))).toEqual(new Set([ola.id]));
      await expect(as(api, `INSERT INTO notification_setting ("userId", "emailMode") VALUES ($1, 'immediate')`, [ola.id], kari)).rejects.toThrow(
        /row-level security policy for table "notification_setting"/,
      );
    });
  });

  describe('the worker’s login', () => {
    it('sees a case only while the case has reminders, and only moves it to evaluating', async () => {
      expect((await as(worker, `SELECT id FROM bti_case WHERE id = $1`, [kariCase])).length).toBe(1);
      const [quiet] = await t.db.query(`SELECT c.id FROM bti_case c WHERE NOT EXISTS (SELECT 1 FROM scheduled_reminder r WHERE r."caseId" = c.id) LIMIT 1`);
      if (quiet) expect((await as(worker, `SELECT id FROM bti_case WHERE id = $1`, [quiet.id])).length).toBe(0);
      await expect(as(worker, `UPDATE bti_case SET status = 'closed' WHERE id = $1`, [kariCase])).rejects.toThrow(/row-level security policy for table "bti_case"/);
      await expect(as(worker, `UPDATE bti_case SET "unitId" = "unitId" WHERE id = $1`, [kariCase])).rejects.toThrow(/permission denied/);
    });

    it('writes log entries and audit rows only as the system, and no notification outside a reminder', async () => {
      await expect(
        as(worker, `INSERT INTO case_log_entry ("caseId", type, "actorId", text, data) VALUES ($1, 'note', $2, 'x', '{}')`, [kariCase, kari.id]),
      ).rejects.toThrow(/row-level security policy for table "case_log_entry"/);
      await expect(
        as(worker, `INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, at, "requestId", purpose) VALUES ($1, $2, 'kari.ansatt', 'x', now(), 'r', 'p')`, [
          kari.municipalityId,
          kari.id,
        ]),
      ).rejects.toThrow(/row-level security policy for table "audit_event"/);
      await expect(as(worker, `INSERT INTO notification ("recipientId", type, "caseId", message) VALUES ($1, 'x', $2, 'x')`, [kari.id, kariCase])).rejects.toThrow(
        /row-level security policy for table "notification"/,
      );
    });

    it('cannot read the child, the concern or the report document', async () => {
      for (const table of ['child', 'concern', 'child_voice']) await expect(as(worker, `SELECT 1 FROM "${table}"`)).rejects.toThrow(/permission denied/);
    });
  });

  it('default privileges give nobody anything on tables and sequences the owner creates later', async () => {
    const defaults = await t.db.query(
      `SELECT pg_get_userbyid(d.defaclrole) AS owner, d.defaclobjtype AS kind, a.grantee::regrole::text AS grantee, a.privilege_type AS privilege
       FROM pg_default_acl d, aclexplode(d.defaclacl) a WHERE a.grantee <> d.defaclrole`,
    );
    expect(defaults).toEqual([]);
  });
});

describe('the API and the worker refuse to start on a login that can bypass row-level security', () => {
  let bypassUrl: string;
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bti_test_bypass') THEN CREATE ROLE bti_test_bypass LOGIN BYPASSRLS PASSWORD 'bypass'; END IF; END $$`);
    await admin.query(`GRANT CONNECT ON DATABASE "${new URL(process.env.DATABASE_URL!).pathname.slice(1)}" TO bti_test_bypass`);
    await admin.end();
    bypassUrl = loginUrl(process.env.DATABASE_URL!, 'bti_test_bypass', 'bypass');
  });

  it.each([
    ['api', 'superuser', () => process.env.DATABASE_URL!, /^API-et nekter å starte: databaseinnloggingen «postgres» er superbruker/],
    ['worker', 'superuser', () => process.env.DATABASE_URL!, /^Workeren nekter å starte: databaseinnloggingen «postgres» er superbruker/],
    ['api', 'BYPASSRLS', () => bypassUrl, /^API-et nekter å starte: databaseinnloggingen «bti_test_bypass» har BYPASSRLS/],
    ['worker', 'owner’s member', () => logins.migrator, /^Workeren nekter å starte: databaseinnloggingen «bti_migrator» eier \(eller kan bli eier av\) tabeller: app_user/],
    ['api', 'API’s own', () => logins.worker, null],
  ])('the built %s on a %s login', (app, _kind, url, line) => {
    assertFreshBuild(app as 'api' | 'worker');
    const main = path.join(process.cwd(), `dist/apps/${app}/apps/${app}/src/main.js`);
    // REDIS_URL points nowhere: a login that passes the check goes on to start (and is stopped by the timeout).
    const run = spawnSync(process.execPath, [main], {
      env: { ...testEnv({ DATABASE_URL: url(), REDIS_URL: 'redis://127.0.0.1:1' }), PATH: process.env.PATH },
      encoding: 'utf8',
      timeout: line ? 25_000 : 10_000,
      killSignal: 'SIGKILL',
    });
    if (line) {
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(line);
    } else {
      expect(run.stderr).not.toMatch(/nekter å starte/);
    }
  });
});

describe('docker/initdb/10-bti-roles.sql (the compose file’s) on a fresh embedded PostgreSQL', () => {
  it('makes the roles, and migrations as the migrator leave everything owned by bti_owner; running it again changes nothing', async () => {
    const pgServer = await startPostgres({ dataDir: path.join(throwawayDir('bti-roles'), 'pg'), persistent: false });
    try {
      const urls = await ensureDatabaseRoles(pgServer.url, { migrator: 'm', api: 'a', worker: 'w' });
      const admin = new pg.Client({ connectionString: pgServer.url });
      await admin.connect();
      try {
        const roles = async () =>
          (
            await admin.query(
              `SELECT rolname, rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname LIKE 'bti\\_%' ORDER BY rolname`,
            )
          ).rows;
        const expected = ['bti_api', 'bti_app', 'bti_migrator', 'bti_owner', 'bti_worker'].map((rolname) => ({
          rolname,
          rolcanlogin: !['bti_app', 'bti_owner'].includes(rolname),
          rolsuper: false,
          rolbypassrls: false,
          rolcreaterole: false,
          rolcreatedb: false,
        }));
        expect(await roles()).toEqual(expected);
        const member = async (role: string, of: string) => (await admin.query(`SELECT pg_has_role($1, $2, 'MEMBER') AS m`, [role, of])).rows[0].m;
        expect([await member('bti_migrator', 'bti_owner'), await member('bti_api', 'bti_app'), await member('bti_api', 'bti_owner'), await member('bti_worker', 'bti_app')]).toEqual([
          true,
          true,
          false,
          false,
        ]);

        const migrate = spawnSync(process.execPath, ['dist/apps/api/apps/api/src/cli.js', 'migrate'], {
          env: { PATH: process.env.PATH, MIGRATION_DATABASE_URL: urls.migrator },
          encoding: 'utf8',
          timeout: 90_000,
        });
        expect(migrate.stderr).toBe('');
        expect(migrate.status).toBe(0);
        const owners = (
          await admin.query(
            `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'v', 'i')`,
          )
        ).rows;
        expect(owners).toEqual([{ owner: 'bti_owner' }]);

        await ensureDatabaseRoles(pgServer.url, { migrator: 'm', api: 'a', worker: 'w' });
        expect(await roles()).toEqual(expected);
        const apiLogin = new pg.Client({ connectionString: urls.api });
        await apiLogin.connect();
        const [posture] = (await apiLogin.query(LOGIN_POSTURE_SQL)).rows;
        await apiLogin.end();
        expect(loginRefusal(posture)).toBeNull();
      } finally {
        await admin.end();
      }
    } finally {
      await pgServer.stop();
    }
  });
});
