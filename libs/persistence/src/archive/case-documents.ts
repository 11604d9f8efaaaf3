import type { ArchivePdfContent } from './archive-pdf.js';
import { derivedId, osloDateTimeNb, screenedTitle, type ArchiveCase, type ArchiveJournalpost } from './noark-xml.js';

/** One case as `bti_archive_cases` returns it (migration RetentionAndArchive). */
export interface ArchiveCaseRecord {
  id: string;
  reference: string;
  createdAt: string;
  closedAt: string;
  unitName: string;
  coordinatorName: string;
  child: { firstName: string; lastName: string; birthDate: string };
  concern: { id: string; at: string; description: string; categories: string[]; riskFactors: string[]; protectiveFactors: string[]; childVoice: string | null; author: string };
  log: { id: string; type: string; at: string; text: string; author: string; outcome: string | null }[];
  reports: { id: string; at: string; channel: string; reference: string | null; guardiansInformed: boolean; documentEncrypted: string; author: string }[];
}

export interface CaseDocument {
  at: string;
  post: Pick<ArchiveJournalpost, 'systemId' | 'kind' | 'title' | 'publicTitle' | 'author'>;
  content: ArchivePdfContent;
}

/** Decisions on the case's route and level (vedtak in the archive's sense). */
const DECISION_TYPES = new Set(['decide', 'escalate', 'step_down']);
const isClosing = (e: ArchiveCaseRecord['log'][number]) => e.type === 'close' || (e.type === 'evaluate' && e.outcome === 'close');
const when = (at: string) => osloDateTimeNb(new Date(at));

/**
 * The documents a case leaves in the archive (DESIGN 12.5): the concern, each decision, each report
 * to child welfare, and at closing the whole case log (stafettlogg). Titles name the child; the
 * public titles have the name screened.
 */
export function caseDocuments(record: ArchiveCaseRecord, readReport: (encrypted: string) => unknown): { folder: Omit<ArchiveCase, 'journalposts'>; documents: CaseDocument[] } {
  const childName = `${record.child.firstName} ${record.child.lastName}`;
  const names = [childName, record.child.firstName, record.child.lastName];
  const titled = (title: string) => ({ title, publicTitle: screenedTitle(title, names) });
  const subtitle = `${record.reference} · ${record.unitName}`;
  const documents: CaseDocument[] = [];

  const c = record.concern;
  documents.push({
    at: c.at,
    post: { systemId: c.id, kind: 'concern', author: c.author, ...titled(`Bekymring for ${childName}`) },
    content: {
      title: `Bekymring for ${childName}`,
      subtitle,
      sections: [
        { heading: 'Barnet', paragraphs: [`${childName}, født ${record.child.birthDate}`] },
        { heading: 'Bekymringen', paragraphs: [c.description] },
        { heading: 'Kategorier og faktorer', paragraphs: [`Kategorier: ${c.categories.join(', ') || '–'}`, `Risikofaktorer: ${c.riskFactors.join(', ') || '–'}`, `Beskyttelsesfaktorer: ${c.protectiveFactors.join(', ') || '–'}`] },
        ...(c.childVoice ? [{ heading: 'Barnets stemme', paragraphs: [c.childVoice] }] : []),
        { heading: 'Registrert', paragraphs: [`${when(c.at)} av ${c.author}`] },
      ],
    },
  });
  for (const e of record.log.filter((e) => DECISION_TYPES.has(e.type) || (e.type === 'evaluate' && e.outcome !== 'close'))) {
    documents.push({
      at: e.at,
      post: { systemId: e.id, kind: 'decision', author: e.author, ...titled(`Beslutning i saken om ${childName}`) },
      content: { title: `Beslutning i saken om ${childName}`, subtitle, sections: [{ heading: when(e.at), paragraphs: [e.text, `Skrevet av ${e.author}`] }] },
    });
  }
  for (const r of record.reports) {
    documents.push({
      at: r.at,
      post: { systemId: r.id, kind: 'report', author: r.author, ...titled(`Bekymringsmelding til barneverntjenesten om ${childName}`) },
      content: {
        title: `Bekymringsmelding til barneverntjenesten om ${childName}`,
        subtitle,
        sections: [
          { heading: 'Meldingen', paragraphs: [`Registrert ${when(r.at)} av ${r.author}`, `Kanal: ${r.channel}`, `Referanse: ${r.reference ?? '–'}`, `Foresatte informert: ${r.guardiansInformed ? 'Ja' : 'Nei'}`] },
          { heading: 'Dokumentet (KS Fiks offentlig bekymringsmelding v2)', paragraphs: flatten(readReport(r.documentEncrypted)) },
        ],
      },
    });
  }
  const closing = [...record.log].reverse().find(isClosing);
  documents.push({
    at: closing?.at ?? record.closedAt,
    post: { systemId: closing?.id ?? derivedId(`avslutning:${record.id}`), kind: 'closing', author: closing?.author ?? record.coordinatorName, ...titled(`Stafettlogg og avslutning for ${childName}`) },
    content: {
      title: `Stafettlogg for ${childName}`,
      subtitle,
      sections: [{ heading: `Saken ble avsluttet ${when(record.closedAt)}`, paragraphs: record.log.map((e) => `${when(e.at)} – ${e.author}: ${e.text}`) }],
    },
  });
  return {
    folder: {
      id: record.id,
      reference: record.reference,
      ...titled(`Bedre tverrfaglig innsats – ${childName}`),
      createdAt: new Date(record.createdAt),
      closedAt: new Date(record.closedAt),
      unitName: record.unitName,
      coordinatorName: record.coordinatorName,
    },
    documents,
  };
}

/** A JSON document as «path: value» lines, in its own order. */
function flatten(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [`${path}: ${String(value)}`];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k));
}
