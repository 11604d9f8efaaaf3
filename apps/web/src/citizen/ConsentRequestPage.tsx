import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Spinner, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../api/client';
import { usePageHeading } from '../components/usePageHeading';
import { date } from '../labels';
import { CitizenProblem } from './CitizenProblem';
import { citizenApi, type CitizenSchemas } from './client';
import { BackLink } from './BackLink';
import { SITE } from './LoginPage';
import { useChildren, useConsentRequests, useRefreshCitizen } from './queries';
import { services } from './words';

type Request = CitizenSchemas['CitizenConsentRequest'];
type Answer = 'given' | 'refused';

/** A consent request put to the family: what, to whom, why, until when; answer yes or no. */
export function ConsentRequestPage() {
  const { requestId = '' } = useParams();
  const requests = useConsentRequests();
  const children = useChildren();
  const request = requests.data?.items.find((r) => r.id === requestId);
  const child = children.data?.items.find((c) => c.cases.some((k) => k.caseId === request?.caseId));
  const heading = usePageHeading(requests.isPending ? undefined : 'Samtykke', SITE);
  return (
    <div className="stack citizen-narrow">
      <BackLink to={request ? `/innbygger/saker/${request.caseId}` : '/innbygger'}>Tilbake til saken</BackLink>
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
        Samtykke til å dele opplysninger
      </Heading>
      {requests.isPending && <Spinner aria-label="Henter forespørselen" />}
      <CitizenProblem error={requests.error} />
      {requests.isSuccess && !request && <Paragraph>Fant ikke forespørselen. Den kan være trukket tilbake.</Paragraph>}
      {request && <RequestView request={request} about={child?.relation === 'youth' ? 'deg' : (child?.firstName ?? 'barnet')} />}
    </div>
  );
}

function RequestView({ request, about }: { request: Request; about: string }) {
  // Kept here, above the form: the refreshed request (now answered) must not replace the confirmation.
  const [sent, setSent] = useState<{ request: Request; answer: Answer } | null>(null);
  return (
    <>
      <Paragraph>
        De som følger opp saken om {about}, spør om de kan dele opplysninger med andre tjenester. Du bestemmer selv. Sier du nei, blir ingenting delt med
        dem.
      </Paragraph>
      <dl className="facts citizen-facts">
        <dt>Hvem får opplysningene</dt>
        <dd>{services(request.services)}</dd>
        <dt>Hvorfor</dt>
        <dd className="prewrap">{request.purpose}</dd>
        <dt>Gjelder til</dt>
        <dd>{date(request.validUntil)}, om du ikke trekker det tilbake før</dd>
      </dl>
      {sent ? (
        <Sent request={sent.request} answer={sent.answer} />
      ) : request.myAnswer ? (
        <AlreadyAnswered request={request} />
      ) : (
        <AnswerForm request={request} onSent={(updated, answer) => setSent({ request: updated, answer })} />
      )}
    </>
  );
}

/** What the answer means now: in effect, waiting for the other guardian, or not given. */
function outcome(request: Request, answer: Answer): string {
  if (answer === 'refused') return `Du har sagt nei. Opplysninger blir ikke delt med ${services(request.services)}.`;
  if (request.status === 'in_effect') return `Du har sagt ja. Samtykket gjelder nå, til ${date(request.validUntil)}. Du kan trekke det tilbake når som helst på siden om saken.`;
  if (request.status === 'refused') return 'Du har sagt ja, men en annen foresatt har sagt nei. Samtykket gjelder derfor ikke.';
  return 'Du har sagt ja. Samtykket gjelder først når de andre foresatte med foreldreansvar også har sagt ja.';
}

function AlreadyAnswered({ request }: { request: Request }) {
  return (
    <Alert data-color="info">
      <Paragraph>{outcome(request, request.myAnswer as Answer)}</Paragraph>
    </Alert>
  );
}

function Sent({ request, answer }: { request: Request; answer: Answer }) {
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => confirmation.current?.focus(), []);
  return (
    <Alert data-color="success" ref={confirmation} tabIndex={-1}>
      <Heading level={2} data-size="xs">
        Svaret ditt er sendt
      </Heading>
      <Paragraph>{outcome(request, answer)}</Paragraph>
      <Paragraph>
        <Link to={`/innbygger/saker/${request.caseId}`}>Tilbake til saken</Link>
      </Paragraph>
    </Alert>
  );
}

function AnswerForm({ request, onSent }: { request: Request; onSent: (updated: Request, answer: Answer) => void }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [missing, setMissing] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const refresh = useRefreshCitizen();
  const send = useMutation({
    mutationFn: (chosen: Answer) => unwrap(citizenApi.POST('/api/v1/citizen/consent-requests/{id}/answer', { params: { path: { id: request.id } }, body: { answer: chosen } })),
    onSuccess: (updated, chosen) => {
      onSent(updated, chosen);
      void refresh();
    },
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!answer);
        if (answer) send.mutate(answer);
        else first.current?.focus();
      }}
    >
      <Fieldset aria-describedby={missing ? 'answer-error' : undefined}>
        <Fieldset.Legend>Ditt svar</Fieldset.Legend>
        <Radio ref={first} label="Ja, jeg samtykker" name="answer" value="given" checked={answer === 'given'} onChange={() => setAnswer('given')} aria-invalid={missing || undefined} />
        <Radio label="Nei, jeg samtykker ikke" name="answer" value="refused" checked={answer === 'refused'} onChange={() => setAnswer('refused')} aria-invalid={missing || undefined} />
        {missing && <ValidationMessage id="answer-error">Velg ja eller nei før du sender.</ValidationMessage>}
      </Fieldset>
      <CitizenProblem error={send.error} />
      <div>
        <Button type="submit" disabled={send.isPending}>
          Send svaret
        </Button>
      </div>
    </form>
  );
}
