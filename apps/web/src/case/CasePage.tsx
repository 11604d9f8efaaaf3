import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { useCategories, useProtectiveFactors, useRiskFactors } from '../api/catalog';
import { api, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { childName } from '../components/CaseTable';
import { ProblemAlert } from '../components/ProblemAlert';
import { SafetyGuidance } from '../components/SafetyGuidance';
import { dateTime, IKS_STATUS_LABEL, label, RELATION_LABEL } from '../labels';
import { usePageHeading } from '../components/usePageHeading';
import { AssignmentPanel } from './AssignmentPanel';
import { ConsentsPanel } from './ConsentsPanel';
import { EventActions } from './EventActions';
import { LogTimeline } from './LogTimeline';
import { MeasuresPanel } from './MeasuresPanel';
import { CaseSummary } from './CaseSummary';
import { ChildWelfareReports } from './ChildWelfareReports';
import { useCase, useRefreshCase } from './useCase';

export default function CasePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { me } = useSession();
  const caseQuery = useCase(id);
  const refreshAll = useRefreshCase(id);
  const c = caseQuery.data;
  const title = c ? (c.view === 'full' ? childName(c.child) : 'Anonymisert sak') : caseQuery.isPending ? undefined : 'Saken';
  const heading = usePageHeading(title);
  if (caseQuery.isPending) return <Spinner aria-label="Henter saken" />;
  if (!c) {
    return (
      <div className="page stack">
        <Heading level={1} data-size="md" ref={heading} tabIndex={-1}>
          Saken
        </Heading>
        <ProblemAlert error={caseQuery.error} />
        <Link to="/saker">Tilbake til sakene</Link>
      </div>
    );
  }
  const identified = c.view === 'full';
  // What the caller may do here is the API's answer (allowedActions), never a guess from roles.
  const may = (action: Schemas['CaseResponse']['allowedActions'][number]) => c.allowedActions.includes(action);
  // A stale page reloads everything it shows: the case, its log, consents and measures.
  const reload = () => void refreshAll();
  const justCreated = (location.state as { created?: boolean } | null)?.created;

  return (
    <div className="page stack">
      <Link to="/saker">← Tilbake til sakene</Link>
      <Heading level={1} data-size="md" ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      {justCreated && (
        <Alert data-color="success">
          <Paragraph>Bekymringen er lagret som en sak.</Paragraph>
        </Alert>
      )}
      {!identified && (
        <Alert data-color="info">
          <Paragraph>
            Du ser saken anonymisert: uten navn, enhet og fritekst om barnet. Barnet er født i {c.child.birthYear}.
          </Paragraph>
        </Alert>
      )}
      {c.flags.suspectedViolenceOrAbuse && !c.childWelfareReportedAt && <SafetyGuidance guidance={c.safetyGuidance} />}

      <div className="case-grid">
        <div className="stack">
          <CaseSummary c={c} meId={me?.userId} />
          <EventActions caseData={c} onStale={reload} />
          <ConcernSection c={c} />
          {identified && c.child.guardians && c.child.guardians.length > 0 && (
            <section className="stack" aria-labelledby="guardians-heading">
              <Heading level={2} data-size="sm" id="guardians-heading">
                Foresatte
              </Heading>
              <ul>
                {c.child.guardians.map((g) => (
                  <li key={g.name + g.relation}>
                    {g.name} ({label(RELATION_LABEL, g.relation)}){g.parentalResponsibility ? ', har foreldreansvar' : ''}
                    {g.contact ? ` · ${g.contact}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {may('report.read') && <ChildWelfareReports caseId={c.id} />}
          <LogTimeline caseData={c} canWrite={may('log.write')} />
        </div>
        <div className="stack">
          <AssignmentPanel caseData={c} canAssign={may('case.assign')} onStale={reload} />
          {/* The case's unit leader (who assigns) follows its IKS referral here. */}
          {may('case.assign') && <IksStatus caseId={c.id} />}
          {identified && <ConsentsPanel caseData={c} onStale={reload} />}
          {identified && <MeasuresPanel caseData={c} onStale={reload} />}
        </div>
      </div>
    </div>
  );
}

function ConcernSection({ c }: { c: Schemas['CaseResponse'] }) {
  const categories = useCategories();
  const risks = useRiskFactors();
  const protective = useProtectiveFactors();
  const names = (codes: string[], items?: Schemas['CatalogItemDto'][]) =>
    codes.map((code) => items?.find((i) => i.code === code)?.nb ?? code).join(', ') || 'Ingen';
  return (
    <section className="stack" aria-labelledby="concern-heading">
      <Heading level={2} data-size="sm" id="concern-heading">
        Bekymringen
      </Heading>
      {c.concern.description && <Paragraph className="prewrap">{c.concern.description}</Paragraph>}
      {c.anonymousSummary && (
        <>
          <Heading level={3} data-size="xs">
            Anonym oppsummering til teamet
          </Heading>
          <Paragraph className="prewrap">{c.anonymousSummary}</Paragraph>
        </>
      )}
      <dl className="facts">
        <dt>Gjelder</dt>
        <dd>{names(c.concern.categories, categories.data)}</dd>
        <dt>Risikofaktorer</dt>
        <dd>{names(c.concern.riskFactors, risks.data)}</dd>
        <dt>Beskyttelsesfaktorer</dt>
        <dd>{names(c.concern.protectiveFactors, protective.data)}</dd>
        {c.concern.childVoice && (
          <>
            <dt>Barnets stemme</dt>
            <dd className="prewrap">{c.concern.childVoice}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function IksStatus({ caseId }: { caseId: string }) {
  const referrals = useQuery({
    queryKey: ['iks-for-case', caseId],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/iks-referrals', { params: { path: { id: caseId } } })),
  });
  const items = Array.isArray(referrals.data) ? referrals.data : [];
  if (items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="iks-heading">
      <Heading level={2} data-size="sm" id="iks-heading">
        IKS-henvisning
      </Heading>
      {items.map((r) => (
        <Paragraph key={r.id}>
          {IKS_STATUS_LABEL[r.status]} {dateTime(r.acceptedAt ?? r.returnedAt ?? r.endedAt ?? r.referredAt)}
          {r.returnReason ? `: ${r.returnReason}` : ''}
        </Paragraph>
      ))}
    </section>
  );
}
