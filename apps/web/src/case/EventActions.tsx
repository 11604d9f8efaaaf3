import { Alert, Button, Checkbox, Details, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage, type SuggestionItem } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { useUnits } from '../api/catalog';
import { FormErrors } from '../components/FormErrors';
import { fieldError } from '../components/ProblemAlert';
import { EVENT_LABEL, type EventType } from '../labels';
import { EVENT_FORMS, payloadOf, type FieldSpec, type PayloadField } from './eventForms';
import { PersonPicker } from './PersonPicker';
import { useRefreshCase } from './useCase';

const known = (type: string): type is EventType => type in EVENT_FORMS;

/** The phases of a case (DESIGN 12.1) and the statuses in each. */
const PHASES: [string, string[]][] = [
  ['Oppdage', ['discovered']],
  ['Vurdere', ['assessing']],
  ['Beslutte', ['deciding']],
  ['Gjennomføre', ['acting']],
  ['Evaluere', ['evaluating']],
];

/** Which allowed event moves the case on, first match wins; the rest go under «Flere handlinger». */
const NEXT_STEP: EventType[] = ['accept_handover', 'accept_transfer', 'start_assessment', 'complete_assessment', 'decide', 'evaluate', 'request_evaluation', 'reopen'];

export function nextStep(c: Schemas['CaseResponse'], events: EventType[]): EventType | undefined {
  // A flagged case not yet reported: the report comes before anything else (DESIGN 8.1).
  if (c.flags.suspectedViolenceOrAbuse && !c.childWelfareReportedAt && events.includes('report_to_child_welfare')) return 'report_to_child_welfare';
  return NEXT_STEP.find((e) => events.includes(e));
}

/** The phase line, one primary next step and the other actions the API allows (`allowedEvents`). */
export function EventActions({ caseData, onStale }: { caseData: Schemas['CaseResponse']; onStale: () => void }) {
  const events = caseData.allowedEvents.filter(known);
  const primary = nextStep(caseData, events);
  const others = events.filter((e) => e !== primary);
  const current = PHASES.findIndex(([, statuses]) => statuses.includes(caseData.status));
  // After a save the form may be gone (the step is done): the confirmation above takes focus.
  const [done, setDone] = useState<{ type: EventType; at: number } | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);
  const onDone = (type: EventType) => setDone({ type, at: Date.now() });
  return (
    <section className="stack" aria-labelledby="actions-heading">
      <Heading level={2} data-size="sm" id="actions-heading">
        Hva kan du gjøre nå?
      </Heading>
      {done && (
        <Alert data-color="success" ref={confirmation} tabIndex={-1} key={done.at}>
          <Paragraph>Lagret: {EVENT_LABEL[done.type]}.</Paragraph>
        </Alert>
      )}
      <ol className="phases" aria-label="Fase">
        {PHASES.map(([name], i) => (
          <li key={name} aria-current={i === current ? 'step' : undefined} className={caseData.status === 'closed' || i < current ? 'done' : i === current ? 'current' : undefined}>
            {name}
          </li>
        ))}
      </ol>
      {caseData.status === 'closed' && <Paragraph>Saken er avsluttet.</Paragraph>}
      {events.length === 0 && <Paragraph>Du har ingen handlinger på saken nå.</Paragraph>}
      {primary && (
        <div className="next-step stack" data-testid={`event-${primary}`}>
          <Heading level={3} data-size="xs">
            Neste steg: {EVENT_LABEL[primary]}
          </Heading>
          <EventForm type={primary} caseData={caseData} onStale={onStale} onDone={onDone} />
        </div>
      )}
      {others.length > 0 && (
        <Details data-testid="more-actions">
          <Details.Summary>Flere handlinger</Details.Summary>
          <Details.Content className="stack">
            {others.map((type) => (
              <Details key={type} data-testid={`event-${type}`}>
                <Details.Summary>{EVENT_LABEL[type]}</Details.Summary>
                <Details.Content>
                  <EventForm type={type} caseData={caseData} onStale={onStale} onDone={onDone} />
                </Details.Content>
              </Details>
            ))}
          </Details.Content>
        </Details>
      )}
    </section>
  );
}

function EventForm({ type, caseData, onStale, onDone }: { type: EventType; caseData: Schemas['CaseResponse']; onStale: () => void; onDone(type: EventType): void }) {
  const [values, setValues] = useState<Partial<Record<PayloadField, unknown>>>({});
  const [people, setPeople] = useState<Partial<Record<PayloadField, SuggestionItem | null>>>({});
  const refresh = useRefreshCase(caseData.id);
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/events', {
          params: { path: { id: caseData.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: payloadOf(type, values),
        }),
      ),
    onSuccess: async () => {
      setValues({});
      setPeople({});
      await refresh();
      onDone(type);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply.mutate();
  };
  const set = (name: PayloadField, value: unknown) => setValues((v) => ({ ...v, [name]: value }));
  const shown = EVENT_FORMS[type].filter((f) => !f.when || f.when(values));
  const labels = Object.fromEntries(shown.map((f) => [f.name, { label: f.label, id: `${type}-${f.name}` }]));
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={EVENT_LABEL[type]}>
      <FormErrors
        error={apply.error}
        fields={labels}
        onReload={() => {
          apply.reset();
          onStale();
        }}
      />
      {shown.map((field) =>
        field.kind === 'person' ? (
          <PersonPicker
            key={field.name}
            id={`${type}-${field.name}`}
            label={field.label}
            description={field.description}
            value={people[field.name] ?? null}
            onChange={(item) => {
              setPeople((p) => ({ ...p, [field.name]: item }));
              set(field.name, item?.value ?? '');
            }}
            error={fieldError(apply.error, field.name)}
          />
        ) : (
          <EventField key={field.name} field={field} value={values[field.name]} onChange={(v) => set(field.name, v)} error={fieldError(apply.error, field.name)} idPrefix={type} />
        ),
      )}
      <div>
        <Button type="submit" data-size="sm" disabled={apply.isPending}>
          {EVENT_LABEL[type]}
        </Button>
      </div>
    </form>
  );
}

function EventField(props: { field: FieldSpec; value: unknown; onChange(value: unknown): void; error?: string; idPrefix: string }) {
  const { field, value, onChange, error, idPrefix } = props;
  const id = `${idPrefix}-${field.name}`;
  const units = useUnits();
  if (field.kind === 'checkbox') {
    return <Checkbox id={id} label={field.label} description={field.description} checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} error={error} />;
  }
  if (field.kind === 'select' || field.kind === 'unit') {
    const options = field.kind === 'unit' ? Object.fromEntries((units.data ?? []).map((u) => [u.id, u.name])) : (field.options ?? {});
    return (
      <Field>
        <Label htmlFor={id}>{field.label}</Label>
        {field.description && <Field.Description>{field.description}</Field.Description>}
        <Select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} required={field.required} aria-invalid={error ? true : undefined}>
          <Select.Option value="" disabled>
            Velg
          </Select.Option>
          {Object.entries(options).map(([code, text]) => (
            <Select.Option key={code} value={code}>
              {text}
            </Select.Option>
          ))}
        </Select>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
    );
  }
  const common = {
    id,
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
