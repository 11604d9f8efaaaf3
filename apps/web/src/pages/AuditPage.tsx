import { Alert, Button, Field, Heading, Label, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { count, longDateTime } from '../format';
import { EVENT_LABEL } from '../labels';

/** What each audited action means, in words (case events by their event's name). */
const ACTION_LABEL: Record<string, string> = {
  'case.create': 'Meldte en bekymring',
  'case.create.replay': 'Sendte samme bekymring på nytt',
  'case.read': 'Åpnet saken',
  'case.list': 'Så saken i en saksliste',
  'case.search': 'Fant saken i et søk',
  'case.agenda': 'Så saken i «Denne uka»',
  'case.assign': 'Tildelte stafettholder',
  'case.log.read': 'Leste sakens logg',
  'case.log.create': 'Skrev i sakens logg',
  'case.log.correct': 'Rettet en loggføring',
  'case.child_welfare_report.list': 'Så meldingene til barnevernet',
  'case.child_welfare_report.read': 'Leste en melding til barnevernet',
  'case.child_welfare_report.print': 'Skrev ut en melding til barnevernet',
  'consent.record': 'Registrerte samtykke',
  'consent.withdraw': 'Trakk tilbake samtykke',
  'consent.list': 'Så samtykkene',
  'measure.create': 'La til et tiltak',
  'measure.evaluate': 'Evaluerte et tiltak',
  'measure.list': 'Så tiltakene',
  'notification.list': 'Så barnets navn i varslene',
  'iks.queue': 'Så saken i IKS-køen',
  'iks.referral.read': 'Åpnet en IKS-henvisning',
  'iks.referral.list': 'Så sakens IKS-henvisninger',
  'iks.priority': 'Prioriterte en IKS-henvisning',
  'iks.accept': 'Tok saken inn i IKS',
  'iks.return': 'Returnerte IKS-henvisningen',
  'iks.end': 'Avsluttet IKS-innsatsen',
  'iks.order': 'Bestilte kompetanse',
  'iks.order.list': 'Så kompetansebestillinger',
  'iks.order.acknowledge': 'Bekreftet en kompetansebestilling',
  'stats.overview': 'Så statistikken',
};

export function actionInWords(action: string): string {
  const event = /^case\.event\.(\w+)$/.exec(action)?.[1];
  if (event) return `Hendelse: ${(EVENT_LABEL as Record<string, string>)[event] ?? event}`;
  return ACTION_LABEL[action] ?? action;
}

const PAGE_SIZE = 50;

interface Filters {
  caseId: string;
  actorId: string;
  from: string;
  to: string;
}

/** A day in the browser's time zone as an instant; `to` is exclusive, so the last day counts whole. */
const dayStart = (day: string, plusDays = 0) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

/** The API verifies the chain a page at a time; the status covers every page up to the head. */
async function verifyWholeChain() {
  let checked = 0;
  let afterSeq: string | undefined;
  for (;;) {
    const page = await unwrap(api.GET('/api/v1/audit/verify', { params: { query: afterSeq ? { afterSeq } : {} } }));
    checked += page.checked;
    if (!page.valid || page.nextAfterSeq === null) return { ...page, checked };
    afterSeq = page.nextAfterSeq;
  }
}

export default function AuditPage() {
  const [draft, setDraft] = useState<Filters>({ caseId: '', actorId: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [page, setPage] = useState(1);
  const chain = useQuery({ queryKey: ['audit-verify'], queryFn: verifyWholeChain });
  const events = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/audit', {
          params: {
            query: {
              ...(filters.caseId ? { caseId: filters.caseId } : {}),
              ...(filters.actorId ? { actorId: filters.actorId } : {}),
              ...(filters.from ? { from: dayStart(filters.from) } : {}),
              ...(filters.to ? { to: dayStart(filters.to, 1) } : {}),
              page,
              pageSize: PAGE_SIZE,
            },
          },
        }),
      ),
  });
  const search = (next: Filters) => {
    setDraft(next);
    setFilters(next);
    setPage(1);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search(draft);
  };
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / events.data.pageSize)) : 1;
  // The person picked from a row is offered in the picker even before a name search finds them.
  const [knownActor, setKnownActor] = useState<{ id: string; name: string } | null>(null);

  return (
    <div className="page stack">
      <PageHeading title="Revisjonslogg" />
      <section aria-labelledby="chain-heading">
        <Heading level={2} data-size="sm" id="chain-heading">
          Kjedekontroll
        </Heading>
        {chain.isPending && <Spinner aria-label="Kontrollerer kjeden" />}
        <ProblemAlert error={chain.error} />
        {chain.data && (
          <Alert data-color={chain.data.valid ? 'success' : 'danger'}>
            {chain.data.valid ? (
              <Paragraph>
                Revisjonsloggen er intakt: {count(chain.data.checked, 'hendelse', 'hendelser')} kontrollert, ingen er endret eller fjernet.
                {chain.data.unsealed > 0 ? ` ${count(chain.data.unsealed, 'ny hendelse venter', 'nye hendelser venter')} på å bli forseglet i kjeden.` : ''}
              </Paragraph>
            ) : (
              <Paragraph>
                Revisjonsloggen er brutt ved hendelse {chain.data.brokenAtId} (posisjon {chain.data.brokenAtSeq}): en hendelse er endret, flyttet eller fjernet.
              </Paragraph>
            )}
          </Alert>
        )}
      </section>

      <form className="filters" onSubmit={submit} aria-label="Søk i revisjonsloggen">
        <Textfield label="Sak (ID)" value={draft.caseId} onChange={(e) => setDraft({ ...draft, caseId: e.target.value.trim() })} error={fieldError(events.error, 'caseId')} />
        <PersonPicker value={draft.actorId} known={knownActor} onChange={(actorId) => setDraft({ ...draft, actorId })} />
        <Textfield label="Fra dato" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <Textfield label="Til og med dato" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <Button type="submit">Søk</Button>
        <Button type="button" variant="tertiary" onClick={() => search({ caseId: '', actorId: '', from: '', to: '' })}>
          Nullstill
        </Button>
      </form>
      <ProblemAlert error={events.error} />
      {events.isPending && <Spinner aria-label="Henter hendelser" />}
      {events.data && events.data.items.length === 0 && <Paragraph>Ingen hendelser passer søket.</Paragraph>}
      {events.data && events.data.items.length > 0 && (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Hendelser i revisjonsloggen">
            <Table zebra data-size="sm">
              <caption>
                {events.data.totalCapped ? 'Flere enn ' : ''}
                {count(events.data.total, 'hendelse', 'hendelser')}, side {page} av {pages}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>Tid</Table.HeaderCell>
                  <Table.HeaderCell>Person</Table.HeaderCell>
                  <Table.HeaderCell>Handling</Table.HeaderCell>
                  <Table.HeaderCell>Sak</Table.HeaderCell>
                  <Table.HeaderCell>Formål</Table.HeaderCell>
                  <Table.HeaderCell>Hash</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {events.data.items.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.Cell>{longDateTime(e.at)}</Table.Cell>
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => {
                          setKnownActor({ id: e.actorId, name: e.actorName ?? e.actorUsername });
                          search({ ...filters, actorId: e.actorId });
                        }}
                        aria-label={`Vis hendelser av ${e.actorName ?? e.actorUsername}`}
                      >
                        {e.actorName ?? e.actorUsername}
                      </Button>
                    </Table.Cell>
                    <Table.Cell>{actionInWords(e.action)}</Table.Cell>
                    <Table.Cell>
                      {e.caseId ? (
                        <Button variant="tertiary" data-size="sm" onClick={() => search({ ...filters, caseId: e.caseId! })} aria-label={`Vis hendelser for sak ${e.caseId}`}>
                          {e.caseId.slice(0, 8)}
                        </Button>
                      ) : (
                        '–'
                      )}
                    </Table.Cell>
                    <Table.Cell>{e.purpose}</Table.Cell>
                    <Table.Cell>
                      {e.hash ? <code title={e.hash}>{e.hash.slice(0, 12)}</code> : <span className="muted">Ikke forseglet ennå</span>}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <nav className="pager" aria-label="Sidevalg">
            <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Forrige side
            </Button>
            <span>
              Side {page} av {pages}
            </span>
            <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Neste side
            </Button>
          </nav>
        </>
      )}
    </div>
  );
}

/**
 * The search by person: a name search over the people in the trail (GET /audit/actors), then a
 * choice among them. No UUIDs to paste.
 */
function PersonPicker({ value, known, onChange }: { value: string; known: { id: string; name: string } | null; onChange: (actorId: string) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const actors = useQuery({ queryKey: ['audit-actors', q], queryFn: () => unwrap(api.GET('/api/v1/audit/actors', { params: { query: q ? { q } : {} } })) });
  const options = [...(actors.data?.items ?? [])];
  if (known && !options.some((a) => a.id === known.id)) options.unshift({ id: known.id, name: known.name, username: '' });
  return (
    <>
      <Textfield label="Søk etter person" description="Fornavn, etternavn eller brukernavn" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      <Field>
        <Label>Person</Label>
        <Select value={value} onChange={(e) => onChange(e.target.value)}>
          <Select.Option value="">Alle personer</Select.Option>
          {options.map((a) => (
            <Select.Option key={a.id} value={a.id}>
              {a.username ? `${a.name} (${a.username})` : a.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </>
  );
}
