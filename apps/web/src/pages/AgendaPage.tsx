import { Card, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { count, dayHeading, longDateTime, osloDay } from '../format';

type Item = Schemas['AgendaItem'];

const KIND_LABEL: Record<Item['kind'], string> = {
  task: 'Oppgave du har ansvar for',
  evaluation: 'Tiltak du skal evaluere',
  decision: 'Saken skal besluttes',
  handover: 'Du er foreslått som stafettholder: godta eller avslå',
  transfer: 'En sak er tilbudt enheten din: ta imot eller avslå',
  report: 'Melding til barnevernet mangler',
};

/** Waiting for an answer now: shown first, with when it was offered. */
const WAITING: Item['kind'][] = ['handover', 'transfer'];

/** «Denne uka»: what is due or overdue for me (GET /me/agenda), grouped: overdue, waiting for me, then day by day. */
export default function AgendaPage() {
  const agenda = useQuery({ queryKey: ['agenda'], queryFn: () => unwrap(api.GET('/api/v1/me/agenda', { params: { query: { days: 7 } } })) });
  const items = agenda.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue);
  const waiting = items.filter((i) => WAITING.includes(i.kind));
  const coming = items.filter((i) => !i.overdue && !WAITING.includes(i.kind));
  const days = [...new Set(coming.map((i) => osloDay(i.dueAt)))];

  return (
    <div className="page stack">
      <PageHeading title="Denne uka" />
      <Paragraph>Det som har frist de neste sju dagene, og det som er over fristen, i sakene dine.</Paragraph>
      <ProblemAlert error={agenda.error} />
      {agenda.isPending && <Spinner aria-label="Henter det som har frist" />}
      {agenda.data && items.length === 0 && <Paragraph>Ingenting har frist denne uka.</Paragraph>}
      {overdue.length > 0 && <Group title={`Over fristen (${count(overdue.length, 'sak', 'saker')})`} items={overdue} />}
      {waiting.length > 0 && <Group title="Venter på svaret ditt" items={waiting} />}
      {days.map((day) => (
        <Group key={day} title={dayHeading(day)} items={coming.filter((i) => osloDay(i.dueAt) === day)} />
      ))}
    </div>
  );
}

function Group({ title, items }: { title: string; items: Item[] }) {
  return (
    <section className="day-group" aria-label={title}>
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      <ul className="cards">
        {items.map((i) => (
          <li key={`${i.kind}-${i.caseId}-${i.subjectId ?? ''}`}>
            <Card data-color={i.overdue || i.kind === 'report' ? 'danger' : 'neutral'}>
              <Card.Block>
                <Paragraph>
                  <Link to={i.link}>Sak {i.reference}</Link>: {KIND_LABEL[i.kind]}
                  {i.overdue && (
                    <>
                      {' '}
                      <Tag data-color="danger" data-size="sm">
                        Over fristen
                      </Tag>
                    </>
                  )}
                </Paragraph>
                <Paragraph data-size="sm" className="muted">
                  {WAITING.includes(i.kind) ? `Foreslått ${longDateTime(i.dueAt)}` : `Frist ${longDateTime(i.dueAt)}`}
                </Paragraph>
              </Card.Block>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
