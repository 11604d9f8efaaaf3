import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@app/persistence';
import { loadConfig, type AppConfig } from '@app/platform';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { useFileDatabase } from './file-database.js';
import { TestIssuer } from './test-issuer.js';

/** A fixed test key: 32 bytes as hex. */
export const TEST_ENCRYPTION_KEY = '7f'.repeat(32);

export const GENEROUS_RATE_LIMITS = { RATE_LIMIT_LOGIN_PER_IP: '1000000', RATE_LIMIT_WRITES_PER_USER: '1000000', RATE_LIMIT_WRITES_PER_IP: '1000000' };

/**
 * The harness's logins (test/harness/global-setup.mjs): `DATABASE_URL` is the cluster's superuser,
 * for fixtures and inspection; the apps log in as in production.
 */
export const logins = {
  get migrator(): string {
    return process.env.BTI_TEST_MIGRATOR_URL!;
  },
  get api(): string {
    return process.env.BTI_TEST_API_URL!;
  },
  get worker(): string {
    return process.env.BTI_TEST_WORKER_URL!;
  },
};

/** The API's environment (its own login); the worker's: `testEnv({ DATABASE_URL: logins.worker })`. */
export function testEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: logins.api,
    REDIS_URL: process.env.REDIS_URL,
    SMTP_URL: process.env.SMTP_URL,
    NODE_ENV: 'test',
    AUTH_MODE: 'dev',
    ALLOW_DEV_LOGIN: 'true', // the harness's own throwaway database
    // Test files share 127.0.0.1 and the demo users: limits no suite reaches (rate-limit.e2e-spec sets its own).
    ...GENEROUS_RATE_LIMITS,
    DATA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

/**
 * This test file's database, migrated and seeded: a clone of the suite's template
 * (test/harness/file-database.ts; the e2e projects' setup file has made it before the file runs).
 */
export async function prepareDatabase(): Promise<void> {
  await useFileDatabase();
}

/** Collects every log line the app writes, so tests can assert what never reaches a log. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  logs: LogCapture;
  /** The cluster's superuser, for fixtures and inspection (row-level security does not apply); the app's own is `app.get(DataSource)`. */
  db: DataSource;
  /**
   * Bearer header for a user, cached per username: dev-login (demo users only) or, when started with
   * `{ login: 'test-issuer' }`, a token of the test OIDC issuer for any user.
   */
  auth(username: string): Promise<{ Authorization: string }>;
  /** The test issuer, when started with `{ login: 'test-issuer' }`. */
  issuer?: TestIssuer;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** `dev` (default): dev-login, demo users only; `test-issuer`: AUTH_MODE=oidc with a test issuer, any user. */
  login?: 'dev' | 'test-issuer';
}

export async function startTestApp(envOverrides: Record<string, string> = {}, { login = 'dev' }: TestAppOptions = {}): Promise<TestApp> {
  await prepareDatabase();
  const issuer = login === 'test-issuer' ? await TestIssuer.start() : undefined;
  const config = loadConfig(testEnv({ ...issuer?.env(), ...envOverrides }));
  const logs = new LogCapture();
  const app = await createApiApp({ config, logDestination: logs });
  try {
    await app.init();
  } catch (error) {
    // A half-started app still holds Redis and database connections: close them, or jest cannot exit.
    await app.close().catch(() => undefined);
    await issuer?.close();
    throw error;
  }
  const http = request(app.getHttpServer());
  const db = await createDataSource(process.env.DATABASE_URL!, { extra: { max: 4 } }).initialize();
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (issuer) return issuer.tokenFor(username);
    const res = await http.post('/api/v1/auth/dev-login').send({ username });
    if (res.status === 400) throw new Error(`dev-login ${username}: not a demo user; start the app with { login: 'test-issuer' }`);
    if (res.status !== 200) throw new Error(`dev-login ${username} failed: ${res.status}`);
    return res.body.accessToken as string;
  };
  return {
    app,
    http,
    config,
    logs,
    db,
    issuer,
    async auth(username: string) {
      if (!tokens.has(username)) tokens.set(username, await token(username));
      return { Authorization: `Bearer ${tokens.get(username)}` };
    },
    async close() {
      await db.destroy();
      await app.close();
      await issuer?.close();
    },
  };
}
