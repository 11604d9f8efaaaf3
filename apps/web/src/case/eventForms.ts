import type { Schemas } from '../api/client';
import { CLOSE_REASON_LABEL, OUTCOME_LABEL, ROUTE_LABEL, type EventType } from '../labels';

type Payload = Omit<Schemas['CaseEventDto'], 'type'>;
export type PayloadField = keyof Payload;

export interface FieldSpec {
  name: PayloadField;
  /** `person`: found by name in the directory (sends the id); `unit`: chosen by name (sends the id). */
  kind: 'text' | 'textarea' | 'checkbox' | 'select' | 'person' | 'unit';
  label: string;
  description?: string;
  options?: Record<string, string>;
  required?: boolean;
  /** Shown only when this holds for the values entered so far. */
  when?: (values: Partial<Record<PayloadField, unknown>>) => boolean;
}

/** How a report to child welfare is given (DESIGN 8.1). */
const CHILD_WELFARE_CHANNEL_LABEL: Record<string, string> = {
  digital: 'Digitalt',
  letter: 'Brev',
  phone: 'Telefon',
  barnevernvakt: 'Barnevernvakten (utenom kontortid)',
};

/**
 * Exactly the form each event needs (DESIGN section 4 and 8). Keyed by the API's event union:
 * an event the API adds is a type error here until it has its form.
 */
