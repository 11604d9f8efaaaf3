import { createHash, createDecipheriv, hkdfSync } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { DataSource } from 'typeorm';
import { bundledReferenceDataDir } from '@app/platform';
import { writeArchivePdf } from './archive-pdf.js';
import { caseDocuments, type ArchiveCaseRecord } from './case-documents.js';
import {
  addmlFile, addmlHead, addmlTail, arkivstrukturHead, arkivstrukturTail, caseNumber, endringXml, endringsloggHead, endringsloggTail,
  journalHead, journalRegistreringer, journalTail, osloYear, saksmappeXml, type ArchiveCase, type ArchiveMeta, type PackageCounts, type PackageFile,
} from './noark-xml.js';

export interface ExtractionRequest {
  municipalityId: string;
  /** Oslo dates yyyy-mm-dd: cases closed in [from, to] (DESIGN 12.8 item 1). */
  from: string;
  to: string;
  /** An empty or new directory: the package is written at its root. */
  outDir: string;
  /** DATA_ENCRYPTION_KEY: the report documents are stored encrypted. */
  dataKey: Buffer;
  /** Called after each page of cases (progress on the queue board). */
  onProgress?: (casesDone: number) => void | Promise<void>;
  /** Called with each case as it enters the package (archive_extraction_case): its id and the closing it holds, as the database's exact text (a Date keeps only milliseconds). */
  onCases?: (cases: { id: string; closedAt: string }[]) => Promise<void>;
  pageSize?: number;
}

export interface ExtractionResult extends PackageCounts {
  files: number;
}

const SCHEMAS = ['arkivstruktur.xsd', 'metadatakatalog.xsd', 'endringslogg.xsd', 'loependeJournal.xsd', 'offentligJournal.xsd', 'addml82.xsd'];
const schemaDir = () => join(bundledReferenceDataDir(), 'noark5');

