import { createHash } from 'node:crypto';

/**
 * Noark 5 v5.0 XML, one piece at a time (DESIGN 12.5): pure functions returning strings, so the
 * writer can stream a package of any size and the tests can validate small ones against the
 * schemas in libs/reference-data/noark5/.
 */

export const NOARK_NS = {
  arkivstruktur: 'http://www.arkivverket.no/standarder/noark5/arkivstruktur',
  endringslogg: 'http://www.arkivverket.no/standarder/noark5/endringslogg',
  loependeJournal: 'http://www.arkivverket.no/standarder/noark5/loependeJournal',
  offentligJournal: 'http://www.arkivverket.no/standarder/noark5/offentligJournal',
  addml: 'http://www.arkivverket.no/standarder/addml',
} as const;

/** Offentleglova § 13 (duty of confidentiality) with forvaltningsloven § 13: every case is screened. */
export const SCREENING = { tilgangsrestriksjon: 'P', skjermingshjemmel: 'Offl. § 13 jf. fvl. § 13' } as const;
/** PRONOM id of PDF/A-2b, which Arkade 5 accepts for documents after 2008. */
export const PDFA_2B = { format: 'fmt/477', formatDetaljer: 'PDF/A-2b' } as const;
const SCREENED = '*****';
const SYSTEM = 'BTI saksflyt';

export interface ArchiveMeta {
  municipalityId: string;
  municipalityName: string;
  /** The period's first and last day (Oslo dates, yyyy-mm-dd). */
  from: string;
  to: string;
  /** When the extraction was made. */
  createdAt: Date;
}

export interface ArchiveDocument {
  /** Path inside the package, e.g. DOKUMENT/2026/1/1.pdf. */
  path: string;
  sha256: string;
  size: number;
}

export type JournalpostKind = 'concern' | 'decision' | 'report' | 'closing';

export interface ArchiveJournalpost {
  systemId: string;
  kind: JournalpostKind;
  /** Internal title (may name the child); the public journal shows `publicTitle`. */
  title: string;
  publicTitle: string;
  at: Date;
  author: string;
  /** Running number per journal year within the extraction (set by the writer). */
  journalYear: number;
  journalSequence: number;
  /** The post's number within the case folder (1, 2, …). */
  number: number;
  document: ArchiveDocument;
}

export interface ArchiveCase {
  id: string;
  /** BTI-<year>-<n>: saksaar and sakssekvensnummer (DESIGN 12.8 item 9). */
  reference: string;
  title: string;
  publicTitle: string;
  createdAt: Date;
  closedAt: Date;
  unitName: string;
  coordinatorName: string;
  journalposts: ArchiveJournalpost[];
}

