import { ErrorSummary } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { ProblemError } from '../api/client';
import { ProblemAlert } from './ProblemAlert';

/**
 * A refused save: the fields the server named, each by the label the form shows and linked to
 * it (Designsystemet ErrorSummary, which takes focus); other problems as ProblemAlert says them.
 * `fields` maps the API's field name to the form's label and input id; a nested name
 * (`childAddress.line1`, `guardians[0].name`) is shown under the field it belongs to.
 */
export function FormErrors({ error, fields, onReload }: { error: unknown; fields: Record<string, { label: string; id: string }>; onReload?: () => void }) {
  const summary = useRef<React.ComponentRef<typeof ErrorSummary>>(null);
  const named = error instanceof ProblemError ? (error.problem.errors ?? []).flatMap((e) => {
    const key = ownerOf(e.field, fields);
    return key ? [{ ...e, field: key }] : [];
  }) : [];
  useEffect(() => {
    if (named.length) summary.current?.focus();
  }, [error, named.length]);
  if (!error) return null;
  if (named.length === 0) return <ProblemAlert error={error} onReload={onReload} />;
  return (
    <ErrorSummary ref={summary} tabIndex={-1}>
      <ErrorSummary.Heading>Rett opp dette før du lagrer:</ErrorSummary.Heading>
      <ErrorSummary.List>
        {named.map((e) => (
          <ErrorSummary.Item key={e.field + e.message}>
            <ErrorSummary.Link href={`#${fields[e.field]!.id}`}>
              {fields[e.field]!.label}: {e.message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** The form field an error names: itself, or the field a nested name (`a.b`, `a[0].b`) starts with. */
export function ownerOf(name: string, fields: Record<string, unknown>): string | undefined {
  if (Object.hasOwn(fields, name)) return name;
  const top = /^[^.[]+/.exec(name)?.[0];
  return top && Object.hasOwn(fields, top) ? top : undefined;
}