export const EVENT_FORMS: Record<EventType, FieldSpec[]> = {
  start_assessment: [],
  guardians_may_be_informed: [{ name: 'note', kind: 'textarea', label: 'Hvorfor foresatte nå kan få se saken', required: true }],
  complete_assessment: [
    { name: 'summary', kind: 'textarea', label: 'Oppsummering av vurderingen', required: true },
    { name: 'guardiansInformed', kind: 'checkbox', label: 'Foresatte er informert' },
    {
      name: 'reasonNotInformed',
      kind: 'textarea',
      label: 'Hvorfor er foresatte ikke informert?',
      when: (v) => !v.guardiansInformed,
    },
    { name: 'childHeard', kind: 'checkbox', label: 'Barnet er hørt', description: 'Fra 7 år: barnets syn, eller hvorfor det ikke er hørt.' },
    { name: 'childView', kind: 'textarea', label: 'Barnets syn', when: (v) => Boolean(v.childHeard) },
    { name: 'childViewWeight', kind: 'textarea', label: 'Hvordan er barnets syn vektlagt? (fra 12 år)', when: (v) => Boolean(v.childHeard) },
    { name: 'reasonChildNotHeard', kind: 'textarea', label: 'Hvorfor er barnet ikke hørt?', when: (v) => !v.childHeard },
    { name: 'guardiansView', kind: 'textarea', label: 'Foresattes syn (valgfritt)' },
  ],
  decide: [
    { name: 'route', kind: 'select', label: 'Videre vei', options: ROUTE_LABEL, required: true },
    { name: 'rationale', kind: 'textarea', label: 'Begrunnelse', required: true },
    {
      name: 'assigneeId',
      kind: 'person',
      label: 'Stafettholder',
      description: 'Kreves når saken ikke har en stafettholder. Skriv starten av navnet.',
    },
    {
      name: 'anonymous',
      kind: 'checkbox',
      label: 'Drøft anonymt i teamet',
      description: 'Teamet ser saken uten barnets identitet. Krever ikke samtykke.',
      when: (v) => v.route === 'interdisciplinary_team',
    },
    {
      name: 'anonymousSummary',
      kind: 'textarea',
      label: 'Anonym oppsummering til teamet',
      description: 'Det eneste teamet leser: ingen navn eller opplysninger som kan identifisere barnet.',
      when: (v) => v.route === 'interdisciplinary_team' && Boolean(v.anonymous),
    },
  ],
  escalate: [
    { name: 'route', kind: 'select', label: 'Ny vei', options: ROUTE_LABEL, required: true },
    { name: 'rationale', kind: 'textarea', label: 'Begrunnelse', required: true },
  ],
  request_evaluation: [],
  evaluate: [
    { name: 'outcome', kind: 'select', label: 'Resultat av evalueringen', options: OUTCOME_LABEL, required: true },
    { name: 'note', kind: 'textarea', label: 'Notat', required: true },
  ],
  close: [
    { name: 'reason', kind: 'select', label: 'Hvorfor avsluttes saken?', options: CLOSE_REASON_LABEL, required: true },
    {
      name: 'justification',
      kind: 'textarea',
      label: 'Hvorfor er det ikke meldt til barnevernet?',
      description: 'Kreves av enhetsleder når saken gjelder mistanke om vold eller overgrep og ingen melding er registrert.',
    },
  ],
  reopen: [{ name: 'reason', kind: 'textarea', label: 'Hvorfor gjenåpnes saken?', required: true }],
  report_to_child_welfare: [
    {
      name: 'grounds',
      kind: 'textarea',
      label: 'Grunnlaget for meldingen',
      description: 'Meldeplikten er din egen og krever ikke samtykke (barnevernsloven § 13-2).',
      required: true,
    },
    { name: 'channel', kind: 'select', label: 'Hvordan meldes det?', options: CHILD_WELFARE_CHANNEL_LABEL, required: true },
    { name: 'guardiansInformed', kind: 'checkbox', label: 'Foresatte er orientert om meldingen' },
    {
      name: 'reasonGuardiansNotInformed',
      kind: 'textarea',
      label: 'Hvorfor er foresatte ikke orientert?',
      required: true,
      when: (v) => !v.guardiansInformed,
    },
    { name: 'childInformed', kind: 'checkbox', label: 'Barnet er orientert om meldingen' },
    { name: 'reasonChildNotInformed', kind: 'textarea', label: 'Hvorfor er barnet ikke orientert? (valgfritt)', when: (v) => !v.childInformed },
    // The national document (KS Fiks) names the reporter's phone and e-mail.
    { name: 'reporterPhone', kind: 'text', label: 'Ditt telefonnummer', required: true },
    { name: 'reporterEmail', kind: 'text', label: 'Din e-postadresse', required: true },
    { name: 'reference', kind: 'text', label: 'Barnevernets referanse (valgfritt)' },
  ],
  raise_safety_concern: [
    { name: 'note', kind: 'textarea', label: 'Hva er kommet fram om vold eller overgrep?', required: true },
  ],
  accept_handover: [],
  decline_handover: [{ name: 'reason', kind: 'textarea', label: 'Hvorfor avslås overleveringen?', required: true }],
  propose_transfer: [
    { name: 'toUnitId', kind: 'unit', label: 'Mottakende enhet', description: 'Krever samtykke fra foresatte som omfatter mottakende enhet.', required: true },
    { name: 'rationale', kind: 'textarea', label: 'Begrunnelse', required: true },
  ],
  accept_transfer: [{ name: 'assigneeId', kind: 'person', label: 'Ny stafettholder (valgfritt)', description: 'En ansatt i enheten din. Uten stafettholder får du en påminnelse.' }],
  reject_transfer: [{ name: 'reason', kind: 'textarea', label: 'Hvorfor avslås overføringen?', required: true }],
  step_down: [
    { name: 'route', kind: 'select', label: 'Lavere vei', options: ROUTE_LABEL, required: true },
    { name: 'rationale', kind: 'textarea', label: 'Begrunnelse', required: true },
    {
      name: 'anonymous',
      kind: 'checkbox',
      label: 'Drøft anonymt i teamet',
      description: 'Teamet ser saken uten barnets identitet. Krever ikke samtykke.',
      when: (v) => v.route === 'interdisciplinary_team',
    },
  ],
};


/** The payload of the fields that are shown; empty optional text is left out. */
export function payloadOf(type: EventType, values: Partial<Record<PayloadField, unknown>>): Schemas['CaseEventDto'] {
  const body: Record<string, unknown> = { type };
  for (const field of EVENT_FORMS[type]) {
    if (field.when && !field.when(values)) continue;
    const value = values[field.name];
    if (field.kind === 'checkbox') body[field.name] = Boolean(value);
    else if (typeof value === 'string' && value.trim() !== '') body[field.name] = value;
  }
  return body as Schemas['CaseEventDto'];
}
