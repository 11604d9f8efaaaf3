// The process supervision of `npm start` (scripts/start.mjs): long-running children (embedded
// PostgreSQL and Redis, the API, the worker) are restarted with backoff when they die, each
// restart logged in one line; a stop ends every child within a hard deadline, whatever state it is
// in (SIGKILL after a grace period), so nothing hangs and nothing is orphaned.

/** True once a child process has exited (by code or by signal). */
export const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/**
 * Stops a child: `signal`, then SIGKILL after `graceMs`. Resolves at once when it is already gone
 * (a dead child must never make the stop wait for an 'exit' that will not come).
 */
export function stopProcess(child, { signal = 'SIGTERM', graceMs = 5_000 } = {}) {
  return new Promise((resolve) => {
    if (!child || hasExited(child)) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    // 'close' comes once the child's pipes are closed too (PostgreSQL's backends share them), so
    // nothing of it is left; a grandchild that holds a pipe open gets two more seconds at most.
    let linger;
    const done = () => {
      clearTimeout(kill);
      clearTimeout(linger);
      resolve();
    };
    child.once('exit', () => {
      clearTimeout(kill);
      linger = setTimeout(done, 2_000);
    });
    child.once('close', done);
    child.kill(signal);
  });
}

/** Backoff between restarts: 0.5 s, 1 s, 2 s … at most 30 s; reset after a minute of running. */
export const BACKOFF = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };
/** Everything is stopped within this after SIGINT/SIGTERM (the promise to operators is 10 s). */
export const STOP_DEADLINE_MS = 9_000;

/**
 * @typedef {{ child: import('node:child_process').ChildProcess, stop: (graceMs: number) => Promise<void> }} Running
 * @typedef {{ name: string, tier: number, start: (track: (child: import('node:child_process').ChildProcess) => void) => Promise<Running>, restart: boolean }} ServiceSpec
 */
export class Supervisor {
  /** @param {{ log: (line: string) => void }} options */
  constructor({ log }) {
    this.log = log;
    /** @type {Map<string, { spec: ServiceSpec, running: Running | null, restarts: number, backoffMs: number, startedAt: number, timer: NodeJS.Timeout | null }>} */
    this.services = new Map();
    /** One-shot children (migrations, seeding) that a stop must also end. */
    this.tasks = new Set();
    /** Every live child, tracked from its spawn (also while a service is still starting). */
    this.children = new Set();
    /** Starts in flight: a stop waits for them, then stops what they started. */
    this.launching = new Set();
    this.stopping = false;
    this.onFatal = () => undefined;
  }

  /**
   * Starts a service and watches it. `tier` orders the stop: higher tiers (the apps) stop before
   * lower ones (the databases they use). Without `restart`, an unexpected exit is fatal.
   * @param {ServiceSpec} spec
   */
  async add(spec) {
    const entry = { spec, running: null, restarts: 0, backoffMs: BACKOFF.initialMs, startedAt: 0, timer: null };
    this.services.set(spec.name, entry);
    await this.launch(entry);
    return entry.running;
  }

  /** Tracks a one-shot child so that a stop ends it too; resolves with its exit code. */
  task(child) {
    this.track(child);
    this.tasks.add(child);
    return new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.tasks.delete(child);
        resolve(code ?? (signal ? 1 : 0));
      });
    });
  }

  /** The pid of a service's current process (for tests and log lines). */
  pid(name) {
    return this.services.get(name)?.running?.child.pid;
  }

  track(child) {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
  }

  async launch(entry) {
    const starting = entry.spec.start((child) => this.track(child));
    this.launching.add(starting);
    const running = await starting.finally(() => this.launching.delete(starting));
    if (this.stopping) {
      await running.stop(1_000);
      return;
    }
    entry.running = running;
    entry.startedAt = Date.now();
    running.child.once('exit', (code, signal) => this.exited(entry, running, code, signal));
  }

  exited(entry, running, code, signal) {
    if (this.stopping || entry.running !== running) return;
    entry.running = null;
    const why = signal ?? `kode ${code}`;
    if (!entry.spec.restart) {
      this.log(`${entry.spec.name} stoppet uventet (${why}); stopper resten.`);
      this.onFatal();
      return;
    }
    if (Date.now() - entry.startedAt > BACKOFF.resetAfterMs) entry.backoffMs = BACKOFF.initialMs;
    this.scheduleRestart(entry, `stoppet uventet (${why})`);
  }

  /** One log line per restart attempt, written when it has succeeded or failed. */
  scheduleRestart(entry, reason) {
    const delay = entry.backoffMs;
    entry.backoffMs = Math.min(entry.backoffMs * 2, BACKOFF.maxMs);
    entry.restarts += 1;
    const attempt = entry.restarts;
    const prefix = `omstart nr. ${attempt}: ${entry.spec.name} ${reason}`;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (this.stopping) return;
      this.launch(entry).then(
        () => entry.running && this.log(`${prefix}, startet på nytt etter ${delay / 1000} s (pid ${entry.running.child.pid})`),
        (error) => {
          if (this.stopping) return;
          this.log(`${prefix}, kunne ikke startes etter ${delay / 1000} s (${oneLine(error)}); prøver igjen`);
          this.scheduleRestart(entry, 'etter et mislykket forsøk');
        },
      );
    }, delay);
  }

  /**
   * Stops everything: tasks and the highest tier first, each with a grace period, and SIGKILL for
   * whatever is still alive at the deadline. Never waits on a child that is already dead.
   */
  async stopAll({ deadlineMs = STOP_DEADLINE_MS } = {}) {
    if (this.stopping) return this.stopped;
    this.stopping = true;
    const started = Date.now();
    this.stopped = (async () => {
      for (const entry of this.services.values()) if (entry.timer) clearTimeout(entry.timer);
      const killAll = setTimeout(() => {
        for (const child of this.children) if (!hasExited(child)) child.kill('SIGKILL');
      }, deadlineMs);
      await Promise.all([...this.tasks].map((child) => stopProcess(child, { graceMs: 1_000 })));
      // A service still starting is stopped by launch() once its start settles.
      await Promise.race([Promise.allSettled([...this.launching]), sleep(deadlineMs / 3)]);
      const tiers = [...new Set([...this.services.values()].map((e) => e.spec.tier))].sort((a, b) => b - a);
      for (const tier of tiers) {
        const entries = [...this.services.values()].filter((e) => e.spec.tier === tier && e.running);
        // Split what is left of the deadline between the tiers still to stop.
        const remaining = Math.max(500, deadlineMs - (Date.now() - started) - 500);
        const grace = Math.floor(remaining / (tiers.length - tiers.indexOf(tier)));
        await Promise.all(entries.map((e) => e.running.stop(grace).catch(() => e.running.child.kill('SIGKILL'))));
      }
      // Whatever ignored its signal has been SIGKILLed by now; wait for those exits.
      await Promise.all([...this.children].map((child) => stopProcess(child, { signal: 'SIGKILL', graceMs: 0 })));
      clearTimeout(killAll);
    })();
    return this.stopped;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

function oneLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0].slice(0, 200);
}
