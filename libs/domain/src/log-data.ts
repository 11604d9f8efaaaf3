import { CHILD_WELFARE_REPORT_CHANNELS } from './events.js';
import { CLOSE_REASONS, EVALUATION_OUTCOMES, ROUTES } from './vocabulary.js';

/**
 * What a case log entry's `data` may keep (issue 28): ids, codes from known lists and booleans,
 * per entry type. An event's texts and people's details live in the entry's text (the working
 * record), in their own rows (child, consent, measure, the encrypted report), or nowhere: never in
 * a second, unencrypted copy. Whatever is not listed here is dropped.
 */
type Kind = 'id' | 'code' | 'codes' | 'boolean' | readonly (string | number)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A reference-data code or an effect's name: one short word, no spaces. */
const CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,59}$/;
const MEASURE_OUTCOMES = ['continue', 'adjust', 'stop'] as const;
const IKS_PRIORITIES = [1, 2, 3, 4] as const;

/** Kept for every type: the names of the effects an event had. */
const EVERY: Record<string, Kind> = { effects: 'codes' };

const KEPT: Record<string, Record<string, Kind>> = {
  complete_assessment: { guardiansInformed: 'boolean', childHeard: 'boolean' },
  decide: { route: ROUTES, anonymous: 'boolean', assigneeId: 'id' },
  escalate: { route: ROUTES, anonymous: 'boolean' },
  step_down: { route: ROUTES, anonymous: 'boolean' },
  request_evaluation: { actor: ['system'], reminderId: 'id' },
  evaluate: { outcome: EVALUATION_OUTCOMES, route: ROUTES, anonymous: 'boolean', reason: CLOSE_REASONS },
  close: { reason: CLOSE_REASONS },
  report_to_child_welfare: { channel: CHILD_WELFARE_REPORT_CHANNELS, guardiansInformed: 'boolean', childInformed: 'boolean' },
  propose_transfer: { toUnitId: 'id' },
  accept_transfer: { assigneeId: 'id' },
  assigned: { assigneeId: 'id' },
  handover_offered: { assigneeId: 'id' },
  consent_recorded: { consentId: 'id' },
  consent_refused: { consentId: 'id' },
  consent_withdrawn: { consentId: 'id' },
  measure_added: { measureId: 'id', catalogCode: 'code' },
  measure_evaluated: { measureId: 'id', outcome: MEASURE_OUTCOMES },
  iks_accepted: { referralId: 'id', priority: IKS_PRIORITIES },
  iks_returned: { referralId: 'id' },
  iks_ended: { referralId: 'id', handBackRoute: ROUTES },
  iks_competence_ordered: { orderId: 'id', serviceCode: 'code', unitLeaderId: 'id' },
  iks_order_acknowledged: { orderId: 'id' },
};

function fits(kind: Kind, value: unknown): boolean {
  if (Array.isArray(kind)) return (kind as readonly unknown[]).includes(value);
  if (kind === 'id') return typeof value === 'string' && UUID.test(value);
  if (kind === 'code') return typeof value === 'string' && CODE.test(value);
  if (kind === 'codes') return Array.isArray(value) && value.every((v) => typeof v === 'string' && CODE.test(v));
  return typeof value === 'boolean';
}

/** The entry's `data`: of `fields` (an event's payload and what the command adds), only what the allow-list keeps. */
export function logData(type: string, fields: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries({ ...EVERY, ...KEPT[type] })) {
    if (fits(kind, fields[key])) data[key] = fields[key];
  }
  return data;
}

/** The keys the allow-list keeps per type (besides `effects`), e.g. for the migration that scrubbed older rows. */
export const LOG_DATA_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(KEPT).map(([type, kinds]) => [type, Object.keys(kinds)]));
