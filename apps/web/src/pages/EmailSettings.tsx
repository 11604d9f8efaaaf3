import { Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';

type EmailMode = Schemas['UpdateNotificationSettingsDto']['emailMode'];
const MODE_LABEL: Record<EmailMode, string> = {
  immediate: 'En e-post per varsel, med en gang',
  daily_digest: 'En samlet e-post kl. 07.30 på virkedager',
};

/** How notices reach the user by e-mail; urgent ones always go at once (the API enforces it). */
export function EmailSettings() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['notification-settings'], queryFn: () => unwrap(api.GET('/api/v1/me/notification-settings')) });
  const [mode, setMode] = useState<EmailMode | null>(null);
  const chosen = mode ?? settings.data?.emailMode ?? 'immediate';
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/me/notification-settings', { body: { emailMode: chosen } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notification-settings'] }),
  });
  if (!settings.data) return <ProblemAlert error={settings.error} />;
  return (
    <section className="stack" aria-labelledby="email-heading">
      <Heading level={2} data-size="sm" id="email-heading">
        Varsler på e-post
      </Heading>
      <Paragraph data-size="sm">
        {settings.data.email ? `Sendes til ${settings.data.email}.` : 'Du har ingen e-postadresse registrert, så ingen varsler sendes på e-post.'} E-posten sier
        bare hva slags varsel det er og lenker hit; den nevner aldri barnet. Haster-varsler sendes alltid med en gang.
      </Paragraph>
      <form
        className="stack"
        aria-label="Varsler på e-post"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Fieldset>
          <Fieldset.Legend>Hvordan vil du få varsler?</Fieldset.Legend>
          {(Object.entries(MODE_LABEL) as [EmailMode, string][]).map(([code, text]) => (
            <Radio key={code} label={text} name="email-mode" value={code} checked={chosen === code} onChange={() => setMode(code)} />
          ))}
        </Fieldset>
        <ProblemAlert error={save.error} />
        {save.isSuccess && <Paragraph data-size="sm">Lagret.</Paragraph>}
        <div>
          <Button type="submit" variant="secondary" data-size="sm" disabled={save.isPending}>
            Lagre
          </Button>
        </div>
      </form>
    </section>
  );
}
