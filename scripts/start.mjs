// `npm start`: one supervisor process that starts what is missing (embedded PostgreSQL when
// DATABASE_URL is unset, redis-server when REDIS_URL is unset), migrates, seeds the demo data,
// then runs the API and the worker as two child processes. Ctrl-C / SIGTERM stops all of them.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startPostgres, startRedis } from './embedded-services.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.join(root, '.data');
const dist = (app, file) => path.join(root, 'dist/apps', app, 'apps', app, 'src', file);
const log = (line) => process.stdout.write(`[start] ${line}\n`);

const stoppers = [];
const children = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopper …');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
        }),
    ),
  );
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/** A development key kept in .data/, so encrypted national ids stay readable between runs. */
function devEncryptionKey() {
  const file = path.join(dataDir, 'dev-encryption.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

try {
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env };
  const embedded = !env.DATABASE_URL;
  if (embedded) {
    const pg = await startPostgres({ dataDir: path.join(dataDir, 'postgres') });
    stoppers.push(pg.stop);
    env.DATABASE_URL = pg.url;
    env.AUTH_MODE ??= 'dev';
    env.DATA_ENCRYPTION_KEY ??= devEncryptionKey();
    log(`PostgreSQL (innebygd) på port ${pg.port}, data i ${pg.dataDir}`);
  }
  if (!env.REDIS_URL) {
    const redis = await startRedis({ dataDir: path.join(dataDir, 'redis') });
    stoppers.push(redis.stop);
    env.REDIS_URL = redis.url;
    log(`Redis på port ${redis.port}, data i ${path.join(dataDir, 'redis')}`);
  }
  const tasks = ['migrate', ...(embedded || env.SEED_DEMO === 'true' ? ['seed'] : [])];
  const setup = spawnSync(process.execPath, [dist('api', 'cli.js'), ...tasks], { stdio: 'inherit', env });
  if (setup.status !== 0) throw new Error('Migrering eller seeding feilet.');

  for (const app of ['api', 'worker']) {
    const child = spawn(process.execPath, ['--enable-source-maps', dist(app, 'main.js')], { stdio: 'inherit', env });
    children.push(child);
    child.once('exit', (code, signal) => {
      if (!stopping) {
        log(`${app} stoppet uventet (${signal ?? code}); stopper resten.`);
        void stopAll(1);
      }
    });
  }
  log(`API på http://localhost:${env.PORT ?? 3000} (OpenAPI: /docs), worker kjører. Ctrl-C stopper alt.`);
} catch (error) {
  process.stderr.write(`[start] ${error instanceof Error ? error.message : error}\n`);
  await stopAll(1);
}
