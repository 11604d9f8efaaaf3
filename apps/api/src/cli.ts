import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createDataSource, runMigrations, seedDemoData } from '@app/persistence';
import { runExtraction } from '@app/persistence/archive/index.js';
import { decodeKey } from '@app/platform';
import { AuditVerifier } from './audit/audit-verifier.js';

/**
 * One-shot database tasks: `node cli.js migrate [seed]`, `node cli.js verify-audit` (exit 2 when the
 * audit hash chain is broken), `node cli.js archive-extract --municipality <id> --from <date> --to <date>
 * --out <dir>` (a Noark 5 extraction of the cases closed in the period; also needs DATA_ENCRYPTION_KEY). Used by `npm start` before the api and
 * worker start, and by the compose file's migration step. Only DATABASE_URL is needed.
 */
async function main(tasks: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL mangler.');
  if (tasks[0] === 'archive-extract') return archiveExtract(url, tasks.slice(1));
  const dataSource = await createDataSource(url).initialize();
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

async function archiveExtract(url: string, args: string[]): Promise<void> {
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
