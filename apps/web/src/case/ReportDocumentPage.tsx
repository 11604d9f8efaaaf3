import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { usePageHeading } from '../components/usePageHeading';
import { dateTime, REPORT_CHANNEL_LABEL, REPORT_STATUS_LABEL } from '../labels';
import { useChildWelfareReports } from './ChildWelfareReports';

interface Address {
  adresselinje1: string;
  adresselinje2?: string;
  adresselinje3?: string;
  postnummer?: string;
  poststed?: string;
}

const addressLines = (a: Address) =>
  [a.adresselinje1, a.adresselinje2, a.adresselinje3, [a.postnummer, a.poststed].filter(Boolean).join(' ')].filter((line) => line && line.trim()).join(', ');
const yesNo = (value: boolean) => (value ? 'Ja' : 'Nei');

/** Rows of a description list; empty values are left out rather than shown blank. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * A recorded report to child welfare as the document it is (KS Fiks «offentlig bekymringsmelding»
 * v2, GET …/child-welfare-reports/:reportId), printable on A4: the print CSS leaves out the menu
 * and the buttons (styles.css, `@media print`).
 */
export default function ReportDocumentPage() {
  const { id = '', reportId = '' } = useParams();
  const doc = useQuery({
    queryKey: ['child-welfare-report', id, reportId],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/child-welfare-reports/{reportId}', { params: { path: { id, reportId } } })),
  });
  const meta = useChildWelfareReports(id).data?.items.find((r) => r.id === reportId);
  const heading = usePageHeading(doc.isPending ? undefined : 'Bekymringsmelding til barnevernet');
  const back = (
    <Link to={`/saker/${id}`} className="no-print">
      ← Tilbake til saken
    </Link>
  );
  if (doc.isPending) return <Spinner aria-label="Henter meldingen" />;
  if (!doc.data) {
    return (
      <div className="page stack">
        {back}
        <Heading level={1} data-size="md" ref={heading} tabIndex={-1}>
          Bekymringsmelding til barnevernet
        </Heading>
        <ProblemAlert error={doc.error} />
      </div>
    );
  }
  const d = doc.data;
  const melder = d.offentligMelder;
  return (
    <article className="page stack report-document">
      {back}
      <header className="stack">
        <Heading level={1} data-size="md" ref={heading} tabIndex={-1}>
          Bekymringsmelding til barnevernet
        </Heading>
        <Paragraph>Fra offentlig ansatt, etter opplysningsplikten (barnevernsloven § 13-2).</Paragraph>
        <div className="no-print">
          <Button type="button" variant="secondary" onClick={() => window.print()}>
            Skriv ut
          </Button>
        </div>
      </header>
      <section aria-labelledby="r-mottaker" className="stack">
        <Heading level={2} data-size="sm" id="r-mottaker">
          Mottaker
        </Heading>
        <Facts rows={[['Barneverntjenesten i', d.kommunenavn], ['Kommunenummer', d.kommunenummer], ['Bydel', `${d.bydelsnavn} (${d.bydelsnummer})`]]} />
      </section>
      <section aria-labelledby="r-melder" className="stack">
        <Heading level={2} data-size="sm" id="r-melder">
          Melder
        </Heading>
        <Facts
          rows={[
            ['Navn', melder.personnavn],
            ['Rolle', melder.rolle],
            ['Telefon', melder.telefonnummer],
            ['E-post', melder.epost],
            ['Virksomhet', melder.virksomhet.navn],
            ['Organisasjonsnummer', melder.virksomhet.orgnr],
            ['Adresse', addressLines(melder.virksomhet.adresse)],
          ]}
        />
      </section>
      <section aria-labelledby="r-barnet" className="stack">
        <Heading level={2} data-size="sm" id="r-barnet">
          Barnet
        </Heading>
        {d.offentligBarn.map((barn) => (
          <Facts
            key={barn.personnavn + barn.fnr}
            rows={[
              ['Navn', barn.personnavn],
              ['Fødselsnummer', barn.fnr || 'Ikke registrert (fødselsdato står i meldingen)'],
              ['Adresse', addressLines(barn.adresse)],
              ['Telefon', barn.telefonnummer],
              ['Orientert om meldingen', yesNo(barn.orientert)],
              ['Hvorfor ikke orientert', barn.orientertGrunn],
            ]}
          />
        ))}
      </section>
      <section aria-labelledby="r-foresatte" className="stack">
        <Heading level={2} data-size="sm" id="r-foresatte">
          Foresatte
        </Heading>
        {d.foresatte.map((f) => (
          <Facts
            key={f.personnavn}
            rows={[
              ['Navn', f.personnavn],
              ['Telefon', f.telefonnummer],
              ['Orientert om meldingen', yesNo(f.orientert)],
              ['Hvorfor ikke orientert', f.orientertGrunn],
            ]}
          />
        ))}
      </section>
      <section aria-labelledby="r-bekymringen" className="stack">
        <Heading level={2} data-size="sm" id="r-bekymringen">
          Bekymringen
        </Heading>
        <Paragraph className="prewrap">{d.melding.melding}</Paragraph>
      </section>
      <section aria-labelledby="r-historie" className="stack">
        <Heading level={2} data-size="sm" id="r-historie">
          Hva som er gjort
        </Heading>
        <Paragraph className="prewrap">{d.melding.historie}</Paragraph>
      </section>
      {d.melding.andreSynspunkter && (
        <section aria-labelledby="r-syn" className="stack">
          <Heading level={2} data-size="sm" id="r-syn">
            Barnets og foresattes syn
          </Heading>
          <Paragraph className="prewrap">{d.melding.andreSynspunkter}</Paragraph>
        </section>
      )}
      <div className="signature" aria-hidden="true">
        <div>Sted og dato</div>
        <div>Underskrift</div>
      </div>
      {meta && (
        <footer>
          <Facts
            rows={[
              ['Registrert', dateTime(meta.recordedAt)],
              ['Meldt', REPORT_CHANNEL_LABEL[meta.channel]],
              ['Barnevernets referanse', meta.reference],
              ['Status', REPORT_STATUS_LABEL[meta.status]],
              ['Format', 'KS Fiks «offentlig bekymringsmelding» versjon 2'],
            ]}
          />
        </footer>
      )}
    </article>
  );
}
