import { Button, Checkbox, Details, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { EVENT_LABEL, type EventType } from '../labels';
import { EVENT_FORMS, payloadOf, type FieldSpec, type PayloadField } from './eventForms';
import { useRefreshCase } from './useCase';

const known = (type: string): type is EventType => type in EVENT_FORMS;

/** One action per entry of the case's `allowedEvents`, each with the form its event needs. */
export function EventActions({ caseData, onStale }: { caseData: Schemas['CaseResponse']; onStale: () => void }) {
  const events = caseData.allowedEvents.filter(known);
  return (
    <section className="stack" aria-labelledby="actions-heading">
      <Heading level={2} data-size="sm" id="actions-heading">
        Hva kan du gjøre nå?
      </Heading>
      {events.length === 0 && <Paragraph>Du har ingen handlinger på saken nå.</Paragraph>}
      {events.map((type) => (
        <Details key={type} data-testid={`event-${type}`}>
          <Details.Summary>{EVENT_LABEL[type]}</Details.Summary>
          <Details.Content>
            <EventForm type={type} caseData={caseData} onStale={onStale} />
          </Details.Content>
        </Details>
      ))}
    </section>
  );
}

function EventForm({ type, caseData, onStale }: { type: EventType; caseData: Schemas['CaseResponse']; onStale: () => void }) {
  const [values, setValues] = useState<Partial<Record<PayloadField, unknown>>>({});
  const refresh = useRefreshCase(caseData.id);
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/events', {
          params: { path: { id: caseData.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: payloadOf(type, values),
        }),
      ),
    onSuccess: () => refresh(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply.mutate();
  };
  const set = (name: PayloadField, value: unknown) => setValues((v) => ({ ...v, [name]: value }));
  const shown = EVENT_FORMS[type].filter((f) => !f.when || f.when(values));
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={EVENT_LABEL[type]}>
      {shown.map((field) => (
        <EventField key={field.name} field={field} value={values[field.name]} onChange={(v) => set(field.name, v)} error={fieldError(apply.error, field.name)} idPrefix={type} />
      ))}
      <ProblemAlert
        error={apply.error}
        onReload={() => {
          apply.reset();
          onStale();
        }}
      />
      <div>
        <Button type="submit" data-size="sm" disabled={apply.isPending}>
          {EVENT_LABEL[type]}
        </Button>
      </div>
    </form>
  );
}

function EventField(props: { field: FieldSpec; value: unknown; onChange(value: unknown): void; error?: string; idPrefix: string }) {
  const { field, value, onChange, error } = props;
  if (field.kind === 'checkbox') {
    return <Checkbox label={field.label} description={field.description} checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} error={error} />;
  }
  if (field.kind === 'select') {
    return (
      <Field>
        <Label>{field.label}</Label>
        <Select value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} required={field.required} aria-invalid={error ? true : undefined}>
          <Select.Option value="" disabled>
            Velg
          </Select.Option>
          {Object.entries(field.options ?? {}).map(([code, text]) => (
            <Select.Option key={code} value={code}>
              {text}
            </Select.Option>
          ))}
        </Select>
        {error && <p className="field-error">{error}</p>}
      </Field>
    );
  }
  const common = {
    label: field.label,
    description: field.description,
    value: typeof value === 'string' ? value : '',
    required: field.required,
    error,
  };
  return field.kind === 'textarea' ? (
    <Textfield multiline rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Textfield {...common} onChange={(e) => onChange(e.target.value)} />
  );
}
