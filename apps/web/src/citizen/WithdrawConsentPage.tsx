import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../api/client';
import { fieldError } from '../components/ProblemAlert';
import { usePageHeading } from '../components/usePageHeading';
import { date, dateTime } from '../labels';
import { CitizenProblem } from './CitizenProblem';
import { citizenApi } from './client';
import { BackLink } from './BackLink';
import { SITE } from './LoginPage';
import { useCitizenCase, useRefreshCitizen } from './queries';
import { services } from './words';

/** Withdrawing a consent acts at once (DESIGN 8.3); a reason is optional. */
export function WithdrawConsentPage() {
  const { caseId = '', consentId = '' } = useParams();
  const kase = useCitizenCase(caseId);
  const consent = kase.data?.consents.find((k) => k.id === consentId);
  const heading = usePageHeading(kase.isPending ? undefined : 'Trekk tilbake samtykke', SITE);
  const [reason, setReason] = useState('');
  const [withdrawnAt, setWithdrawnAt] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const refresh = useRefreshCitizen();
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        citizenApi.POST('/api/v1/citizen/consents/{consentId}/withdrawal', {
          params: { path: { consentId } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: (result) => {
      setWithdrawnAt(String(result.withdrawnAt));
      void refresh();
    },
  });
  useEffect(() => {
    if (withdrawnAt) confirmation.current?.focus();
  }, [withdrawnAt]);

  return (
    <div className="stack citizen-narrow">
      <BackLink to={`/innbygger/saker/${caseId}`}>Tilbake til saken</BackLink>
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
        Trekk tilbake samtykke
      </Heading>
      {kase.isPending && <Spinner aria-label="Henter saken" />}
      <CitizenProblem error={kase.error} />
      {kase.isSuccess && !consent && <Paragraph>Fant ikke samtykket.</Paragraph>}
      {consent && withdrawnAt && (
        <Alert data-color="success" ref={confirmation} tabIndex={-1}>
          <Heading level={2} data-size="xs">
            Samtykket er trukket tilbake
          </Heading>
          <Paragraph>
            Fra {dateTime(withdrawnAt)} kan ikke opplysninger lenger deles med {services(consent.services)} på grunnlag av dette samtykket. Stafettholderen har fått
            beskjed.
          </Paragraph>
          <Paragraph>
            <Link to={`/innbygger/saker/${caseId}`}>Tilbake til saken</Link>
          </Paragraph>
        </Alert>
      )}
      {consent && !withdrawnAt && (
        <>
          <Paragraph>
            Samtykket gjelder deling med <strong>{services(consent.services)}</strong>
            {consent.validUntil ? ` til ${date(consent.validUntil)}` : ''}. Trekker du det tilbake, gjelder det fra med en gang: tjenestene kan ikke lenger dele
            opplysninger på grunnlag av det. Det som alt er delt, blir ikke borte.
          </Paragraph>
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              withdraw.mutate();
            }}
          >
            <Textfield
              multiline
              rows={4}
              label="Hvorfor trekker du samtykket? (valgfritt)"
              description="De som jobber med saken, ser det du skriver."
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={fieldError(withdraw.error, 'reason')}
              counter={2000}
            />
            <CitizenProblem error={withdraw.error} />
            <div className="actions">
              <Button type="submit" data-color="danger" disabled={withdraw.isPending}>
                Trekk tilbake samtykket
              </Button>
              <Button asChild variant="tertiary">
                <Link to={`/innbygger/saker/${caseId}`}>Avbryt</Link>
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