export function escapeXml(value: string): string {
  // Characters XML 1.0 forbids are dropped; the five specials escaped.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const el = (name: string, value: string | number) => `<${name}>${escapeXml(String(value))}</${name}>`;
const dateTime = (at: Date) => at.toISOString();
/**
 * Formatters are made once: each `Intl.DateTimeFormat` holds ICU objects outside V8's heap, freed
 * only when V8 collects it, so one per call grew an extraction to 530 MB resident.
 */
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
const OSLO_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' });
const OSLO_DATE_TIME_NB = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The Oslo calendar date of an instant (yyyy-mm-dd). */
export function osloDate(at: Date): string {
  return OSLO_DATE.format(at);
}

/** The Oslo calendar year of an instant. */
export function osloYear(at: Date): number {
  return Number(OSLO_YEAR.format(at));
}

/** `30. november 2026 kl. 15.40` style, in Oslo time. */
export function osloDateTimeNb(at: Date): string {
  return OSLO_DATE_TIME_NB.format(at).replace(':', '.');
}

/** saksaar and sakssekvensnummer of `BTI-2026-0042` (mappeID `2026/42`). */
export function caseNumber(reference: string): { year: number; sequence: number } {
  const m = /^BTI-(\d{4})-(\d+)$/.exec(reference);
  if (!m) throw new Error(`Saksreferansen har feil form: ${reference}`);
  return { year: Number(m[1]), sequence: Number(m[2]) };
}

/** A stable UUID derived from a name, for systemIDs the database has no row for (arkiv, arkivdel, dokument). */
export function derivedId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const arkivskaper = (meta: ArchiveMeta) =>
  `<arkivskaper>${el('arkivskaperID', meta.municipalityId)}${el('arkivskaperNavn', meta.municipalityName)}</arkivskaper>`;

const skjerming = () =>
  `<skjerming>${el('tilgangsrestriksjon', SCREENING.tilgangsrestriksjon)}${el('skjermingshjemmel', SCREENING.skjermingshjemmel)}${el('skjermingMetadata', 'tittel')}${el('skjermingMetadata', 'part')}</skjerming>`;

/** arkivstruktur.xml up to the first saksmappe: one arkiv per municipality, one arkivdel per period. */
export function arkivstrukturHead(meta: ArchiveMeta): string {
  const created = dateTime(meta.createdAt);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<arkiv xmlns="${NOARK_NS.arkivstruktur}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el('systemID', derivedId(`arkiv:${meta.municipalityId}`)) +
    el('tittel', `Bedre tverrfaglig innsats – ${meta.municipalityName}`) +
    el('arkivstatus', 'Avsluttet') +
    el('dokumentmedium', 'Elektronisk arkiv') +
    el('opprettetDato', created) + el('opprettetAv', SYSTEM) + el('avsluttetDato', created) + el('avsluttetAv', SYSTEM) +
    arkivskaper(meta) +
    `<arkivdel>` +
    el('systemID', derivedId(`arkivdel:${meta.municipalityId}:${meta.from}:${meta.to}`)) +
    el('tittel', `BTI-saker avsluttet ${meta.from} – ${meta.to}`) +
    el('arkivdelstatus', 'Avsluttet periode') +
    el('dokumentmedium', 'Elektronisk arkiv') +
    el('opprettetDato', created) + el('opprettetAv', SYSTEM) + el('avsluttetDato', created) + el('avsluttetAv', SYSTEM) +
    el('arkivperiodeStartDato', meta.from) + el('arkivperiodeSluttDato', meta.to) +
    skjerming()
  );
}

export function arkivstrukturTail(): string {
  return `</arkivdel></arkiv>\n`;
}

const DOCUMENT_TYPE: Record<JournalpostKind, { journalposttype: string; dokumenttype: string }> = {
  concern: { journalposttype: 'Organinternt dokument uten oppfølging', dokumenttype: 'Bekymring' },
  decision: { journalposttype: 'Organinternt dokument uten oppfølging', dokumenttype: 'Vedtak' },
  report: { journalposttype: 'Utgående dokument', dokumenttype: 'Bekymringsmelding' },
  closing: { journalposttype: 'Organinternt dokument uten oppfølging', dokumenttype: 'Saksdokument' },
};

