import { CHILD_WELFARE_CHANNEL_LABEL, CLOSE_REASON_LABEL, EVENT_TYPES, OUTCOME_LABEL, ROUTE_LABEL, type EventType } from '@app/domain';

/**
 * What each case event takes (DESIGN 4, 8): the one description both the request validation
 * (CaseEventDto's required fields and the allowed-field check) and the web's forms read
 * (GET /catalog/case-events). A field added or made required here changes both at once.
 */
export type EventFieldType = 'text' | 'textarea' | 'boolean' | 'choice' | 'person' | 'unit' | 'address' | 'guardians';

/** Holds when every named field has the given value (a boolean field unset counts as false). */
export type FieldCondition = Record<string, string | boolean>;

export interface EventFieldSpec {
  name: string;
  type: EventFieldType;
  /** Bokmål, as the form shows it. */
  label: string;
  description?: string;
  /** The request is refused without it (CaseEventDto validates it for this event). */
  required: boolean;
  /** Required only when this holds (the domain checks it, e.g. a reason when guardians were not informed). */
  requiredWhen?: FieldCondition;
  /** Only meaningful (and only sent) when this holds. */
  shownWhen?: FieldCondition;
  /** `choice`: the allowed codes with their bokmål names. */
  values?: { code: string; label: string }[];
  /** What the case already knows that fills the field: the child's address, its guardians, the unit's address. */
  prefill?: 'child.address' | 'child.guardians' | 'unit.address';
}

export interface EventFormSpec {
  type: EventType;
  label: string;
  fields: EventFieldSpec[];
}

/** The codes with the domain's bokmål names, capitalised as a list shows them. */
const choices = <C extends string>(labels: Record<C, string>) =>
  (Object.entries(labels) as [C, string][]).map(([code, label]) => ({ code, label: label.charAt(0).toUpperCase() + label.slice(1) }));

const ROUTE_VALUES = choices(ROUTE_LABEL);
const OUTCOME_VALUES = choices(OUTCOME_LABEL);
const CLOSE_REASON_VALUES = choices(CLOSE_REASON_LABEL);
const CHANNEL_VALUES = choices(CHILD_WELFARE_CHANNEL_LABEL);

const field = (name: string, type: EventFieldType, label: string, more: Partial<EventFieldSpec> = {}): EventFieldSpec => ({
  name,
  type,
  label,
  required: false,
  ...more,
});
const required = { required: true } as const;

const TEAM = { route: 'interdisciplinary_team' };
const anonymousFields = (when: FieldCondition): EventFieldSpec[] => [
  field('anonymous', 'boolean', 'Drøft anonymt i teamet', {
    description: 'Teamet ser saken uten barnets identitet. Krever ikke samtykke.',
    shownWhen: { ...when, ...TEAM },
  }),
  field('anonymousSummary', 'textarea', 'Anonym oppsummering til teamet', {
    description: 'Det eneste teamet leser: ingen navn eller opplysninger som kan identifisere barnet.',
    shownWhen: { ...when, ...TEAM, anonymous: true },
    requiredWhen: { ...when, ...TEAM, anonymous: true },
  }),
];

