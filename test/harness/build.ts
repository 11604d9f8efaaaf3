import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What each built app is compiled from (`nest build` rewrites all of dist/apps/<app>: deleteOutDir). */
const SOURCES: Record<'api' | 'worker', string[]> = {
  api: ['apps/api/src', 'libs', 'migrations'],
  worker: ['apps/worker/src', 'libs'],
};

function newestSource(dir: string): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  if (!existsSync(dir)) return null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const found = entry.isDirectory()
      ? entry.name === 'node_modules' ? null : newestSource(file)
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? { file, mtimeMs: statSync(file).mtimeMs } : null;
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/**
 * Tests that start a built app (a worker process, the CLI, the supervisor) must run the code under
 * test: a dist/ older than the sources would run yesterday's worker beside today's tests (e.g. a
 * sealer of another design on the same database), and fail in ways nobody can reproduce.
 */
export function assertFreshBuild(app: 'api' | 'worker'): void {
  const main = path.join(process.cwd(), `dist/apps/${app}/apps/${app}/src/main.js`);
  if (!existsSync(main)) throw new Error(`dist/apps/${app} is missing: run \`npm run build\` first (this test starts the built ${app})`);
  const builtAt = statSync(main).mtimeMs;
  for (const dir of SOURCES[app]) {
    const newest = newestSource(path.join(process.cwd(), dir));
    if (newest && newest.mtimeMs > builtAt) {
      throw new Error(`dist/apps/${app} is older than ${path.relative(process.cwd(), newest.file)}: run \`npm run build\` first (this test starts the built ${app})`);
    }
  }
}