function journalpostXml(jp: ArchiveJournalpost): string {
  const at = dateTime(jp.at);
  const day = osloDate(jp.at);
  const types = DOCUMENT_TYPE[jp.kind];
  return (
    `<registrering xsi:type="journalpost">` +
    el('systemID', jp.systemId) + el('opprettetDato', at) + el('opprettetAv', jp.author) + el('arkivertDato', at) + el('arkivertAv', SYSTEM) +
    skjerming() +
    `<dokumentbeskrivelse>` +
    el('systemID', derivedId(`dokument:${jp.systemId}`)) +
    el('dokumenttype', types.dokumenttype) + el('dokumentstatus', 'Dokumentet er ferdigstilt') +
    el('tittel', jp.title) + el('opprettetDato', at) + el('opprettetAv', jp.author) +
    el('tilknyttetRegistreringSom', 'Hoveddokument') + el('dokumentnummer', 1) + el('tilknyttetDato', at) + el('tilknyttetAv', SYSTEM) +
    `<dokumentobjekt>` +
    el('systemID', derivedId(`dokumentobjekt:${jp.systemId}`)) +
    el('versjonsnummer', 1) + el('variantformat', 'Arkivformat') + el('format', PDFA_2B.format) + el('formatDetaljer', PDFA_2B.formatDetaljer) +
    el('opprettetDato', at) + el('opprettetAv', SYSTEM) +
    el('referanseDokumentfil', jp.document.path) + el('sjekksum', jp.document.sha256) + el('sjekksumAlgoritme', 'SHA256') +
    el('filstoerrelse', jp.document.size) +
    `</dokumentobjekt></dokumentbeskrivelse>` +
    el('registreringsID', `${jp.journalYear}/${jp.journalSequence}`) +
    el('tittel', jp.title) + el('offentligTittel', jp.publicTitle) + el('forfatter', jp.author) +
    el('journalaar', jp.journalYear) + el('journalsekvensnummer', jp.journalSequence) + el('journalpostnummer', jp.number) +
    el('journalposttype', types.journalposttype) + el('journalstatus', 'Arkivert') + el('journaldato', day) + el('dokumentetsDato', day) +
    `</registrering>`
  );
}

/** One saksmappe with its journalposter. */
export function saksmappeXml(c: ArchiveCase): string {
  const { year, sequence } = caseNumber(c.reference);
  return (
    `<mappe xsi:type="saksmappe">` +
    el('systemID', c.id) + el('mappeID', `${year}/${sequence}`) +
    el('tittel', c.title) + el('offentligTittel', c.publicTitle) +
    el('noekkelord', c.reference) +
    el('dokumentmedium', 'Elektronisk arkiv') +
    el('opprettetDato', dateTime(c.createdAt)) + el('opprettetAv', c.coordinatorName) +
    el('avsluttetDato', dateTime(c.closedAt)) + el('avsluttetAv', c.coordinatorName) +
    skjerming() +
    c.journalposts.map(journalpostXml).join('') +
    el('saksaar', year) + el('sakssekvensnummer', sequence) + el('saksdato', osloDate(c.createdAt)) +
    el('administrativEnhet', c.unitName) + el('saksansvarlig', c.coordinatorName) + el('saksstatus', 'Avsluttet') +
    `</mappe>`
  );
}

/** endringslogg.xml: the case status set to «Avsluttet» at closing, one endring per case. */
export function endringsloggHead(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<endringslogg xmlns="${NOARK_NS.endringslogg}">`;
}
export function endringXml(c: ArchiveCase): string {
  return (
    `<endring>` + el('referanseArkivenhet', c.id) + el('referanseMetadata', 'saksstatus') + el('endretDato', dateTime(c.closedAt)) +
    el('endretAv', c.coordinatorName) + el('tidligereVerdi', 'Under behandling') + el('nyVerdi', 'Avsluttet') + `</endring>`
  );
}
export function endringsloggTail(): string {
  return `</endringslogg>\n`;
}

export type JournalKind = 'loependeJournal' | 'offentligJournal';

export function journalHead(kind: JournalKind, meta: ArchiveMeta, journalposts: number): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${kind} xmlns="${NOARK_NS[kind]}"><journalhode>` +
    el('journalStartDato', meta.from) + el('journalSluttDato', meta.to) + el('antallJournalposter', journalposts) + arkivskaper(meta) +
    `</journalhode>`
  );
}

