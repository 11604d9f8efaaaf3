import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ProblemError } from '../api/client';

/**
 * The server's refusal in words: its detail and every field it named. A 412 means the case
 * changed since this page loaded; the user is offered a reload instead of a code.
 */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  if (!error) return null;
  if (error instanceof ProblemError && error.problem.status === 412) {
    return (
      <Alert data-color="warning" role="alert">
        <Heading level={3} data-size="xs">
          Noen andre har endret saken
        </Heading>
        <Paragraph>Saken er endret etter at du åpnet den. Last inn saken på nytt og se over endringene før du prøver igjen.</Paragraph>
        {onReload && (
          <Button variant="secondary" data-size="sm" onClick={onReload}>
            Last inn saken på nytt
          </Button>
        )}
      </Alert>
    );
  }
  const problem = error instanceof ProblemError ? error.problem : undefined;
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={3} data-size="xs">
        {problem?.title ?? 'Noe gikk galt'}
      </Heading>
      <Paragraph>{problem?.detail ?? (error instanceof Error ? error.message : 'Ukjent feil.')}</Paragraph>
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field + e.message}>
              <strong>{e.field}</strong>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** The message for one field, when the server named it. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  return error.problem.errors?.find((e) => e.field === field)?.message;
}
