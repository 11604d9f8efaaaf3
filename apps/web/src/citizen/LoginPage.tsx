import { Alert, Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useLocation } from 'react-router';
import { usePageHeading } from '../components/usePageHeading';
import { LOGIN_URL } from './client';

export const SITE = 'BTI for familien';

/** The first page when not logged in: what this is, and the way in (ID-porten). */
export function LoginPage() {
  const heading = usePageHeading('Logg inn', SITE);
  const loggedOut = (useLocation().state as { loggedOut?: boolean } | null)?.loggedOut;
  return (
    <div className="stack citizen-narrow">
      {loggedOut && (
        <Alert data-color="success">
          <Paragraph>Du er logget ut.</Paragraph>
        </Alert>
      )}
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
        Følg saken om barnet ditt
      </Heading>
      <Paragraph>
        Når barnehagen, skolen eller helsestasjonen er bekymret for et barn, følger de opp i en sak. Her kan foresatte, og ungdom som gjelder saken
        selv, se hva som skjer.
      </Paragraph>
      <List.Unordered>
        <List.Item>se hva som er skrevet i saken og hvem som følger den opp</List.Item>
        <List.Item>svare ja eller nei når noen ber om samtykke</List.Item>
        <List.Item>skrive det du vil at de skal vite</List.Item>
        <List.Item>se hvem som har lest saken</List.Item>
      </List.Unordered>
      <div>
        <Button asChild>
          <a href={LOGIN_URL}>Logg inn med ID-porten</a>
        </Button>
      </div>
      <Paragraph data-size="sm" className="muted">
        Du logger inn med MinID, BankID, Buypass eller Commfides. Vi bruker fødselsnummeret ditt bare for å finne sakene du er knyttet til.
      </Paragraph>
    </div>
  );
}
