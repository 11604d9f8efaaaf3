import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../api/client';
import { fieldError } from '../components/ProblemAlert';
import { usePageHeading } from '../components/usePageHeading';
import { dateTime } from '../labels';
import { CitizenProblem } from './CitizenProblem';
import { citizenApi, type CitizenSchemas } from './client';
import { BackLink } from './BackLink';
import { SITE } from './LoginPage';
import { useCitizenCase, useRefreshCitizen } from './queries';

const MAX = 4000;

/** Who else in the family reads a statement: the youth's choice decides for what the youth writes. */
function whoElse(c: CitizenSchemas['CitizenCaseResponse']): string {
  if (c.relation === 'guardian') return 'Andre i familien som har tilgang til saken, kan også lese det.';
  const decides = c.sharing && c.sharing.decidesFrom <= new Date().toISOString().slice(0, 10);
  if (decides && !c.sharing?.shareWithGuardians) return 'Foresatte kan ikke lese det, fordi du har valgt at de ikke får se det som skrives i saken.';
  return 'Foresatte kan også lese det.';
}

/** The family's voice (DESIGN 12.4): a statement in the case's log that its workers read. */
export function StatementPage() {
  const { caseId = '' } = useParams();
  const kase = useCitizenCase(caseId);
  const heading = usePageHeading(kase.isPending ? undefined : 'Skriv til saken', SITE);
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const [sentAt, setSentAt] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const refresh = useRefreshCitizen();
  const send = useMutation({
    mutationFn: () => unwrap(citizenApi.POST('/api/v1/citizen/cases/{caseId}/statements', { params: { path: { caseId } }, body: { text: text.trim() } })),
    onSuccess: (entry) => {
      setSentAt(String(entry.at));
      setText('');
      void refresh();
    },
  });
  useEffect(() => {
    if (sentAt) confirmation.current?.focus();
  }, [sentAt]);
  const youth = kase.data?.relation === 'youth';
  const error = empty ? 'Skriv noe før du sender.' : (fieldError(send.error, 'text') ?? (text.length > MAX ? `Teksten kan være høyst ${MAX} tegn.` : undefined));

  return (
    <div className="stack citizen-narrow">
      <BackLink to={`/innbygger/saker/${caseId}`}>Tilbake til saken</BackLink>
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
        Skriv til saken
      </Heading>
      {kase.isPending && <Spinner aria-label="Henter saken" />}
      <CitizenProblem error={kase.error} />
      {sentAt && (
        <Alert data-color="success" ref={confirmation} tabIndex={-1}>
          <Heading level={2} data-size="xs">
            Takk, det du skrev er lagt i saken
          </Heading>
          <Paragraph>Sendt {dateTime(sentAt)}. Stafettholderen får beskjed, og alle som jobber med saken, kan lese det.</Paragraph>
          <Paragraph>
            <Link to={`/innbygger/saker/${caseId}`}>Tilbake til saken</Link>
          </Paragraph>
        </Alert>
      )}
      {kase.data && !sentAt && (
        <>
          <Paragraph>
            Det du skriver, blir en del av saken. De som jobber med saken, leser det. {whoElse(kase.data)}
            Du kan for eksempel skrive hvordan det går, hva {youth ? 'du' : 'dere'} tenker om tiltakene, eller hva {youth ? 'du' : 'dere'} ønsker.
          </Paragraph>
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const blank = !text.trim();
              setEmpty(blank);
              if (blank || text.length > MAX) field.current?.focus();
              else send.mutate();
            }}
          >
            <Textfield
              ref={field}
              multiline
              rows={8}
              label={youth ? 'Det du vil si' : 'Det dere vil si'}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value.trim()) setEmpty(false);
              }}
              error={error}
              counter={MAX}
            />
            <CitizenProblem error={fieldError(send.error, 'text') ? null : send.error} />
            <div>
              <Button type="submit" disabled={send.isPending}>
                Send til saken
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
