import { Heading, Tag } from '@digdir/designsystemet-react';
import type { Schemas } from '../api/client';
import { useUnits } from '../api/catalog';
import { date, dateTime, label, LEVEL_LABEL, ROUTE_LABEL, STATUS_LABEL } from '../labels';
import { personName, usePeopleNames } from './people';

type Deadline = NonNullable<Schemas['CaseResponse']['deadlines']>[number];

const DEADLINE_LABEL: Record<Deadline['kind'], string> = {
  decision_due: 'Beslutning på nivå 0',
  evaluation_due: 'Evaluering av tiltak',
  consent_expiry: 'Samtykket utløper',
  task_due: 'Oppgave',
  child_welfare_report_due: 'Melding til barnevernet',
};
/** Kinds due on a day rather than at a time. */
const BY_DAY = new Set<Deadline['kind']>(['evaluation_due', 'task_due']);

/** The case at a glance (GOV.UK summary list): status, level, route, stafettholder and deadlines. */
export function CaseSummary({ c, meId }: { c: Schemas['CaseResponse']; meId?: string }) {
  const units = useUnits();
  const unit = units.data?.find((u) => u.id === c.unitId);
  const deadlines = c.deadlines ?? [];
  const names = usePeopleNames([c.assigneeId, c.pendingAssigneeId, ...deadlines.map((d) => d.responsibleId)]);
  const identified = c.view === 'full';
  return (
    <section aria-labelledby="summary-heading">
      <Heading level={2} data-size="sm" id="summary-heading">
        Oversikt
      </Heading>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <Tag data-color="info">{label(STATUS_LABEL, c.status)}</Tag>
        </dd>
        <dt>Nivå</dt>
        <dd>{LEVEL_LABEL[c.level] ?? c.level}</dd>
        <dt>Vei</dt>
        <dd>
          {c.route ? label(ROUTE_LABEL, c.route) : 'Ikke besluttet ennå'}
          {c.anonymous ? ' (anonym drøfting)' : ''}
        </dd>
        <dt>Stafettholder</dt>
        <dd>
          {/* An anonymised view hides who holds the case: say so, never «ingen». */}
          {!identified ? 'Skjult' : c.assigneeId ? personName(c.assigneeId, names, meId) : 'Ingen ennå'}
          {identified && c.pendingAssigneeId && <> – overlevering venter på svar fra {personName(c.pendingAssigneeId, names, meId)}</>}
        </dd>
        {identified && (
          <>
            <dt>Enhet</dt>
            <dd>{unit?.name ?? '–'}</dd>
            <dt>Fødselsdato</dt>
            <dd>{date(c.child.birthDate)}</dd>
          </>
        )}
        <dt>Meldt</dt>
        <dd>{dateTime(c.createdAt)}</dd>
        <dt>Meldt til barnevernet</dt>
        <dd>{c.childWelfareReportedAt ? dateTime(c.childWelfareReportedAt) : 'Nei'}</dd>
      </dl>
      <Heading level={3} data-size="xs" id="deadlines-heading">
        Frister
      </Heading>
      {deadlines.length === 0 ? (
        <p>Ingen åpne frister.</p>
      ) : (
        <ul className="deadlines" aria-labelledby="deadlines-heading">
          {deadlines.map((d, i) => (
            <li key={`${d.kind}-${i}`} className={d.overdue ? 'overdue' : undefined}>
              <strong>{DEADLINE_LABEL[d.kind]}</strong>: {BY_DAY.has(d.kind) ? date(d.dueAt) : dateTime(d.dueAt)}
              {d.responsibleId ? ` (${personName(d.responsibleId, names, meId)})` : ''}{' '}
              {d.overdue && (
                <Tag data-color="danger" data-size="sm">
                  Forfalt
                </Tag>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
