import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { usePageHeading } from '../components/usePageHeading';
import { SITE } from './LoginPage';
import { useChildren, useConsentRequests } from './queries';
import { CitizenProblem } from './CitizenProblem';
import { CASE_STATUS, CASE_STATUS_YOUTH, services } from './words';

/** «Mine barn»: the children the citizen is linked to and their cases; the youth sees their own. */
export function StartPage() {
  const children = useChildren();
  const requests = useConsentRequests();
  const items = children.data?.items ?? [];
  const onlyYouth = items.length > 0 && items.every((c) => c.relation === 'youth');
  const title = onlyYouth ? 'Dine saker' : 'Mine barn';
  const heading = usePageHeading(children.data ? title : undefined, SITE);
  const waiting = (requests.data?.items ?? []).filter((r) => r.status === 'waiting' && !r.myAnswer);
  const childOf = (caseId: string) => items.find((c) => c.cases.some((k) => k.caseId === caseId));

  return (
    <div className="stack">
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <CitizenProblem error={requests.error} />
      {waiting.length > 0 && (
        <section className="stack" aria-labelledby="waiting-heading">
          <Heading level={2} data-size="sm" id="waiting-heading">
            Venter på svar fra deg
          </Heading>
          <ul className="citizen-cards">
            {waiting.map((r) => {
              const child = childOf(r.caseId);
              return (
                <li key={r.id}>
                  <Alert data-color="info">
                    <Paragraph>
                      {child?.relation === 'youth' ? 'Du blir spurt' : `Du blir spurt på vegne av ${child?.firstName ?? 'barnet'}`} om samtykke til å dele
                      opplysninger med {services(r.services)}.
                    </Paragraph>
                    <Paragraph>
                      <Link to={`/innbygger/samtykke/${r.id}`}>
                        Svar på spørsmålet{child && child.relation !== 'youth' ? ` om ${child.firstName}` : ''}
                      </Link>
                    </Paragraph>
                  </Alert>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {items.length === 0 && (
        <Paragraph>
          Vi fant ingen saker knyttet til deg. Er du foresatt og mener at du burde se en sak her, kan du ta kontakt med barnehagen, skolen eller
          helsestasjonen. De må registrere deg som foresatt i saken.
        </Paragraph>
      )}
      {items.map((child) => (
        <Card key={child.childId} data-color="neutral">
          <Card.Block>
            <Heading level={2} data-size="sm">
              {child.relation === 'youth' ? `Saker om deg, ${child.firstName}` : child.firstName}
            </Heading>
            <ul className="citizen-case-list">
              {child.cases.map((k) => (
                <li key={k.caseId}>
                  <Link to={`/innbygger/saker/${k.caseId}`}>Sak {k.reference ?? ''}</Link>
                  <Tag data-color={k.status === 'closed' ? 'neutral' : 'info'} data-size="sm">
                    {(child.relation === 'youth' ? CASE_STATUS_YOUTH : CASE_STATUS)[k.status] ?? k.statusText}
                  </Tag>
                </li>
              ))}
            </ul>
          </Card.Block>
        </Card>
      ))}
    </div>
  );
}
