import { Alert, Button, Details, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useUnits } from '../api/catalog';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { FormErrors } from '../components/FormErrors';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { EVENT_LABEL, type EventType } from '../labels';
import { EventField, focusTarget } from './EventFields';
import { isRequired, payloadOf, prefilled, shownFields, useEventForms, type EventFormSpec, type Values } from './eventForms';
import { useRefreshCase } from './useCase';

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
  const forms = useEventForms();
  // Each form as the API describes it (GET /catalog/case-events); an event it does not describe is not offered.
  const events = caseData.allowedEvents.filter((e): e is EventType => forms.data?.has(e as EventType) ?? false);
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
      {forms.isPending && <Spinner aria-label="Henter skjemaene" />}
      {forms.error && <ProblemAlert error={forms.error} />}
      {forms.data && events.length === 0 && <Paragraph>Du har ingen handlinger på saken nå.</Paragraph>}
      {primary && (
        <div className="next-step stack" data-testid={`event-${primary}`}>
          <Heading level={3} data-size="xs">
            Neste steg: {forms.data!.get(primary)!.label}
          </Heading>
          <EventForm form={forms.data!.get(primary)!} caseData={caseData} onStale={onStale} onDone={onDone} />
        </div>
      )}
      {others.length > 0 && (
        <Details data-testid="more-actions">
          <Details.Summary>Flere handlinger</Details.Summary>
          <Details.Content className="stack">
            {others.map((type) => (
              <Details key={type} data-testid={`event-${type}`}>
                <Details.Summary>{forms.data!.get(type)!.label}</Details.Summary>
                <Details.Content>
                  <EventForm form={forms.data!.get(type)!} caseData={caseData} onStale={onStale} onDone={onDone} />
                </Details.Content>
              </Details>
            ))}
          </Details.Content>
        </Details>
      )}
    </section>
  );
}

function EventForm({ form, caseData, onStale, onDone }: { form: EventFormSpec; caseData: Schemas['CaseResponse']; onStale: () => void; onDone(type: EventType): void }) {
  const type = form.type as EventType;
  const units = useUnits();
  const unit = units.data?.find((u) => u.id === caseData.unitId);
  const [edited, setValues] = useState<Values>({});
  // What the case already knows (addresses, guardians) fills the form until the user changes it.
  const values = { ...prefilled(form, caseData, unit), ...edited };
  const refresh = useRefreshCase(caseData.id);
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/events', {
          params: { path: { id: caseData.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: payloadOf(form, values),
        }),
      ),
    onSuccess: async () => {
      setValues({});
      await refresh();
      onDone(type);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply.mutate();
  };
  const shown = shownFields(form, values);
  const idOf = (name: string) => `${type}-${name}`;
  const labels = Object.fromEntries(shown.map((f) => [f.name, { label: f.label, id: focusTarget(f, idOf(f.name)) }]));
  const errorOf = (name: string) => (part?: string) => {
    if (!part) return fieldError(apply.error, name);
    // `line1` of an address, `0.name` of a list: the API says `childAddress.line1`, `guardians[0].name`.
    const [index, rest] = part.split('.');
    return rest !== undefined ? fieldError(apply.error, `${name}[${index}].${rest}`) : fieldError(apply.error, `${name}.${part}`);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={form.label}>
      <FormErrors
        error={apply.error}
        fields={labels}
        onReload={() => {
          apply.reset();
          onStale();
        }}
      />
      {shown.map((field) => (
        <EventField
          key={field.name}
          field={field}
          id={idOf(field.name)}
          value={values[field.name]}
          required={isRequired(field, values)}
          onChange={(v) => setValues((all) => ({ ...all, [field.name]: v }))}
          error={errorOf(field.name)}
        />
      ))}
      <div>
        <Button type="submit" data-size="sm" disabled={apply.isPending}>
          {form.label}
        </Button>
      </div>
    </form>
  );
}