/** A file written piece by piece, with back-pressure, hashed as it goes. */
class HashedFile {
  private readonly out: WriteStream;
  private readonly hash = createHash('sha256');
  private size = 0;
  constructor(readonly dir: string, readonly path: string) {
    this.out = createWriteStream(join(dir, path));
  }
  async write(text: string): Promise<void> {
    const chunk = Buffer.from(text, 'utf8');
    this.hash.update(chunk);
    this.size += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
  async close(): Promise<PackageFile> {
    this.out.end();
    await once(this.out, 'finish');
    return { path: this.path, sha256: this.hash.digest('hex'), size: this.size };
  }
}

/**
 * Writes a Noark 5 v5.0 extraction of the municipality's cases closed in the period (DESIGN 12.5):
 * pages of cases are read, their documents written as PDF/A-2b and their XML appended to the open
 * files, so memory stays flat whatever the number of cases. arkivuttrekk.xml comes last, with
 * every file's SHA-256 and size; the document entries wait in a scratch file until then.
 */
export async function writeExtraction(ds: DataSource, req: ExtractionRequest): Promise<ExtractionResult> {
  const [municipality] = (await ds.query(`SELECT name FROM municipality WHERE id = $1`, [req.municipalityId])) as { name: string }[];
  if (!municipality) throw new Error('Kommunen finnes ikke.');
  const meta: ArchiveMeta = { municipalityId: req.municipalityId, municipalityName: municipality.name, from: req.from, to: req.to, createdAt: new Date() };
  await mkdir(join(req.outDir, 'DOKUMENT'), { recursive: true });
  const structure = new HashedFile(req.outDir, 'arkivstruktur.xml');
  const changes = new HashedFile(req.outDir, 'endringslogg.xml');
  // Journals need their count of journalposter in the head: their bodies go to scratch files first.
  const journalBodies = { loependeJournal: new HashedFile(req.outDir, '.loependeJournal.part'), offentligJournal: new HashedFile(req.outDir, '.offentligJournal.part') };
  const documentEntries = new HashedFile(req.outDir, '.dokumenter.part');
  const counts: PackageCounts = { mapper: 0, registreringer: 0, dokumentobjekter: 0 };
  const journalSequence = new Map<number, number>();
  const reportKey = Buffer.from(hkdfSync('sha256', req.dataKey, Buffer.alloc(0), 'bti/child-welfare-report/aes-256-gcm', 32));

  await structure.write(arkivstrukturHead(meta));
  await changes.write(endringsloggHead());
  // The cursor's time as text: a JS Date keeps milliseconds, the column microseconds, and a Date
  // cursor read each page's last case again on the next page.
  let after: { closedAt: string; id: string } | null = null;
  for (;;) {
    const rows = (await ds.query(`SELECT id, "closedAt", "closedAt"::text AS "closedAtExact", record FROM bti_archive_cases($1, $2::date, $3::date, $4, $5, $6)`, [
      req.municipalityId, req.from, req.to, after?.closedAt ?? null, after?.id ?? null, req.pageSize ?? 100,
    ])) as { id: string; closedAt: Date; closedAtExact: string; record: ArchiveCaseRecord }[];
    for (const row of rows) {
      const c = await writeCase(req.outDir, row.record, meta, journalSequence, reportKey);
      for (const jp of c.journalposts) await documentEntries.write(addmlFile(jp.document));
      await structure.write(saksmappeXml(c));
      await changes.write(endringXml(c));
      for (const kind of ['loependeJournal', 'offentligJournal'] as const) await journalBodies[kind].write(journalRegistreringer(kind, c));
      counts.mapper += 1;
      counts.registreringer += c.journalposts.length;
      counts.dokumentobjekter += c.journalposts.length;
    }
    if (rows.length) await req.onCases?.(rows.map((r) => ({ id: r.id, closedAt: r.closedAtExact })));
    await req.onProgress?.(counts.mapper);
    if (rows.length < (req.pageSize ?? 100)) break;
    after = { closedAt: rows[rows.length - 1].closedAtExact, id: rows[rows.length - 1].id };
  }
  if (counts.mapper === 0) throw new Error('Ingen avsluttede saker i perioden.');
  await structure.write(arkivstrukturTail());
  await changes.write(endringsloggTail());

  const files: PackageFile[] = [await structure.close(), await changes.close()];
  for (const kind of ['loependeJournal', 'offentligJournal'] as const) {
    await journalBodies[kind].close();
    const journal = new HashedFile(req.outDir, `${kind}.xml`);
    await journal.write(journalHead(kind, meta, counts.registreringer));
    await appendFile(journal, join(req.outDir, `.${kind}.part`));
    await journal.write(journalTail(kind));
    files.push(await journal.close());
  }
  for (const schema of SCHEMAS) {
    await copyFile(join(schemaDir(), schema), join(req.outDir, schema));
    files.push(await hashFile(req.outDir, schema));
  }
  await documentEntries.close();
  const addml = new HashedFile(req.outDir, 'arkivuttrekk.xml');
  await addml.write(addmlHead(meta, counts));
  for (const f of files) await addml.write(addmlFile(f));
  await appendFile(addml, join(req.outDir, '.dokumenter.part'));
  await addml.write(addmlTail());
  await addml.close();
  for (const part of ['.loependeJournal.part', '.offentligJournal.part', '.dokumenter.part']) await rm(join(req.outDir, part));
  return { ...counts, files: files.length + counts.dokumentobjekter + 1 };
}

/** One case: its documents as PDF/A-2b under DOKUMENT/<saksaar>/<sekvens>/, and its XML model. */
async function writeCase(outDir: string, record: ArchiveCaseRecord, meta: ArchiveMeta, journalSequence: Map<number, number>, reportKey: Buffer): Promise<ArchiveCase> {
  const { year, sequence } = caseNumber(record.reference);
  const dir = join('DOKUMENT', String(year), String(sequence));
  await mkdir(join(outDir, dir), { recursive: true });
  const docs = caseDocuments(record, (encrypted) => decryptReport(reportKey, encrypted));
  const journalposts = [];
  for (const [i, d] of docs.documents.entries()) {
    const path = `${dir}/${i + 1}.pdf`;
    const { sha256, size } = await writeArchivePdf(join(outDir, path), d.content, meta.createdAt);
    const at = new Date(d.at);
    const journalYear = osloYear(at);
    const n = (journalSequence.get(journalYear) ?? 0) + 1;
    journalSequence.set(journalYear, n);
    journalposts.push({ ...d.post, at, journalYear, journalSequence: n, number: i + 1, document: { path, sha256, size } });
  }
  return { ...docs.folder, journalposts };
}

/** The same key derivation as the API's DocumentCipher (apps/api/src/child-welfare-reports/document-cipher.ts). */
function decryptReport(key: Buffer, encrypted: string): unknown {
  const raw = Buffer.from(encrypted, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
}

async function appendFile(target: HashedFile, source: string): Promise<void> {
  for await (const chunk of createReadStream(source, { encoding: 'utf8' })) await target.write(chunk as string);
}

async function hashFile(dir: string, path: string): Promise<PackageFile> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(join(dir, path))) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { path, sha256: hash.digest('hex'), size };
}