/** The case's journalposter in a journal; the public journal has only the screened titles. */
export function journalRegistreringer(kind: JournalKind, c: ArchiveCase): string {
  const open = kind === 'offentligJournal';
  const { year, sequence } = caseNumber(c.reference);
  const saksmappe = `<saksmappe>${el('saksaar', year)}${el('sakssekvensnummer', sequence)}${open ? '' : el('tittel', c.title)}${el('offentligTittel', c.publicTitle)}${open ? '' : el('skjermingMetadata', 'tittel')}</saksmappe>`;
  return c.journalposts
    .map(
      (jp) =>
        `<journalregistrering>${saksmappe}<journalpost>` +
        el('systemID', jp.systemId) + el('journalaar', jp.journalYear) + el('journalsekvensnummer', jp.journalSequence) + el('journalpostnummer', jp.number) +
        (open ? '' : el('tittel', jp.title)) + el('offentligTittel', jp.publicTitle) + (open ? '' : el('skjermingMetadata', 'tittel')) +
        el('journaldato', osloDate(jp.at)) + el('dokumentetsDato', osloDate(jp.at)) +
        el('tilgangsrestriksjon', SCREENING.tilgangsrestriksjon) + el('skjermingshjemmel', SCREENING.skjermingshjemmel) +
        `<korrespondansepart>${el('korrespondanseparttype', jp.kind === 'report' ? 'Mottaker' : 'Intern avsender')}${el('korrespondansepartNavn', jp.kind === 'report' ? 'Barneverntjenesten' : c.unitName)}</korrespondansepart>` +
        `</journalpost></journalregistrering>`,
    )
    .join('');
}

export function journalTail(kind: JournalKind): string {
  return `</${kind}>\n`;
}

/** A title with the child's name replaced for the public journal (offentleglova § 13). */
export function screenedTitle(title: string, names: readonly string[]): string {
  return names.filter((n) => n.trim().length > 0).reduce((t, n) => t.split(n).join(SCREENED), title);
}

export interface PackageFile {
  path: string;
  sha256: string;
  size: number;
}

export interface PackageCounts {
  mapper: number;
  registreringer: number;
  dokumentobjekter: number;
}

const prop = (name: string, value: string | number) => `<property name="${escapeXml(name)}"><value>${escapeXml(String(value))}</value></property>`;

/**
 * arkivuttrekk.xml (ADDML 8.2) in the shape Arkade 5 reads, in three parts so the writer can stream
 * the document entries: the head with the counts of mapper, registreringer and dokumentobjekter,
 * one dataObject per file (every XML file and every document) with its size and SHA-256, the tail.
 */
export function addmlHead(meta: ArchiveMeta, counts: PackageCounts): string {
  const count = (name: string, n: number) => `<additionalElement name="${name}"><value>${n}</value></additionalElement>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<addml xmlns="${NOARK_NS.addml}" name="Noark 5 arkivuttrekk"><dataset name="${derivedId(`uttrekk:${meta.municipalityId}:${meta.from}:${meta.to}`)}">` +
    el('description', `BTI-saker for ${meta.municipalityName} avsluttet ${meta.from} – ${meta.to}`) +
    `<reference><context><additionalElements>` +
    `<additionalElement name="recordCreators"><additionalElements><additionalElement name="recordCreator"><properties>${prop('name', meta.municipalityName)}</properties></additionalElement></additionalElements></additionalElement>` +
    `<additionalElement name="systemName"><value>${SYSTEM}</value></additionalElement>` +
    `<additionalElement name="archivalPeriod"><properties>${prop('startDate', meta.from)}${prop('endDate', meta.to)}</properties></additionalElement>` +
    `</additionalElements></context>` +
    `<content><additionalElements><additionalElement name="numberOfOccurrences"><additionalElements>` +
    count('mappe', counts.mapper) + count('registrering', counts.registreringer) + count('dokumentobjekt', counts.dokumentobjekter) +
    `</additionalElements></additionalElement></additionalElements></content></reference>` +
    `<dataObjects><dataObject name="Noark 5 arkivuttrekk"><properties>${prop('info', 'Noark 5 v5.0')}</properties><dataObjects>`
  );
}

export function addmlFile(f: PackageFile): string {
  return (
    `<dataObject name="${escapeXml(f.path)}"><properties><property name="file"><properties>` +
    prop('name', f.path) + prop('size', f.size) +
    `<property name="checksum"><properties>${prop('algorithm', 'SHA256')}${prop('value', f.sha256)}</properties></property>` +
    `</properties></property></properties></dataObject>`
  );
}

export function addmlTail(): string {
  return `</dataObjects></dataObject></dataObjects></dataset></addml>\n`;
}
