import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ProblemAlert } from '../components/ProblemAlert';
import { isLoggedOut, LOGIN_URL } from './client';

/** A refusal in the server's words; a run-out session as a way back in. */
export function CitizenProblem({ error }: { error: unknown }) {
  if (!error) return null;
  if (!isLoggedOut(error)) return <ProblemAlert error={error} />;
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={2} data-size="xs">
        Du er logget ut
      </Heading>
      <Paragraph>
        Innloggingen varer en begrenset tid. <a href={LOGIN_URL}>Logg inn med ID-porten igjen</a>.
      </Paragraph>
    </Alert>
  );
}
