import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '@app/platform';
import { createApiApp, listen } from '../apps/api/src/app.factory.js';
import { TokenService } from '../apps/api/src/auth/token.service.js';
import { assertFreshBuild } from './harness/build.js';
import { LogCapture, prepareDatabase, startTestApp, testEnv, type TestApp } from './harness/test-app.js';

import { jest } from '@jest/globals';

jest.setTimeout(60_000);

/** Dev login is a back door unless fenced (issue 28, DESIGN 12.3 and 12.8.4). */
describe('dev login is fenced', () => {
  const refusal = (overrides: Record<string, string | undefined>) => {
    const env = testEnv(overrides as Record<string, string>);
    for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete env[name];
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    return null;
  };

  it('is refused at start with NODE_ENV=production, even with ALLOW_DEV_LOGIN=true', () => {
    expect(refusal({ NODE_ENV: 'production', ALLOW_DEV_LOGIN: 'true' })).toBe('AUTH_MODE=dev er ikke tillatt med NODE_ENV=production.');
  });

  it('is refused with a DATABASE_URL unless ALLOW_DEV_LOGIN=true', () => {
    expect(refusal({ ALLOW_DEV_LOGIN: undefined })).toMatch(/^AUTH_MODE=dev med DATABASE_URL krever ALLOW_DEV_LOGIN=true/);
    expect(refusal({ ALLOW_DEV_LOGIN: 'yes' })).toMatch(/ALLOW_DEV_LOGIN=true/);
    expect(refusal({ ALLOW_DEV_LOGIN: 'true' })).toBeNull();
  });

  it.each(['api', 'worker'])('the built %s exits with one line on stderr when dev login is not allowed', (app) => {
    assertFreshBuild(app as 'api' | 'worker');
    const main = path.join(process.cwd(), `dist/apps/${app}/apps/${app}/src/main.js`);
    const env: NodeJS.ProcessEnv = { ...testEnv(), PATH: process.env.PATH };
    delete env.ALLOW_DEV_LOGIN;
    const run = spawnSync(process.execPath, [main], { env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Ugyldig konfigurasjon: AUTH_MODE=dev med DATABASE_URL krever ALLOW_DEV_LOGIN=true/)]);
  });

  describe('tokens only for the seed\'s demo users', () => {
    let t: TestApp;
    let stranger: { id: string; username: string };
    beforeAll(async () => {
      t = await startTestApp();
      const db = t.db;
      const username = `ikke-demo-${randomUUID().slice(0, 8)}`;
      const [{ id: municipalityId }] = await db.query(`SELECT "municipalityId" AS id FROM app_user WHERE username = 'ola.leder'`);
      const [user] = await db.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, $2) RETURNING id`, [municipalityId, username]);
      await db.query(`INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, 'auditor', 'municipality', $2)`, [user.id, municipalityId]);
      stranger = { id: user.id, username };
    });
    afterAll(() => t.close());

    it('the seed marks its users as demo users, and nobody else', async () => {
      const rows: { username: string; demo: boolean }[] = await t.db.query(`SELECT username, demo FROM app_user WHERE username IN ('ola.leder', $1)`, [stranger.username]);
      expect(Object.fromEntries(rows.map((r) => [r.username, r.demo]))).toEqual({ 'ola.leder': true, [stranger.username]: false });
    });

    it('dev-login refuses an existing user who is not a demo user, with a problem naming username', async () => {
      const res = await t.http.post('/api/v1/auth/dev-login').send({ username: stranger.username }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'username', message: expect.stringContaining('demobruker') }] });
    });

    it('a dev token for a user who is not a demo user is refused too', async () => {
      const token = await t.app.get(TokenService).issueDevToken(stranger.id, stranger.username);
      await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    });
  });

  describe('the address the API listens on', () => {
    const freePort = () =>
      new Promise<number>((resolve) => {
        const server = net.createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          server.close(() => resolve(port));
        });
      });

    async function boundAddress(overrides: Record<string, string>): Promise<string> {
      await prepareDatabase();
      const config = loadConfig(testEnv({ PORT: String(await freePort()), ...overrides }));
      const app = await createApiApp({ config, logDestination: new LogCapture() });
      try {
        await listen(app, config);
        return (app.getHttpServer().address() as AddressInfo).address;
      } finally {
        await app.close();
      }
    }

    it('is loopback in dev mode unless HOST says otherwise', async () => {
      expect(await boundAddress({})).toBe('127.0.0.1');
      expect(await boundAddress({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    });
  });
});
