import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Spinner, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { operations } from '../api/schema';
import { useSession } from '../auth/session';
import { CaseTable } from '../components/CaseTable';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { count } from '../format';
import { ROUTE_LABEL, STATUS_LABEL, type Route } from '../labels';

type ListQuery = NonNullable<operations['CasesController_list']['parameters']['query']>;
type Status = NonNullable<ListQuery['status']>;
type Sort = NonNullable<ListQuery['sort']>;

const PAGE_SIZE = 20;

/** The API orders every page (priority: over the deadline first, then without a stafettholder, then newest). */
const SORT_LABEL: Record<Sort, string> = {
  priority: 'Viktigst først (over fristen, uten stafettholder)',
  deadline: 'Neste frist først',
  activity: 'Sist endret først',
  created: 'Nyeste først',
};

export default function CaseListPage() {
  const { may, me } = useSession();
  // A unit leader's list has the unit's filters and the overdue list.
  const leader = may('cases.read.unit');
  const [status, setStatus] = useState<Status | ''>('');
  const [route, setRoute] = useState<Route | ''>('');
  const [mine, setMine] = useState(false);
  const [sort, setSort] = useState<Sort>('priority');
  const [searchText, setSearchText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);

  const query: ListQuery = {
    status: status || undefined,
    route: route || undefined,
    assigneeId: mine ? me?.userId : undefined,
    q: q || undefined,
    sort,
    page,
    pageSize: PAGE_SIZE,
  };
  const cases = useQuery({ queryKey: ['cases', query], queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query } })) });
  const pages = cases.data ? Math.max(1, Math.ceil(cases.data.total / cases.data.pageSize)) : 1;
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(searchText.trim());
    setPage(1);
  };

  return (
    <div className="page stack">
      <PageHeading title={leader ? 'Enhetens saker' : 'Mine saker'} />
      <form role="search" aria-label="Finn en sak" className="filters" onSubmit={search}>
        <Textfield
          className="search-field"
          label="Søk etter barn eller sak"
          description="Fornavn eller etternavn, fødselsdato (dd.mm.åååå), fødselsnummer eller saksnummer (BTI-2026-0042)"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          error={fieldError(cases.error, 'q')}
          autoComplete="off"
        />
        <Button type="submit">Søk</Button>
        {q && (
          <Button type="button" variant="tertiary" onClick={() => { setSearchText(''); setQ(''); setPage(1); }}>
            Vis alle
          </Button>
        )}
      </form>

      <section className="stack" aria-labelledby="all-heading">
        <Heading level={2} data-size="sm" id="all-heading">
          {q ? 'Treff' : leader ? 'Alle saker' : 'Saker du har meldt eller har ansvar for'}
        </Heading>
        <div className="filters">
          <Field>
            <Label>Sorter</Label>
            <Select value={sort} onChange={(e) => { setSort(e.target.value as Sort); setPage(1); }}>
              {Object.entries(SORT_LABEL).map(([code, text]) => (
                <Select.Option key={code} value={code}>{text}</Select.Option>
              ))}
            </Select>
          </Field>
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
          <Checkbox label="Bare saker jeg er stafettholder for" checked={mine} onChange={(e) => { setMine(e.target.checked); setPage(1); }} />
        </div>
        <ProblemAlert error={cases.error} />
        {cases.isPending && <Spinner aria-label="Henter saker" />}
        {cases.data && cases.data.items.length === 0 && <Paragraph>{q ? 'Ingen saker du har tilgang til passer søket.' : 'Ingen saker å vise.'}</Paragraph>}
        {cases.data && cases.data.items.length > 0 && (
          <>
            <CaseTable cases={cases.data.items} caption={`${count(cases.data.total, 'sak', 'saker')}, side ${page} av ${pages}`} />
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
