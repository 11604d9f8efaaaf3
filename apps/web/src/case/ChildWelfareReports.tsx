import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { dateTime, REPORT_CHANNEL_LABEL, REPORT_STATUS_LABEL } from '../labels';

export function useChildWelfareReports(caseId: string, enabled = true) {
  return useQuery({
    queryKey: ['child-welfare-reports', caseId],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/child-welfare-reports', { params: { path: { id: caseId } } })),
    enabled,
  });
}

/** The case's reports to child welfare, each opened as the document that was recorded (DESIGN 8.9). */
export function ChildWelfareReports({ caseId }: { caseId: string }) {
  const reports = useChildWelfareReports(caseId);
  const items = reports.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="reports-heading">
      <Heading level={2} data-size="sm" id="reports-heading">
        Bekymringsmeldinger til barnevernet
      </Heading>
      <ul className="stack">
        {items.map((r) => (
          <li key={r.id}>
            <Link to={`/saker/${caseId}/meldinger/${r.id}`}>Bekymringsmelding {dateTime(r.recordedAt)}</Link>
            <Paragraph data-size="sm" className="muted">
              {REPORT_STATUS_LABEL[r.status]} · meldt {REPORT_CHANNEL_LABEL[r.channel]}
              {r.reference ? ` · barnevernets referanse ${r.reference}` : ''}
            </Paragraph>
          </li>
        ))}
      </ul>
    </section>
  );
}
