import { DateTime } from 'luxon';
import { CHILD_WELFARE_CHANNEL_LABEL, type ChildWelfareReportChannel } from '@app/domain';
import { LEGAL_REFERENCES } from '@app/platform';
import type { FiksAddress, OffentligBekymringsmelding } from './report-document.js';
import { REPORT_STATUS_LABEL, type ReportStatus } from './report-status.js';

/** What the page says about the record beside the document itself. */
export interface ReportPageMeta {
  id: string;
  status: ReportStatus;
  channel: ChildWelfareReportChannel;
  reference: string | null;
  recordedAt: Date;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const yesNo = (value: boolean) => (value ? 'Ja' : 'Nei');
const osloTime = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Oslo' }).toFormat("dd.MM.yyyy 'kl.' HH:mm");

function address(a: FiksAddress): string {
  const place = [a.postnummer, a.poststed].filter(Boolean).join(' ');
  return [a.adresselinje1, a.adresselinje2, a.adresselinje3, place].filter((line) => line && line.trim()).map((line) => escapeHtml(line!)).join('<br>');
}

/** Rows of a definition list; empty values are left out rather than printed blank. */
function facts(rows: [string, string | undefined][]): string {
  const shown = rows.filter(([, value]) => value !== undefined && value !== '');
  return `<dl>${shown.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

const text = (value: string) => `<div class="text">${escapeHtml(value)}</div>`;

const STYLE = `
  :root { color: #1a1a1a; font-family: "Source Sans 3", "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; }
  body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; border-bottom: 1px solid #888; padding-bottom: .2rem; margin: 1.6rem 0 .6rem; }
  .lead { margin: 0 0 1rem; color: #333; }
  dl { display: grid; grid-template-columns: 14rem 1fr; gap: .25rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .text { white-space: pre-wrap; }
  .person { margin-bottom: .8rem; }
  footer { margin-top: 2rem; font-size: .9rem; color: #333; }
  .signature { margin-top: 2.5rem; display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; }
  .signature div { border-top: 1px solid #000; padding-top: .25rem; }
  button { font: inherit; padding: .4rem 1rem; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { margin: 0; max-width: none; }
    .no-print { display: none; }
    section, .person, dl { break-inside: avoid; }
    h2 { break-after: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`;

/** The report as a printable bokmål page (A4), from the stored v2 document. Every value is escaped. */
export function renderReportHtml(doc: OffentligBekymringsmelding, meta: ReportPageMeta): string {
  const melder = doc.offentligMelder;
  const children = doc.offentligBarn
    .map(
      (barn) => `<div class="person">${facts([
        ['Navn', escapeHtml(barn.personnavn)],
        ['Fødselsnummer', barn.fnr ? escapeHtml(barn.fnr) : 'Ikke registrert (fødselsdato står i meldingen)'],
        ['Adresse', address(barn.adresse)],
        ['Telefon', barn.telefonnummer ? escapeHtml(barn.telefonnummer) : undefined],
        ['Orientert om meldingen', yesNo(barn.orientert)],
        ['Hvorfor ikke orientert', barn.orientertGrunn ? escapeHtml(barn.orientertGrunn) : undefined],
      ])}</div>`,
    )
    .join('');
  const guardians = doc.foresatte
    .map(
      (f) => `<div class="person">${facts([
        ['Navn', escapeHtml(f.personnavn)],
        ['Telefon', f.telefonnummer ? escapeHtml(f.telefonnummer) : undefined],
        ['Orientert om meldingen', yesNo(f.orientert)],
        ['Hvorfor ikke orientert', f.orientertGrunn ? escapeHtml(f.orientertGrunn) : undefined],
      ])}</div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bekymringsmelding til barnevernet</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Bekymringsmelding til barnevernet</h1>
<p class="lead">Fra offentlig ansatt, etter opplysningsplikten (${escapeHtml(LEGAL_REFERENCES.dutyToReport.cite)}).</p>
<p class="no-print"><button type="button" onclick="window.print()">Skriv ut</button></p>
</header>
<section aria-labelledby="mottaker">
<h2 id="mottaker">Mottaker</h2>
${facts([
  ['Barneverntjenesten i', escapeHtml(doc.kommunenavn)],
  ['Kommunenummer', escapeHtml(doc.kommunenummer)],
  ['Bydel', `${escapeHtml(doc.bydelsnavn)} (${escapeHtml(doc.bydelsnummer)})`],
])}
</section>
<section aria-labelledby="melder">
<h2 id="melder">Melder</h2>
${facts([
  ['Navn', escapeHtml(melder.personnavn)],
  ['Rolle', escapeHtml(melder.rolle)],
  ['Telefon', escapeHtml(melder.telefonnummer)],
  ['E-post', escapeHtml(melder.epost)],
  ['Virksomhet', escapeHtml(melder.virksomhet.navn)],
  ['Organisasjonsnummer', melder.virksomhet.orgnr ? escapeHtml(melder.virksomhet.orgnr) : undefined],
  ['Adresse', address(melder.virksomhet.adresse)],
])}
</section>
<section aria-labelledby="barnet">
<h2 id="barnet">Barnet</h2>
${children}
</section>
<section aria-labelledby="foresatte">
<h2 id="foresatte">Foresatte</h2>
${guardians}
</section>
<section aria-labelledby="bekymringen">
<h2 id="bekymringen">Bekymringen</h2>
${text(doc.melding.melding)}
</section>
<section aria-labelledby="historie">
<h2 id="historie">Hva som er gjort</h2>
${text(doc.melding.historie)}
</section>
${doc.melding.andreSynspunkter ? `<section aria-labelledby="syn"><h2 id="syn">Barnets og foresattes syn</h2>${text(doc.melding.andreSynspunkter)}</section>` : ''}
${doc.andreHjelpeinstanser ? `<section aria-labelledby="andre"><h2 id="andre">Andre hjelpeinstanser</h2>${text(doc.andreHjelpeinstanser)}</section>` : ''}
${doc.behovForTolk ? `<section aria-labelledby="tolk"><h2 id="tolk">Behov for tolk</h2>${text(doc.behovForTolk)}</section>` : ''}
<div class="signature"><div>Sted og dato</div><div>Underskrift</div></div>
<footer>
${facts([
  ['Registrert', escapeHtml(osloTime(meta.recordedAt))],
  ['Kanal', escapeHtml(CHILD_WELFARE_CHANNEL_LABEL[meta.channel])],
  ['Barnevernets referanse', meta.reference ? escapeHtml(meta.reference) : undefined],
  ['Status', escapeHtml(REPORT_STATUS_LABEL[meta.status])],
  ['Dokument-id', escapeHtml(meta.id)],
  ['Format', 'KS Fiks «offentlig bekymringsmelding» versjon 2'],
])}
</footer>
</main>
</body>
</html>
`;
}
