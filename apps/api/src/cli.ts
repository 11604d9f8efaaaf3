import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createDataSource, createMigratorDataSource, runMigrations, seedDemoData } from '@app/persistence';
import { decodeKey, migrationDatabaseUrl } from '@app/platform';
import { runExtraction } from '@app/persistence/archive/index.js';
import { AuditVerifier } from './audit/audit-verifier.js';

/**
 * One-shot database tasks: `node cli.js migrate [seed]`, `node cli.js verify-audit` (exit 2 when the
 * audit hash chain is broken), `node cli.js archive-extract --municipality <id> --from <date> --to <date>
 * --out <dir>` (a Noark 5 extraction of the cases closed in the period, with DATABASE_URL, the
 * worker's login, and DATA_ENCRYPTION_KEY). Used by `npm start` before the api and worker start, and by the
 * compose file's migration step. `migrate` and `seed` run as the migrator
 * (MIGRATION_DATABASE_URL, becoming the owner); `verify-audit` reads every municipality's chain
 * with DATABASE_URL, which must be a login that may (the worker's).
 */
async function main(tasks: string[]): Promise<void> {
  if (tasks[0] === 'archive-extract') return archiveExtract(tasks.slice(1));
  const migrating = tasks.some((t) => t === 'migrate' || t === 'seed');
  if (migrating && tasks.some((t) => t !== 'migrate' && t !== 'seed')) throw new Error('migrate og seed kjøres for seg, uten andre oppgaver.');
  let dataSource;
  if (migrating) {
    dataSource = createMigratorDataSource(migrationDatabaseUrl());
  } else {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL mangler.');
    dataSource = createDataSource(url);
  }
  await dataSource.initialize();
  try {
    for (const task of tasks) {
      if (task === 'migrate') {
        const applied = await runMigrations(dataSource);
        console.log(applied.length ? `Migrerte: ${applied.join(', ')}` : 'Databasen er oppdatert.');
      } else if (task === 'seed') {
        await seedDemoData(dataSource);
        console.log('Demodata er på plass.');
      } else if (task === 'verify-audit') {
        // Every page of every municipality's chain, here in a one-shot process, never in the API.
        const chains = await new AuditVerifier(dataSource).verifyAll();
        const broken = chains.filter((c) => !c.valid);
        const checked = chains.reduce((n, c) => n + c.checkedTotal, 0);
        const unsealed = chains.reduce((n, c) => n + c.unsealed, 0);
        for (const c of broken) {
          console.log(`Revisjonsloggen for kommune ${c.municipalityId} er brutt ved hendelse ${c.brokenAtId ?? '(mangler)'}, posisjon ${c.brokenAtSeq}.`);
        }
        if (!broken.length) console.log(`Revisjonsloggen er intakt (${checked} forseglede hendelser i ${chains.length} kjeder, ${unsealed} ennå ikke forseglet).`);
        if (broken.length) process.exitCode = 2;
      } else {
        throw new Error(`Ukjent oppgave «${task}». Bruk: migrate, seed, verify-audit.`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

async function archiveExtract(args: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL mangler.');
  const { values } = parseArgs({ args, options: { municipality: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } });
  const missing = (['municipality', 'from', 'to', 'out'] as const).filter((k) => !values[k]);
  if (missing.length) throw new Error(`Mangler ${missing.map((k) => `--${k}`).join(', ')}.`);
  const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
  if (!isDate(values.from!) || !isDate(values.to!) || values.from! > values.to!) throw new Error('--from og --to må være datoer (åååå-mm-dd), --from først.');
  const dataKey = decodeKey(process.env.DATA_ENCRYPTION_KEY ?? '');
  if (!dataKey) throw new Error('DATA_ENCRYPTION_KEY mangler eller er ikke 32 byte.');
  const dataSource = await createDataSource(url).initialize();
  try {
    const result = await runExtraction(dataSource, { municipalityId: values.municipality!, from: values.from!, to: values.to!, outDir: values.out!, dataKey, requestId: 'cli:archive-extract' });
    console.log(`Arkivuttrekk ${result.extractionId}: ${result.mapper} saker, ${result.registreringer} journalposter, ${result.dokumentobjekter} dokumenter i ${values.out}.`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
