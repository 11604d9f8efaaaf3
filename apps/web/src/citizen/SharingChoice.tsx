import { Alert, Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { unwrap } from '../api/client';
import { date, dateTime } from '../labels';
import { CitizenProblem } from './CitizenProblem';
import { citizenApi, type CitizenSchemas } from './client';
import { useRefreshCitizen } from './queries';

/**
 * The youth decides whether the guardians see what is written in the case from the age the
 * municipality lets the youth decide (DESIGN 12.4, 12.8.7). Its own record, not a consent.
 */
export function SharingChoice({ caseId, sharing }: { caseId: string; sharing: CitizenSchemas['CitizenSharing'] }) {
  const [choice, setChoice] = useState<boolean>(sharing.shareWithGuardians);
  const [saved, setSaved] = useState<boolean | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const refresh = useRefreshCitizen();
  const save = useMutation({
    mutationFn: () =>
      unwrap(citizenApi.POST('/api/v1/citizen/cases/{caseId}/sharing', { params: { path: { caseId } }, body: { shareWithGuardians: choice } })),
    onSuccess: async (result) => {
      setSaved(result.shareWithGuardians);
      await refresh();
    },
  });
  useEffect(() => {
    if (saved !== null) confirmation.current?.focus();
  }, [saved]);
  const decidesNow = sharing.decidesFrom <= new Date().toISOString().slice(0, 10);
  return (
    <section className="stack" aria-labelledby="sharing-heading">
      <Heading level={2} data-size="sm" id="sharing-heading">
        Hva foreldrene dine får se
      </Heading>
      <Paragraph>
        {decidesNow ? 'Du er gammel nok til å bestemme selv' : `Fra ${date(sharing.decidesFrom)} bestemmer du selv`} om foreldrene dine (eller andre
        foresatte) får lese det som blir skrevet i saken fra {date(sharing.decidesFrom)}. Det som ble skrevet før, kan de lese.
      </Paragraph>
      {sharing.decidedBy === 'unit_leader' && (
        <Paragraph>
          Lederen for enheten har bestemt at foresatte får se dette, fordi de trenger det for å ta vare på deg. Snakk med stafettholderen din om du lurer på
          hvorfor.
        </Paragraph>
      )}
      {saved !== null && (
        <Alert data-color="success" ref={confirmation} tabIndex={-1}>
          <Paragraph>
            Lagret. {saved ? 'Foresatte kan lese det som skrives i saken.' : 'Foresatte kan ikke lese det som skrives i saken fra nå av.'}
          </Paragraph>
        </Alert>
      )}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          save.mutate();
        }}
      >
        <Fieldset>
          <Fieldset.Legend>Skal foresatte få lese det som skrives i saken?</Fieldset.Legend>
          {sharing.decidedAt && (
            <Fieldset.Description>
              Sist bestemt {dateTime(sharing.decidedAt)}: {sharing.shareWithGuardians ? 'ja' : 'nei'}.
            </Fieldset.Description>
          )}
          <Radio label="Ja, de kan lese det" name="share" value="yes" checked={choice} onChange={() => setChoice(true)} />
          <Radio label="Nei, bare jeg og de som jobber med saken" name="share" value="no" checked={!choice} onChange={() => setChoice(false)} />
        </Fieldset>
        <CitizenProblem error={save.error} />
        <div>
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            Lagre valget
          </Button>
        </div>
      </form>
    </section>
  );
}
