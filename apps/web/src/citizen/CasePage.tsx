import { Alert, Button, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import { usePageHeading } from '../components/usePageHeading';
import { date, dateTime } from '../labels';
import { CitizenProblem } from './CitizenProblem';
import type { CitizenSchemas } from './client';
import { BackLink } from './BackLink';
import { SITE } from './LoginPage';
import { useCaseLog, useCitizenCase, useConsentRequests } from './queries';
import { SharingChoice } from './SharingChoice';
import { CASE_STATUS, CASE_STATUS_YOUTH, CONSENT_FORM, DEADLINE, EVALUATION, LEVEL, LOG_ENTRY, MEASURE_STATUS, ROUTE, services } from './words';

type Case = CitizenSchemas['CitizenCaseResponse'];

/** One case as the family sees it: what is happening, who follows up, what they are asked, the log. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const kase = useCitizenCase(caseId);
  const c = kase.data;
  const youth = c?.relation === 'youth';
  const heading = usePageHeading(c ? (youth ? 'Saken om deg' : `Saken om ${c.firstName}`) : undefined, SITE);
  if (!c) {
    return (
      <div className="stack">
        <BackToStart />
        {kase.isPending ? <Spinner aria-label="Henter saken" /> : <CitizenProblem error={kase.error} />}
      </div>
    );
  }
  return (
    <div className="stack citizen-case">
      <BackToStart youth={youth} />
      <div>
        <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
          {youth ? 'Saken om deg' : `Saken om ${c.firstName}`}
        </Heading>
        {c.reference && <Paragraph className="muted">Saksnummer {c.reference}</Paragraph>}
      </div>
      <WaitingRequests caseId={c.caseId} />
      <Summary c={c} />
      <Deadlines c={c} />
      <Measures c={c} />
      <Consents c={c} />
      {c.sharing && <SharingChoice caseId={c.caseId} sharing={c.sharing} />}
      <CaseLog c={c} />
      <section className="stack" aria-labelledby="access-heading">
        <Heading level={2} data-size="sm" id="access-heading">
          Hvem har sett saken
        </Heading>
        <Paragraph>Du kan se når noen har lest eller endret saken, og hvem det var.</Paragraph>
        <Paragraph>
          <Link to={`/innbygger/saker/${c.caseId}/innsyn`}>Se hvem som har sett saken</Link>
        </Paragraph>
      </section>
    </div>
  );
}

function BackToStart({ youth }: { youth?: boolean }) {
  return (
    <BackLink to="/innbygger">{youth ? 'Dine saker' : 'Mine barn'}</BackLink>
  );
}

/** Consent requests of this case that wait for the caller's answer: the most urgent thing on the page. */
function WaitingRequests({ caseId }: { caseId: string }) {
  const requests = useConsentRequests();
  const waiting = (requests.data?.items ?? []).filter((r) => r.caseId === caseId && r.status === 'waiting' && !r.myAnswer);
  if (!waiting.length) return <CitizenProblem error={requests.error} />;
  return (
    <Alert data-color="info">
      <Heading level={2} data-size="xs">
        Du blir spurt om samtykke
      </Heading>
      <ul className="citizen-plain-list">
        {waiting.map((r) => (
          <li key={r.id}>
            <Paragraph>
              Til å dele opplysninger med {services(r.services)}. <Link to={`/innbygger/samtykke/${r.id}`}>Svar på spørsmålet</Link>
            </Paragraph>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function Summary({ c }: { c: Case }) {
  const status = (c.relation === 'youth' ? CASE_STATUS_YOUTH : CASE_STATUS)[c.status] ?? c.statusText;
  return (
    <section aria-labelledby="summary-heading">
      <Heading level={2} data-size="sm" id="summary-heading">
        Kort om saken
      </Heading>
      <dl className="facts citizen-facts">
        <dt>Hva skjer nå</dt>
        <dd>{status}</dd>
        <dt>Nivå</dt>
        <dd>{LEVEL[c.level] ?? `Nivå ${c.level}`}</dd>
        <dt>Hvem følger opp</dt>
        <dd>
          {c.coordinator ? (
            <>
              {c.coordinator.name}
              {c.coordinator.unitName ? `, ${c.coordinator.unitName}` : ''}
              <span className="citizen-hint">Stafettholder: den som holder tråden i saken og som dere kan kontakte.</span>
            </>
          ) : (
            `Ingen er valgt ennå. ${c.unitName} har saken.`
          )}
        </dd>
        <dt>Veien videre</dt>
        <dd>{c.route ? (ROUTE[c.route] ?? c.routeText) : 'Ikke bestemt ennå'}</dd>
      </dl>
    </section>
  );
}

function Deadlines({ c }: { c: Case }) {
  if (!c.deadlines.length) return null;
  return (
    <section aria-labelledby="deadlines-heading">
      <Heading level={2} data-size="sm" id="deadlines-heading">
        Datoer å merke seg
      </Heading>
      <ul className="citizen-plain-list">
        {c.deadlines.map((d) => (
          <li key={d.kind + d.dueAt}>
            <strong>{date(d.dueAt)}</strong>: {DEADLINE[d.kind] ?? 'Frist'}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Measures({ c }: { c: Case }) {
  return (
    <section className="stack" aria-labelledby="measures-heading">
      <Heading level={2} data-size="sm" id="measures-heading">
        Tiltak
      </Heading>
      {c.measures.length === 0 ? (
        <Paragraph>Ingen tiltak er satt i gang ennå.</Paragraph>
      ) : (
        <ul className="citizen-cards">
          {c.measures.map((m) => (
            <li key={m.title + m.startDate} className="card-line">
              <Paragraph>
                <strong>{m.title}</strong>{' '}
                <Tag data-color={m.status === 'active' ? 'success' : 'neutral'} data-size="sm">
                  {MEASURE_STATUS[m.status] ?? m.status}
                </Tag>
              </Paragraph>
              <Paragraph data-size="sm">
                Startet {date(m.startDate)}. {m.status === 'active' ? `Skal vurderes ${date(m.evaluationDate)}.` : ''}
              </Paragraph>
              {m.evaluations.length > 0 && (
                <Paragraph data-size="sm">Vurdert: {m.evaluations.map((e) => (EVALUATION[e] ?? e).toLowerCase()).join(', så ')}.</Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function consentState(k: Case['consents'][number]): { text: string; active: boolean } {
  if (k.withdrawnAt) return { text: `Trukket tilbake ${date(k.withdrawnAt)}`, active: false };
  if (k.decision === 'refused') return { text: 'Ikke gitt', active: false };
  if (k.validUntil && new Date(k.validUntil).getTime() < Date.now()) return { text: `Gjaldt til ${date(k.validUntil)}`, active: false };
  return { text: k.validUntil ? `Gjelder til ${date(k.validUntil)}` : 'Gjelder', active: true };
}

function Consents({ c }: { c: Case }) {
  return (
    <section className="stack" aria-labelledby="consents-heading">
      <Heading level={2} data-size="sm" id="consents-heading">
        Samtykker
      </Heading>
      <Paragraph data-size="sm">
        {c.relation === 'youth'
          ? 'Et samtykke betyr at tjenestene kan snakke sammen om deg. Du kan trekke det tilbake når som helst.'
          : 'Et samtykke betyr at tjenestene kan snakke sammen om barnet. Dere kan trekke det tilbake når som helst.'}
      </Paragraph>
      {c.consents.length === 0 ? (
        <Paragraph>Ingen samtykker er registrert.</Paragraph>
      ) : (
        <ul className="citizen-cards">
          {c.consents.map((k) => {
            const state = consentState(k);
            return (
              <li key={k.id} className="card-line">
                <Paragraph>
                  Til å dele med <strong>{services(k.services)}</strong>
                </Paragraph>
                <Paragraph data-size="sm">
                  <Tag data-color={state.active ? 'success' : 'neutral'} data-size="sm">
                    {state.text}
                  </Tag>{' '}
                  Gitt {CONSENT_FORM[k.form] ?? k.form}.
                </Paragraph>
                {state.active && (
                  <div>
                    <Button asChild variant="secondary" data-size="sm">
                      <Link to={`/innbygger/saker/${c.caseId}/samtykker/${k.id}/trekk`}>Trekk tilbake samtykket til {services(k.services)}</Link>
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function CaseLog({ c }: { c: Case }) {
  const log = useCaseLog(c.caseId);
  const items = [...(log.data?.items ?? [])].reverse(); // newest first: what happened lately matters most
  return (
    <section className="stack" aria-labelledby="log-heading">
      <Heading level={2} data-size="sm" id="log-heading">
        Dette har skjedd i saken
      </Heading>
      {c.status !== 'closed' && (
        <div>
          <Button asChild variant="secondary">
            <Link to={`/innbygger/saker/${c.caseId}/skriv`}>Skriv til saken</Link>
          </Button>
        </div>
      )}
      {log.isPending && <Spinner aria-label="Henter loggen" />}
      <CitizenProblem error={log.error} />
      {log.isSuccess && items.length === 0 && <Paragraph>Ingenting er skrevet i saken ennå.</Paragraph>}
      <ol className="timeline citizen-log">
        {items.map((e) => (
          <li key={e.id}>
            <Paragraph data-size="sm" className="muted">
              <time dateTime={e.at}>{dateTime(e.at)}</time>
            </Paragraph>
            <Paragraph>
              <strong>{LOG_ENTRY[e.type] ?? 'Hendelse'}</strong> · {e.author === 'du' ? 'skrevet av deg' : e.author}
            </Paragraph>
            {e.text && <Paragraph className="prewrap">{e.text}</Paragraph>}
          </li>
        ))}
      </ol>
    </section>
  );
}
