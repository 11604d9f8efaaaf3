import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True while `pid` is a live process (a zombie waiting for its reaper counts as gone). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * The `npm start` supervisor (scripts/start.mjs) against the built dist/, in embedded mode with its
 * own data directory and port: a crashed API, Redis or PostgreSQL is restarted; SIGTERM with a
 * dead child stops everything, leaving no process behind (issue 18).
 */
describe('start supervisor', () => {
  let supervisor: ChildProcess;
  let output = '';
  let port: number;
  let dataDir: string;
  const waiters: Array<() => void> = [];

  /** Resolves with the first match of `pattern` in the supervisor's output from `from` on. */
  function waitForLine(pattern: RegExp, from = 0): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = output.slice(from).match(pattern);
        if (match) return resolve(match);
        if (supervisor.exitCode !== null) return reject(new Error(`supervisor exited; output:\n${output.slice(-2000)}`));
        waiters.push(check);
      };
      check();
    });
  }

  async function healthy(): Promise<void> {
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0);
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  const pidOf = (line: RegExp) => Number(output.match(line)![1]);

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist/apps/api/apps/api/src/main.js'))) throw new Error('run `npm run build` first: the supervisor starts dist/');
    port = await freePort();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bti-supervisor-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach it
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BTI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL; // embedded mode: the supervisor owns PostgreSQL and Redis
    delete env.REDIS_URL;
    supervisor = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const w of waiters.splice(0)) w();
    };
    supervisor.stdout!.on('data', collect);
    supervisor.stderr!.on('data', collect);
    supervisor.on('exit', () => waiters.splice(0).forEach((w) => w()));
    await waitForLine(/API på http/);
    await healthy();
  }, 180_000);

  afterAll(async () => {
    if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a crashed API: one log line, a new process, healthy again', async () => {
    const before = pidOf(/api kjører \(pid (\d+)\)/);
    const mark = output.length;
    process.kill(before, 'SIGKILL');
    const [line, pid] = await waitForLine(/omstart nr\. \d+: api stoppet uventet \(SIGKILL\), startet på nytt etter [\d.]+ s \(pid (\d+)\)\n/, mark);
    expect(Number(pid)).not.toBe(before);
    expect(output.slice(mark).split('\n').filter((l) => l.includes('omstart'))).toEqual([`[start] ${line.trim()}`]);
    await healthy();
  }, 120_000);

  it('restarts a killed Redis and PostgreSQL; the stack is healthy again', async () => {
    let mark = output.length;
    process.kill(pidOf(/Redis på port \d+, data i .* \(pid (\d+)\)/), 'SIGKILL');
    await waitForLine(/omstart nr\. \d+: redis stoppet uventet \(SIGKILL\), startet på nytt/, mark);
    await healthy();

    mark = output.length;
    process.kill(pidOf(/PostgreSQL \(innebygd\) på port \d+, data i .* \(pid (\d+)\)/), 'SIGKILL');
    await waitForLine(/omstart nr\. \d+: postgres stoppet uventet \(SIGKILL\).*startet på nytt/, mark);
    await healthy();
  }, 150_000);

  it('SIGTERM with a dead child stops everything within 10 s, exit code 0, no process left behind', async () => {
    const pids = [...output.matchAll(/\(pid (\d+)/g)].map((m) => Number(m[1])).filter(alive);
    expect(pids.length).toBeGreaterThanOrEqual(4); // postgres, redis, api, worker
    const worker = pidOf(/worker kjører \(pid (\d+)\)/);
    process.kill(worker, 'SIGKILL');
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', (code) => resolve(code)));
    supervisor.kill('SIGTERM');
    // The operator's promise is a stop within 10 s (the supervisor's own deadline is 9 s).
    let deadline: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<string>((r) => (deadline = setTimeout(() => r('still running after 10 s'), 10_000)))]);
    clearTimeout(deadline);
    expect(code).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
  }, 30_000);
});

/**
 * A process manager (systemd, pm2, a terminal's parent) signals only the process it started: with
 * `npm start` that is npm, which passes nothing on to a shell's children (issue 28, item 8). The
 * start script `exec`s the supervisor, and the supervisor stops its stack when its parent is gone.
 * Here the parent is a shell that does not pass the signal on, and only the shell is signalled.
 */
describe('start supervisor under a parent that is signalled alone', () => {
  it('npm start execs the supervisor', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toMatch(/&& exec node scripts\/start\.mjs$/);
  });

  it('SIGTERM to the parent alone: the supervisor, PostgreSQL, Redis, the API and the worker all stop', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bti-supervisor-parent-'));
    chmodSync(dataDir, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BTI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    // `sh -c` with a second command after node: the shell stays node's parent (no exec of its own).
    const parent = spawn('sh', ['-c', 'node scripts/start.mjs; true'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    parent.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    parent.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    try {
      for (let i = 0; !/API på http/.test(output); i++) {
        if (parent.exitCode !== null || i > 1200) throw new Error(`the stack did not start:\n${output.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const supervisorPid = Number(readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
      const pids = [supervisorPid, ...[...output.matchAll(/\(pid (\d+)/g)].map((m) => Number(m[1]))].filter(alive);
      expect(pids.length).toBeGreaterThanOrEqual(5); // supervisor, postgres, redis, api, worker
      process.kill(parent.pid!, 'SIGTERM');
      for (let i = 0; pids.some(alive) && i < 150; i++) await new Promise((r) => setTimeout(r, 100));
      expect(pids.filter(alive)).toEqual([]);
      expect(output).toMatch(/foreldreprosessen \(pid \d+\) er borte/);
    } finally {
      if (parent.exitCode === null) parent.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
