import { Button, Field, Heading, Label, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { date, ROUTE_LABEL } from '../labels';

type Cell = Schemas['CellView'];
interface Row {
  name: string;
  cell: Cell;
}

const SUPPRESSED = 'Skjult (under 5)';
const cellText = (cell: Cell, unit = '') => (cell.suppressed || cell.value === null ? SUPPRESSED : `${cell.value}${unit}`);

/**
 * One chart and its table. A suppressed cell has no bar and is named "skjult" on the axis and in
 * the table: it is never drawn as 0. The table is what screen readers get; the chart is hidden from them.
 */
function ChartWithTable({ title, rows, unit = '' }: { title: string; rows: Row[]; unit?: string }) {
  const data = rows.map((r) => ({ name: r.cell.suppressed ? `${r.name} (skjult)` : r.name, value: r.cell.suppressed ? null : r.cell.value }));
  return (
    <figure className="stack figure">
      <figcaption>
        <Heading level={2} data-size="xs">
          {title}
        </Heading>
      </figcaption>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={48 + rows.length * 36}>
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 16, left: 4, bottom: 4 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 13 }} interval={0} />
            <Bar dataKey="value" fill="var(--ds-color-accent-base-default)" isAnimationActive={false} barSize={20} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll">
        <Table data-size="sm">
          <caption className="visually-hidden">{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Gruppe</Table.HeaderCell>
              <Table.HeaderCell>Antall</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.name}>
                <Table.Cell>{r.name}</Table.Cell>
                <Table.Cell>{cellText(r.cell, unit)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </figure>
  );
}

const startOfYear = () => `${new Date().getFullYear()}-01-01`;
const today = () => new Date().toISOString().slice(0, 10);

export default function StatsPage() {
  const [from, setFrom] = useState(startOfYear);
  const [to, setTo] = useState(today);
  const [clusterId, setClusterId] = useState('');
  const [query, setQuery] = useState({ from: startOfYear(), to: today(), clusterId: '' });
  const [clusters, setClusters] = useState<{ key: string; label: string }[]>([]);
  const overview = useQuery({
    queryKey: ['stats', query],
    queryFn: async () => {
      const data = await unwrap(
        api.GET('/api/v1/stats/overview', { params: { query: { from: query.from, to: query.to, ...(query.clusterId ? { clusterId: query.clusterId } : {}) } } }),
      );
      if (!query.clusterId) setClusters(data.byCluster.map(({ key, label }) => ({ key, label })));
      return data;
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ from, to, clusterId });
  };
  const total = overview.data?.total;

  return (
    <div className="page stack">
      <PageHeading title="Statistikk" />
      <Paragraph>Bare samlede tall. Tall under {overview.data?.minimumCellSize ?? 5} vises ikke, så ingen enkeltbarn kan kjennes igjen.</Paragraph>
      <form className="filters" onSubmit={submit} aria-label="Periode og klynge">
        <Textfield label="Fra" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Textfield label="Til" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <Field>
          <Label>Klynge</Label>
          <Select value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
            <Select.Option value="">Hele kommunen</Select.Option>
            {clusters.map((c) => (
              <Select.Option key={c.key} value={c.key}>
                {c.label}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          Vis
        </Button>
      </form>
      <ProblemAlert error={overview.error} />
      {overview.isPending && <Spinner aria-label="Henter statistikk" />}
      {overview.data && total && (
        <>
          <Paragraph data-size="sm" className="muted">
            Periode {date(overview.data.from)}–{date(overview.data.to)}
          </Paragraph>
          <dl className="facts">
            <dt>Bekymringer meldt</dt>
            <dd>{cellText(total.concernsLogged)}</dd>
            <dt>Median dager til beslutning</dt>
            <dd>{cellText(total.medianDaysToDecision)}</dd>
            <dt>Median dager til første tiltak</dt>
            <dd>{cellText(total.medianDaysToFirstMeasure)}</dd>
            <dt>Meldinger til barnevernet</dt>
            <dd>{cellText(total.childWelfareReports)}</dd>
            <dt>Henvist til IKS</dt>
            <dd>{cellText(total.iksReferred)}</dd>
          </dl>
          <div className="charts">
            <ChartWithTable
              title="Saker etter nivå"
              rows={([0, 1, 2, 3] as const).map((level) => ({ name: `Nivå ${level}`, cell: total.casesByLevel[level] }))}
            />
            <ChartWithTable
              title="Saker etter vei"
              rows={(Object.keys(total.casesByRoute) as (keyof Schemas['RouteCellsView'])[]).map((route) => ({
                name: route === 'none' ? 'Ikke besluttet' : ROUTE_LABEL[route],
                cell: total.casesByRoute[route],
              }))}
            />
            <ChartWithTable title="Bekymringer etter type enhet" rows={overview.data.byUnitKind.map((b) => ({ name: b.label, cell: b.figures.concernsLogged }))} />
            <ChartWithTable title="Bekymringer etter klynge" rows={overview.data.byCluster.map((b) => ({ name: b.label, cell: b.figures.concernsLogged }))} />
          </div>
        </>
      )}
    </div>
  );
}
