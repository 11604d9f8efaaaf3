// The browser for the UI tests: Debian's chromium (the Playwright download cannot reach its host
// on our machines). Installed like the harness installs redis-server: root + apt-get.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).stdout.trim();
  if (isRoot && hasApt) {
    process.stderr.write('chromium not found: installing Debian package chromium …\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // Another job may hold the dpkg lock: wait for it instead of failing.
    const lock = ['-o', 'DPkg::Lock::Timeout=600'];
    const update = spawnSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'ignore', env });
    const install = spawnSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env });
    if (update.status === 0 && install.status === 0 && existsSync(CHROMIUM)) return CHROMIUM;
  }
  throw new Error('Chromium mangler: installer den (apt-get install chromium) eller sett CHROMIUM_PATH.');
}
