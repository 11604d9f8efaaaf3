import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Schemas } from '../api/client';

/**
 * Shown the moment violence or abuse is marked, before anything is saved (DESIGN 8.1). After
 * saving, the server's own guidance (`safetyGuidance`) replaces this text.
 */
export function SafetyGuidance({ guidance }: { guidance?: Schemas['SafetyGuidanceView'] }) {
  return (
    <Alert data-color="danger" role="alert" className="safety">
      <Heading level={2} data-size="xs">
        Mistanke om vold eller overgrep: meld til barnevernet nå
      </Heading>
      {guidance ? (
        <>
          <Paragraph>{guidance.message}</Paragraph>
          <ul>
            {guidance.actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
        </>
      ) : (
        <ul>
          <li>Send bekymringsmelding til barneverntjenesten med en gang. Utenom kontortid: ring barnevernvakten.</li>
          <li>Kontakt politiet hvis du mistenker en straffbar handling, og ring 112 ved akutt fare.</li>
          <li>Ikke konfronter foresatte med mistanken før barnevernet og eventuelt politiet er varslet.</li>
          <li>Meldeplikten er din egen (barnevernsloven § 13-2) og går foran taushetsplikten.</li>
        </ul>
      )}
    </Alert>
  );
}
