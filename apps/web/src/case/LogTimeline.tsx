import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { dateTime } from '../labels';

const ENTRY_LABEL: Record<string, string> = {
  concern_logged: 'Bekymring meldt',
  assigned: 'Saksansvarlig',
  consent_recorded: 'Samtykke registrert',
  consent_withdrawn: 'Samtykke trukket',
  measure_added: 'Tiltak lagt til',
  measure_evaluated: 'Tiltak evaluert',
  start_assessment: 'Vurdering startet',
  complete_assessment: 'Vurdering fullført',
  decide: 'Beslutning',
  escalate: 'Løftet',
  request_evaluation: 'Evaluering bedt om',
  evaluate: 'Evaluert',
  close: 'Avsluttet',
  reopen: 'Gjenåpnet',
  report_to_child_welfare: 'Meldt til barnevernet',
};

/** The case log (stafettloggen), oldest first, as the API returns it: texts only where it sends them. */
export function LogTimeline({ caseId }: { caseId: string }) {
  const log = useQuery({
    queryKey: ['case-log', caseId],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/log', { params: { path: { id: caseId } } })),
  });
  return (
    <section className="stack" aria-labelledby="log-heading">
      <Heading level={2} data-size="sm" id="log-heading">
        Logg (stafettlogg)
      </Heading>
      <ProblemAlert error={log.error} />
      {log.isPending && <Spinner aria-label="Henter loggen" />}
      <ol className="timeline">
        {log.data?.items.map((entry) => (
          <li key={entry.id}>
            <Paragraph data-size="sm" className="muted">
              <time dateTime={entry.at}>{dateTime(entry.at)}</time> · {ENTRY_LABEL[entry.type] ?? entry.type}
            </Paragraph>
            {entry.text && <Paragraph>{entry.text}</Paragraph>}
          </li>
        ))}
      </ol>
    </section>
  );
}
