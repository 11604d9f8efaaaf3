// The UI tests' world: a throwaway PostgreSQL and Redis (as the jest harness starts them), the
// database migrated and seeded with the demo data, and the built API (AUTH_MODE=dev, serving the
// built UI at /) and worker on free ports. Returns the teardown, which stops all of it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDatabaseRoles } from '../../scripts/database-roles.mjs';
import { startIdPortenStandIn } from '../../scripts/idporten-standin.mjs';
import { freePort, startPostgres, startRedis, throwawayDir } from '../../scripts/embedded-services.mjs';
import { ensureChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (app, file) => path.join(root, 'dist/apps', app, 'apps', app, 'src', file);

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(url, child, output) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API stoppet under oppstart: ${output().slice(-2000)}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`API svarte ikke på /health innen 60 s: ${output().slice(-2000)}`);
}

export default async function globalSetup() {
  for (const file of [dist('api', 'main.js'), dist('worker', 'main.js'), path.join(root, 'dist/web/index.html')]) {
    if (!existsSync(file)) throw new Error(`${path.relative(root, file)} mangler: kjør \`npm run build\` først.`);
  }
  ensureChromium();
  const dir = throwawayDir('bti-web-test');
  const [pg, redis] = await Promise.all([
    startPostgres({ dataDir: path.join(dir, 'pg'), persistent: false, durable: false }),
    startRedis({ dataDir: path.join(dir, 'redis'), persistent: false }),
  ]);
  const children = [];
  let stopIdPorten = async () => {};
  const teardown = async () => {
    await Promise.all(children.map(stopChild));
    await stopIdPorten();
    await Promise.all([redis.stop(), pg.stop()]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    // The family's login (/innbygger): the local ID-porten stand-in with the demo identities.
    const { DEMO_CITIZENS } = await import(pathToFileURL(path.join(root, 'dist/apps/api/libs/persistence/src/seed/demo-citizens.js')).href);
    const idportenClient = { clientId: 'bti-web-test', clientSecret: randomBytes(16).toString('hex'), redirectUris: [`http://127.0.0.1:${port}/api/v1/citizen/callback`] };
    const idporten = await startIdPortenStandIn({ identities: DEMO_CITIZENS, clients: [idportenClient] });
    stopIdPorten = idporten.stop;
    const logins = await ensureDatabaseRoles(pg.url, { migrator: 'web-migrator', api: 'web-api', worker: 'web-worker' });
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      // Each part on its own login (docker/initdb/10-bti-roles.sql), as in production.
      MIGRATION_DATABASE_URL: logins.migrator,
      DATABASE_URL: logins.api,
      REDIS_URL: redis.url,
      AUTH_MODE: 'dev',
      ALLOW_DEV_LOGIN: 'true',
      // Every browser test logs in from 127.0.0.1: limits the suite never reaches.
      RATE_LIMIT_LOGIN_PER_IP: '1000000',
      RATE_LIMIT_WRITES_PER_USER: '1000000',
      RATE_LIMIT_WRITES_PER_IP: '1000000',
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      CITIZEN_OIDC_ISSUER: idporten.issuer,
      CITIZEN_OIDC_CLIENT_ID: idportenClient.clientId,
      CITIZEN_OIDC_CLIENT_SECRET: idportenClient.clientSecret,
      CITIZEN_OIDC_REDIRECT_URI: idportenClient.redirectUris[0],
    };
    const setup = spawnSync(process.execPath, [dist('api', 'cli.js'), 'migrate', 'seed'], { env, encoding: 'utf8' });
    if (setup.status !== 0) throw new Error(`Migrering/seeding feilet: ${setup.stderr || setup.stdout}`);

    let apiOutput = '';
    for (const app of ['api', 'worker']) {
      const appEnv = app === 'worker' ? { ...env, DATABASE_URL: logins.worker } : env;
      const child = spawn(process.execPath, ['--enable-source-maps', dist(app, 'main.js')], { env: appEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      const collect = (chunk) => {
        if (app === 'api') apiOutput = (apiOutput + chunk.toString()).slice(-20_000);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      children.push(child);
    }
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, children[0], () => apiOutput);
    // Test workers start after this and inherit the environment.
    process.env.WEB_BASE_URL = baseUrl;
    // For tests that start a second API (the OIDC login test) on the same database.
    process.env.WEB_DATABASE_URL = pg.url;
    process.env.WEB_API_DATABASE_URL = logins.api;
    process.env.WEB_REDIS_URL = redis.url;
    process.env.WEB_DATA_ENCRYPTION_KEY = env.DATA_ENCRYPTION_KEY;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
