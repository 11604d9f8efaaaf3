// Prints the web UI's initial JavaScript (the entry script and the chunks index.html preloads),
// gzipped, and fails the build above the budget of issue 16 (250 kB). Lazy routes are not counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'dist/web');

/** Sizes of the scripts the browser loads before the first screen. */
export function initialJavaScript(dir = webDir) {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = new Set();
  for (const [, src] of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) files.add(src);
  for (const [, href] of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) files.add(href);
  return [...files].map((file) => {
    const content = readFileSync(path.join(dir, file.replace(/^\//, '')));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scripts = initialJavaScript();
  const kb = (n) => (n / 1000).toFixed(1);
  const total = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  for (const s of scripts) process.stdout.write(`  ${s.file}: ${kb(s.bytes)} kB, gzip ${kb(s.gzipBytes)} kB\n`);
  process.stdout.write(`Web UI initial JavaScript: ${kb(total)} kB gzip (budget ${BUDGET_KB} kB)\n`);
  if (total > BUDGET_KB * 1000) {
    process.stderr.write(`The initial JavaScript is over the budget of ${BUDGET_KB} kB gzip: split routes with React.lazy.\n`);
    process.exit(1);
  }
}