export const EVENT_FORMS: Record<EventType, EventFormSpec> = {
  start_assessment: { type: 'start_assessment', label: 'Start vurdering', fields: [] },
  complete_assessment: {
    type: 'complete_assessment',
    label: 'Fullfør vurdering',
    fields: [
      field('summary', 'textarea', 'Oppsummering av vurderingen', required),
      field('guardiansInformed', 'boolean', 'Foresatte er informert', required),
      field('reasonNotInformed', 'textarea', 'Hvorfor er foresatte ikke informert?', {
        description: 'Kreves, unntatt når saken gjelder mistanke om vold eller overgrep.',
        shownWhen: { guardiansInformed: false },
      }),
      field('childHeard', 'boolean', 'Barnet er hørt', { description: 'Fra 7 år: barnets syn, eller hvorfor det ikke er hørt.' }),
      field('childView', 'textarea', 'Barnets syn', { shownWhen: { childHeard: true } }),
      field('childViewWeight', 'textarea', 'Hvordan er barnets syn vektlagt? (fra 12 år)', { shownWhen: { childHeard: true } }),
      field('reasonChildNotHeard', 'textarea', 'Hvorfor er barnet ikke hørt?', { shownWhen: { childHeard: false } }),
      field('guardiansView', 'textarea', 'Foresattes syn (valgfritt)'),
    ],
  },
  decide: {
    type: 'decide',
    label: 'Beslutt videre vei',
    fields: [
      field('route', 'choice', 'Videre vei', { ...required, values: ROUTE_VALUES }),
      field('rationale', 'textarea', 'Begrunnelse', required),
      field('assigneeId', 'person', 'Stafettholder', { description: 'Kreves når saken ikke har en stafettholder. Skriv starten av navnet.' }),
      ...anonymousFields({}),
    ],
  },
  escalate: {
    type: 'escalate',
    label: 'Løft saken til høyere nivå',
    fields: [field('route', 'choice', 'Ny vei', { ...required, values: ROUTE_VALUES }), field('rationale', 'textarea', 'Begrunnelse', required), ...anonymousFields({})],
  },
  request_evaluation: { type: 'request_evaluation', label: 'Be om evaluering', fields: [] },
  evaluate: {
    type: 'evaluate',
    label: 'Evaluer',
    fields: [
      field('outcome', 'choice', 'Resultat av evalueringen', { ...required, values: OUTCOME_VALUES }),
      field('note', 'textarea', 'Notat', required),
      field('route', 'choice', 'Ny vei', { values: ROUTE_VALUES, shownWhen: { outcome: 'escalate' }, requiredWhen: { outcome: 'escalate' } }),
      ...anonymousFields({ outcome: 'escalate' }),
      field('reason', 'choice', 'Hvorfor avsluttes saken?', { values: CLOSE_REASON_VALUES, shownWhen: { outcome: 'close' } }),
      field('justification', 'textarea', 'Hvorfor er det ikke meldt til barnevernet?', {
        description: 'Kreves av enhetsleder når saken gjelder mistanke om vold eller overgrep og ingen melding er registrert.',
        shownWhen: { outcome: 'close' },
      }),
      field('childView', 'textarea', 'Barnets syn (valgfritt)'),
      field('guardiansView', 'textarea', 'Foresattes syn (valgfritt)'),
    ],
  },
  close: {
    type: 'close',
    label: 'Avslutt saken',
    fields: [
      field('reason', 'choice', 'Hvorfor avsluttes saken?', { ...required, values: CLOSE_REASON_VALUES }),
      field('note', 'textarea', 'Notat (valgfritt)'),
      field('justification', 'textarea', 'Hvorfor er det ikke meldt til barnevernet?', {
        description: 'Kreves av enhetsleder når saken gjelder mistanke om vold eller overgrep og ingen melding er registrert.',
      }),
    ],
  },
  reopen: { type: 'reopen', label: 'Gjenåpne saken', fields: [field('reason', 'textarea', 'Hvorfor gjenåpnes saken?', required)] },
  report_to_child_welfare: {
    type: 'report_to_child_welfare',
    label: 'Registrer bekymringsmelding til barnevernet',
    fields: [
      field('grounds', 'textarea', 'Grunnlaget for meldingen', {
        ...required,
        description: 'Meldeplikten er din egen og krever ikke samtykke (barnevernsloven § 13-2).',
      }),
      field('channel', 'choice', 'Hvordan meldes det?', { ...required, values: CHANNEL_VALUES }),
      field('guardiansInformed', 'boolean', 'Foresatte er orientert om meldingen', required),
      field('reasonGuardiansNotInformed', 'textarea', 'Hvorfor er foresatte ikke orientert?', {
        shownWhen: { guardiansInformed: false },
        requiredWhen: { guardiansInformed: false },
      }),
      field('childInformed', 'boolean', 'Barnet er orientert om meldingen'),
      field('reasonChildNotInformed', 'textarea', 'Hvorfor er barnet ikke orientert? (valgfritt)', { shownWhen: { childInformed: false } }),
      field('childAddress', 'address', 'Barnets adresse', { prefill: 'child.address', description: 'Meldingen krever barnets adresse.' }),
      field('guardians', 'guardians', 'Foresatte', { prefill: 'child.guardians', description: 'Meldingen navngir inntil to foresatte, de med foreldreansvar først.' }),
      field('unitAddress', 'address', 'Enhetens adresse', { prefill: 'unit.address', description: 'Avsenderadressen i meldingen.' }),
      // The national document (KS Fiks) names the reporter's phone and e-mail.
      field('reporterPhone', 'text', 'Ditt telefonnummer', { description: 'Meldingen krever et telefonnummer barnevernet kan nå deg på.' }),
      field('reporterEmail', 'text', 'Din e-postadresse', { description: 'Tomt: e-postadressen som er registrert på deg.' }),
      field('reporterRole', 'text', 'Din rolle (valgfritt)', { description: 'For eksempel «Pedagogisk leder». Tomt: rollen din i enheten.' }),
      field('reference', 'text', 'Barnevernets referanse (valgfritt)'),
    ],
  },
  raise_safety_concern: {
    type: 'raise_safety_concern',
    label: 'Flagg mulig vold eller overgrep',
    fields: [field('note', 'textarea', 'Hva er kommet fram om vold eller overgrep?', required)],
  },
  accept_handover: { type: 'accept_handover', label: 'Godta å bli stafettholder', fields: [] },
  decline_handover: {
    type: 'decline_handover',
    label: 'Avslå overleveringen',
    fields: [field('reason', 'textarea', 'Hvorfor avslås overleveringen?', required)],
  },
  propose_transfer: {
    type: 'propose_transfer',
    label: 'Foreslå overføring til en annen enhet',
    fields: [
      field('toUnitId', 'unit', 'Mottakende enhet', { ...required, description: 'Krever samtykke fra foresatte som omfatter mottakende enhet.' }),
      field('rationale', 'textarea', 'Begrunnelse', required),
    ],
  },
  accept_transfer: {
    type: 'accept_transfer',
    label: 'Ta imot saken',
    fields: [
      field('assigneeId', 'person', 'Ny stafettholder (valgfritt)', { description: 'En ansatt i enheten din. Uten stafettholder får du en påminnelse.' }),
    ],
  },
  reject_transfer: {
    type: 'reject_transfer',
    label: 'Avslå overføringen',
    fields: [field('reason', 'textarea', 'Hvorfor avslås overføringen?', required)],
  },
  step_down: {
    type: 'step_down',
    label: 'Trapp ned til et lavere nivå',
    fields: [
      field('route', 'choice', 'Lavere vei', { ...required, values: ROUTE_VALUES }),
      field('rationale', 'textarea', 'Begrunnelse', required),
      ...anonymousFields({}),
    ],
  },
  guardians_may_be_informed: {
    type: 'guardians_may_be_informed',
    label: 'Foresatte kan nå informeres',
    fields: [field('note', 'textarea', 'Hvorfor foresatte nå kan få se saken', required)],
  },
};

/** Which payload fields each event takes; others are refused by name. */
export const EVENT_FIELDS: Record<EventType, string[]> = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, EVENT_FORMS[type].fields.map((f) => f.name)]),
) as Record<EventType, string[]>;

/**
 * For class-validator's ValidateIf: validate `name` when the event requires it, or when it is sent
 * (then it must be well-formed). An unknown type validates nothing here (`type` itself is refused).
 */
export function requiredFor(name: string) {
  return (o: { type?: unknown } & Record<string, unknown>): boolean =>
    o[name] !== undefined ||
    (typeof o.type === 'string' && Object.hasOwn(EVENT_FORMS, o.type) && EVENT_FORMS[o.type as EventType].fields.some((f) => f.name === name && f.required));
}
