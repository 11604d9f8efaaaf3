import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import type { operations } from '../api/schema';
import { useSession } from '../auth/session';
import { CaseTable } from '../components/CaseTable';
import { ProblemAlert } from '../components/ProblemAlert';
import { ROUTE_LABEL, STATUS_LABEL, type Route } from '../labels';

type Status = NonNullable<NonNullable<operations['CasesController_list']['parameters']['query']>['status']>;

const PAGE_SIZE = 20;

/** Unassigned first within what the API returned; the API orders by time logged, newest first. */
const unassignedFirst = (items: Schemas['CaseResponse'][]) =>
  [...items].sort((a, b) => Number(a.assigneeId !== null) - Number(b.assigneeId !== null));

export default function CaseListPage() {
  const { may, me } = useSession();
  // A unit leader's list has the unit's filters and the overdue list.
  const leader = may('cases.read.unit');
  const [status, setStatus] = useState<Status | ''>('');
  const [route, setRoute] = useState<Route | ''>('');
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);

  const query = { status: status || undefined, route: route || undefined, assigneeId: mine ? me?.userId : undefined, page, pageSize: PAGE_SIZE };
  const cases = useQuery({ queryKey: ['cases', query], queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query } })) });
  const overdue = useQuery({
    queryKey: ['cases', 'overdue'],
    enabled: leader,
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query: { overdue: true, pageSize: 50 } } })),
  });
  const pages = cases.data ? Math.max(1, Math.ceil(cases.data.total / cases.data.pageSize)) : 1;

  return (
    <div className="page stack">
      <Heading level={1} data-size="md">
        {leader ? 'Enhetens saker' : 'Mine saker'}
      </Heading>
      {leader && overdue.data && overdue.data.items.length > 0 && (
        <section className="stack" aria-labelledby="overdue-heading">
          <Heading level={2} data-size="sm" id="overdue-heading">
            Over fristen ({overdue.data.total})
          </Heading>
          <Paragraph data-size="sm">Saker som ikke er besluttet innen fristen. Ta dem først.</Paragraph>
          <CaseTable cases={unassignedFirst(overdue.data.items)} caption="Saker over fristen" />
        </section>
      )}

      <section className="stack" aria-labelledby="all-heading">
        <Heading level={2} data-size="sm" id="all-heading">
          {leader ? 'Alle saker' : 'Saker du har meldt eller har ansvar for'}
        </Heading>
        <div className="filters">
          <Field>
            <Label>Status</Label>
            <Select value={status} onChange={(e) => { setStatus(e.target.value as Status | ''); setPage(1); }}>
              <Select.Option value="">Alle</Select.Option>
              {Object.entries(STATUS_LABEL).map(([code, text]) => (
                <Select.Option key={code} value={code}>{text}</Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>Vei</Label>
            <Select value={route} onChange={(e) => { setRoute(e.target.value as Route | ''); setPage(1); }}>
              <Select.Option value="">Alle</Select.Option>
              {Object.entries(ROUTE_LABEL).map(([code, text]) => (
                <Select.Option key={code} value={code}>{text}</Select.Option>
              ))}
            </Select>
          </Field>
          <Checkbox label="Bare saker jeg er saksansvarlig for" checked={mine} onChange={(e) => { setMine(e.target.checked); setPage(1); }} />
        </div>
        <ProblemAlert error={cases.error} />
        {cases.isPending && <Spinner aria-label="Henter saker" />}
        {cases.data && cases.data.items.length === 0 && <Paragraph>Ingen saker å vise.</Paragraph>}
        {cases.data && cases.data.items.length > 0 && (
          <>
            <CaseTable cases={unassignedFirst(cases.data.items)} caption={`Saker, side ${page} av ${pages} (${cases.data.total} i alt)`} />
            <nav className="pager" aria-label="Sidevalg">
              <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Forrige side
              </Button>
              <span aria-live="polite">
                Side {page} av {pages}
              </span>
              <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Neste side
              </Button>
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
