import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@app/persistence';
import { runExtraction, writeExtraction } from '@app/persistence/archive/index.js';
import { logConcern, sendEvent } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';
import { validateNoarkFile } from './harness/noark-validation.js';
import { logins, startTestApp, TEST_ENCRYPTION_KEY, type TestApp } from './harness/test-app.js';

jest.setTimeout(180_000);

const osloToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));

describe('Noark 5 extraction (DESIGN 12.5)', () => {
  let t: TestApp;
  /** The superuser, for inspection. */
  let db: DataSource;
  /** The worker's login, as the CLI and the worker's job run the extraction. */
  let asWorker: DataSource;
  let out: string;
  let municipalityId: string;
  const closed: { id: string; reference?: string }[] = [];
  let openCaseId: string;
  let result: Awaited<ReturnType<typeof runExtraction>>;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
    asWorker = await createDataSource(logins.worker).initialize();
    out = mkdtempSync(join(tmpdir(), 'bti-uttrekk-'));
    const withReport = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { firstName: 'Markus', lastName: 'Arkivsen' } });
    expect((await sendEvent(t, 'kari.ansatt', withReport.id, reportEvent())).status).toBe(200);
    const plain = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { firstName: 'Sofie', lastName: 'Uttrekksen' } });
    for (const c of [withReport, plain]) {
      const res = await sendEvent(t, 'ola.leder', c.id, { type: 'close', reason: 'no_concern', justification: 'Samtale med barnet og foresatte avkreftet mistanken.' });
      expect(res.status).toBe(200);
      closed.push({ id: c.id });
    }
    openCaseId = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { firstName: 'Åpen', lastName: 'Saksen' } })).id;
    [{ municipalityId }] = await db.query(`SELECT "municipalityId" FROM bti_case WHERE id = $1`, [closed[0].id]);
    const today = osloToday();
    result = await runExtraction(asWorker, { municipalityId, from: today, to: today, outDir: out, dataKey: Buffer.from(TEST_ENCRYPTION_KEY, 'hex'), requestId: 'test' });
  });

  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
    await asWorker?.destroy();
    await t?.close();
  });

  it('writes the package layout: the XML files with their schemas and DOKUMENT/<saksaar>/<sekvens>/<n>.pdf', () => {
    const all = files(out);
    for (const f of ['arkivuttrekk.xml', 'arkivstruktur.xml', 'endringslogg.xml', 'loependeJournal.xml', 'offentligJournal.xml', 'arkivstruktur.xsd', 'metadatakatalog.xsd', 'addml82.xsd']) expect(all).toContain(f);
    expect(all.filter((f) => f.startsWith('.'))).toEqual([]);
    const pdfs = all.filter((f) => f.startsWith('DOKUMENT/'));
    expect(pdfs.length).toBe(result.dokumentobjekter);
    for (const p of pdfs) expect(p).toMatch(/^DOKUMENT\/\d{4}\/\d+\/\d+\.pdf$/);
  });

  it('holds the cases closed in the period and not an open one, and records them', async () => {
    const structure = readFileSync(join(out, 'arkivstruktur.xml'), 'utf8');
    for (const c of closed) expect(structure).toContain(`<systemID>${c.id}</systemID>`);
    expect(structure).not.toContain(openCaseId);
    const rows = await db.query(`SELECT "caseId" FROM archive_extraction_case WHERE "extractionId" = $1`, [result.extractionId]);
    expect(rows.map((r: { caseId: string }) => r.caseId)).toEqual(expect.arrayContaining(closed.map((c) => c.id)));
    const [run] = await db.query(`SELECT status, cases FROM archive_extraction WHERE id = $1`, [result.extractionId]);
    expect(run).toEqual({ status: 'done', cases: result.mapper });
    const [audit] = await db.query(`SELECT action, detail FROM audit_event WHERE action = 'archive.extract' AND detail->>'extractionId' = $1`, [result.extractionId]);
    expect(audit.detail.cases).toBe(result.mapper);
  });

  it('pages hold each case once, whatever the page size (the cursor keeps the closing time to the microsecond)', async () => {
    const paged = mkdtempSync(join(tmpdir(), 'bti-uttrekk-paged-'));
    // Closing times as PostgreSQL's now() writes them (microseconds), which a JS Date cannot hold.
    await db.query(`UPDATE bti_case SET "closedAt" = "closedAt" + interval '123 microseconds' WHERE id = ANY($1)`, [closed.map((c) => c.id)]);
    try {
      const today = osloToday();
      const counts = await writeExtraction(asWorker, { municipalityId, from: today, to: today, outDir: paged, dataKey: Buffer.from(TEST_ENCRYPTION_KEY, 'hex'), pageSize: 1 });
      const ids = [...readFileSync(join(paged, 'arkivstruktur.xml'), 'utf8').matchAll(/<mappe xsi:type="saksmappe"><systemID>([^<]+)</g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(counts.mapper).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(closed.map((c) => c.id)));
    } finally {
      rmSync(paged, { recursive: true, force: true });
    }
  });

  it.each(['arkivstruktur.xml', 'endringslogg.xml', 'loependeJournal.xml', 'offentligJournal.xml', 'arkivuttrekk.xml'])('%s validates against its Noark 5 v5.0 schema', async (file) => {
    expect(await validateNoarkFile(file, readFileSync(join(out, file), 'utf8'))).toEqual([]);
  });

  it('every file is in arkivuttrekk.xml with its SHA-256 and size, and the counts match', () => {
    const addml = readFileSync(join(out, 'arkivuttrekk.xml'), 'utf8');
    const listed = [...addml.matchAll(/<property name="name"><value>([^<]+)<\/value><\/property><property name="size"><value>(\d+)<\/value><\/property><property name="checksum"><properties><property name="algorithm"><value>SHA256<\/value><\/property><property name="value"><value>([0-9a-f]{64})</g)];
    const onDisk = files(out).filter((f) => f !== 'arkivuttrekk.xml');
    expect(listed.map((m) => m[1]).sort()).toEqual(onDisk.sort());
    for (const [, path, size, sha] of listed) {
      const bytes = readFileSync(join(out, path));
      expect([path, statSync(join(out, path)).size, createHash('sha256').update(bytes).digest('hex')]).toEqual([path, Number(size), sha]);
    }
    expect(addml).toContain(`<additionalElement name="mappe"><value>${result.mapper}</value>`);
    expect(addml).toContain(`<additionalElement name="dokumentobjekt"><value>${result.dokumentobjekter}</value>`);
    const structure = readFileSync(join(out, 'arkivstruktur.xml'), 'utf8');
    expect(structure.match(/xsi:type="saksmappe"/g)!.length).toBe(result.mapper);
    expect(structure.match(/<dokumentobjekt>/g)!.length).toBe(result.dokumentobjekter);
  });

  it('each dokumentobjekt names its file with the file\'s own checksum and size', () => {
    const structure = readFileSync(join(out, 'arkivstruktur.xml'), 'utf8');
    const objects = [...structure.matchAll(/<referanseDokumentfil>([^<]+)<\/referanseDokumentfil><sjekksum>([0-9a-f]{64})<\/sjekksum><sjekksumAlgoritme>SHA256<\/sjekksumAlgoritme><filstoerrelse>(\d+)</g)];
    expect(objects.length).toBe(result.dokumentobjekter);
    for (const [, path, sha, size] of objects) {
      const bytes = readFileSync(join(out, path));
      expect([bytes.length, createHash('sha256').update(bytes).digest('hex')]).toEqual([Number(size), sha]);
    }
  });

  it('screens every case: skjerming with Offl. § 13 on each saksmappe, the name absent from the public journal', () => {
    const structure = readFileSync(join(out, 'arkivstruktur.xml'), 'utf8');
    const folders = structure.split('<mappe xsi:type="saksmappe">').slice(1);
    for (const f of folders) expect(f).toMatch(/^[\s\S]*?<skjerming><tilgangsrestriksjon>P<\/tilgangsrestriksjon><skjermingshjemmel>Offl\. § 13 jf\. fvl\. § 13<\/skjermingshjemmel>/);
    expect(structure).toContain('Markus Arkivsen');
    const open = readFileSync(join(out, 'offentligJournal.xml'), 'utf8');
    expect(open).not.toContain('Arkivsen');
    expect(open).not.toContain('Uttrekksen');
    expect(open).toContain('Bekymringsmelding til barneverntjenesten om *****');
  });

  it('a document in DOKUMENT/ declares PDF/A-2b in its XMP metadata', () => {
    const pdf = files(out).find((f) => f.endsWith('.pdf'))!;
    const text = readFileSync(join(out, pdf)).toString('latin1');
    expect(text).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
  });
});
