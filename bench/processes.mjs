// The product as separate processes, as production runs it: API replicas (the built main.js, which
// refuses a superuser login) and complete workers (bench/worker.mjs: the built worker with the
// same login check, reporting its sweeps over IPC). CPU and memory of each are read from /proc.
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../scripts/embedded-services.mjs';
import { ROOT, round } from './lib.mjs';
export { processCpuSeconds } from './lib.mjs';

const API_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');

/** Starts one API process on a free port and waits until /health answers 200. */
export async function startApiProcess(env, name = 'api') {
  const port = await freePort();
  const child = spawn(process.execPath, [API_MAIN], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child, name);
  return { name, child, pid: child.pid, base };
}

/** Starts one complete worker (sweeps, sealer, mail, retention) and waits until it is up. */
export async function startWorkerProcess(env, name = 'worker') {
  const child = fork(path.join(ROOT, 'bench', 'worker.mjs'), [], { env, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  child.stderr.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  const proc = { name, child, pid: child.pid, sweeps: 0, startedAt: Date.now(), firstSweepAt: null };
  child.on('message', (m) => {
    if (m?.sweep !== undefined) {
      proc.sweeps += 1;
      proc.firstSweepAt ??= Date.now();
    }
  });
  await new Promise((resolve, reject) => {
    const onMessage = (m) => {
      if (m === 'ready') {
        child.off('message', onMessage);
        resolve();
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code} before it was ready`)));
  });
  return proc;
}

/** SIGTERM (a clean stop: the worker finishes its batch), SIGKILL after 15 s. */
export async function stopProcess(proc) {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  await new Promise((resolve) => {
    proc.child.once('exit', resolve);
    proc.child.kill('SIGTERM');
    setTimeout(() => proc.child.kill('SIGKILL'), 15_000).unref();
  });
}

async function waitForHealth(base, child, name) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become healthy in 60 s`);
}

/**
 * Resident memory of a process in MB: `rssMb` (VmRSS, what the budget names) and
 * `anonMb` (RssAnon: heap, stacks, buffers; without the ~50 MB of mapped node binary and
 * libraries that the kernel evicts and reloads with the machine's page-cache pressure).
 */
export function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: round(kb('VmRSS') / 1024), anonMb: round(kb('RssAnon') / 1024), peakRssMb: round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}
