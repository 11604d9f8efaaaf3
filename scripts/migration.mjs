// `npm run migration:generate -- <Name>` | `migration:run` | `migration:revert`.
// Uses MIGRATION_DATABASE_URL (or DATABASE_URL) when set; otherwise `run`/`revert` use the embedded dev database in .data/,
// and `generate` diffs the entities against a throwaway database migrated to the latest state.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedPasswords, ensureDatabaseRoles } from './database-roles.mjs';
import { startPostgres, throwawayDir } from './embedded-services.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataSourceJs = path.join(root, 'dist/apps/api/libs/persistence/src/cli-data-source.js');
const [command, name] = process.argv.slice(2);

function typeorm(args, env) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/typeorm/cli.js'), ...args, '-d', dataSourceJs], {
    stdio: 'inherit',
    env,
    cwd: root,
  });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
  return result.status === 0;
}

/** Lists migrations/*.ts in migrations/index.ts, so the data source needs no file globbing. */
function writeMigrationIndex() {
  const files = readdirSync(path.join(root, 'migrations'))
    .filter((f) => /^\d+-.+\.ts$/.test(f))
    .sort();
  const lines = files.map((f) => {
    const source = readFileSync(path.join(root, 'migrations', f), 'utf8');
    const className = /export class (\w+)/.exec(source)[1];
    return { f, className };
  });
  const text = [
    '// Every migration, in order. `npm run migration:generate -- <Name>` rewrites this file.',
    ...lines.map(({ f, className }) => `import { ${className} } from './${f.replace(/\.ts$/, '.js')}';`),
    '',
    `export const MIGRATIONS: Function[] = [${lines.map((l) => l.className).join(', ')}];`,
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'migrations/index.ts'), text);
}

let database = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
let pg;
try {
  if (!database) {
    const dataDir = command === 'generate' ? throwawayDir('bti-migration') : path.join(root, '.data');
    pg = await startPostgres({ dataDir: path.join(dataDir, 'postgres'), persistent: command !== 'generate' });
    database = (await ensureDatabaseRoles(pg.url, embeddedPasswords(dataDir))).migrator;
  }
  const env = { ...process.env, MIGRATION_DATABASE_URL: database };
  if (command === 'generate') {
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Bruk: npm run migration:generate -- <PascalCaseName>');
    if (typeorm(['migration:run'], env)) {
      typeorm(['migration:generate', '--pretty', '--outputJs=false', path.join('migrations', name)], env);
      writeMigrationIndex();
    }
  } else if (command === 'run') {
    typeorm(['migration:run'], env);
  } else if (command === 'revert') {
    typeorm(['migration:revert'], env);
  } else {
    throw new Error('Bruk: migration.mjs generate <Name> | run | revert');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await pg?.stop();
  if (pg && command === 'generate') rmSync(path.dirname(pg.dataDir), { recursive: true, force: true });
}
