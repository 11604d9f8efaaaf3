import { Alert, Button, Heading, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { dateTime } from '../labels';

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

  return (
    <div className="page stack">
      <Heading level={1} data-size="md">
        Revisjonslogg
      </Heading>
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
                Revisjonsloggen er intakt: {chain.data.checked} hendelser kontrollert, ingen er endret eller fjernet.
                {chain.data.unsealed > 0 ? ` ${chain.data.unsealed} nye hendelser venter på å bli forseglet i kjeden.` : ''}
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
        <Textfield label="Person (bruker-ID)" value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.target.value.trim() })} error={fieldError(events.error, 'actorId')} />
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
                {events.data.total} hendelser, side {page} av {pages}
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
                    <Table.Cell>{dateTime(e.at)}</Table.Cell>
                    <Table.Cell>
                      <Button variant="tertiary" data-size="sm" onClick={() => search({ ...filters, actorId: e.actorId })} aria-label={`Vis hendelser av ${e.actorUsername}`}>
                        {e.actorUsername}
                      </Button>
                    </Table.Cell>
                    <Table.Cell>{e.action}</Table.Cell>
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
