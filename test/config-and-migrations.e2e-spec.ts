import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createDataSource, runMigrations } from '@app/persistence';
import { ConfigError, loadConfig } from '@app/platform';
import { prepareDatabase, testEnv } from './harness/test-app.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('configuration', () => {
  it.each([
    ['PORT', { PORT: 'abc' }],
    ['DATABASE_URL', { DATABASE_URL: '' }],
    ['REDIS_URL', { REDIS_URL: 'http://localhost' }],
    ['AUTH_MODE', { AUTH_MODE: 'basic' }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: 'short' }],
    ['REMINDER_TFA_FOLLOW_UP', { REMINDER_TFA_FOLLOW_UP: '14 days' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['OIDC_ISSUER', { AUTH_MODE: 'oidc' }],
  ])('a bad %s stops the start with one line naming it', (name, overrides) => {
    let error: unknown;
    try {
      loadConfig(testEnv(overrides));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).not.toContain('\n');
  });

  it('keeps only the reminder variables that are set, so municipality profiles can override the defaults', () => {
    expect(loadConfig(testEnv()).reminders).toEqual({});
  });

  it('accepts second-long reminder durations for tests', () => {
    expect(loadConfig(testEnv({ REMINDER_ASSESSMENT_DUE: 'PT3S' })).reminders.REMINDER_ASSESSMENT_DUE).toBe('PT3S');
  });

  it('refuses REMINDER_* overrides in production: the published profile decides there (DESIGN 12.8.3)', () => {
    // Production logs in through the municipality's IdP (dev login is refused there).
    const production = { NODE_ENV: 'production', AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://idp.kommune.no', OIDC_AUDIENCE: 'bti-api', OIDC_JWKS_URL: 'https://idp.kommune.no/jwks' };
    expect(() => loadConfig(testEnv({ ...production, REMINDER_DECISION_DUE: 'P7D' }))).toThrow(/REMINDER_DECISION_DUE kan ikke settes i produksjon/);
    expect(loadConfig(testEnv(production)).reminders).toEqual({});
  });

  it('the built API exits with one line on stderr when a variable is malformed', () => {
    const main = path.join(process.cwd(), 'dist/apps/api/apps/api/src/main.js');
    const run = spawnSync(process.execPath, [main], { env: { ...testEnv({ PORT: 'abc' }), PATH: process.env.PATH }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Ugyldig konfigurasjon: PORT/);
  });

  it.each(['api', 'worker'])('the built %s stops with one line naming file and entry when a reference file is broken', (app) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bti-ref-'));
    try {
      cpSync(path.join(process.cwd(), 'libs/reference-data'), dir, { recursive: true });
      const file = path.join(dir, 'municipalities.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.profiles[1].routes.push('nowhere');
      writeFileSync(file, JSON.stringify(json));
      const main = path.join(process.cwd(), `dist/apps/${app}/apps/${app}/src/main.js`);
      const run = spawnSync(process.execPath, [main], {
        env: { ...testEnv({ REFERENCE_DATA_DIR: dir }), PATH: process.env.PATH },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toEqual([expect.stringMatching(/^Ugyldig konfigurasjon: Referansedata: municipalities\.json, profiles\[1\] \(kristiansund\): ukjent rute "nowhere"/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migrations', () => {
  it('the entities and the migrations agree: generating a migration yields nothing', async () => {
    await prepareDatabase();
    const ds = await createDataSource(process.env.DATABASE_URL!).initialize();
    try {
      await runMigrations(ds);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});

describe('docker compose file', () => {
  it('parses and runs postgres, redis, a one-shot migration, api and worker', () => {
    const compose = parse(readFileSync(path.join(process.cwd(), 'docker/compose.yaml'), 'utf8'), { merge: true });
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
    expect(compose.services.api.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(compose.services.worker.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(compose.services.migrate.restart).toBe('no');
    // Each part on its own login (README, "Security"), the roles made by docker/initdb on the first start.
    const user = (url: string) => new URL(url.replace(/\$\{[^}]*\}/g, 'secret')).username;
    expect(user(compose.services.api.environment.DATABASE_URL)).toBe('bti_api');
    expect(user(compose.services.worker.environment.DATABASE_URL)).toBe('bti_worker');
    expect(user(compose.services.migrate.environment.MIGRATION_DATABASE_URL)).toBe('bti_migrator');
    expect(compose.services.migrate.environment.DATABASE_URL).toBeUndefined();
    expect(compose.services.postgres.volumes).toContain('./initdb:/docker-entrypoint-initdb.d:ro');
  });
});
