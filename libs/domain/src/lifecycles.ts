/**
 * The lifecycles beside the case's (transitions.ts), each one table: the statuses an event may
 * start from and the status it leads to. Who may apply them is the permission table's
 * (permissions.ts); payload rules stay with their commands. The API asks `step` and writes the
 * status it answers; it never compares statuses itself.
 */

/** An IKS referral (henvisning): referred → accepted → ended, or referred → returned. */
export const IKS_REFERRAL_STATUSES = ['referred', 'accepted', 'returned', 'ended'] as const;
export type IksReferralStatus = (typeof IKS_REFERRAL_STATUSES)[number];

export const IKS_REFERRAL_LIFECYCLE = {
  accept:          { from: ['referred'],             to: 'accepted' },
  return:          { from: ['referred'],             to: 'returned' },
  // By the coordinator once the exit criteria are met.
  end:             { from: ['accepted'],             to: 'ended' },
  prioritise:      { from: ['referred', 'accepted'], to: 'same' },
  order_competence: { from: ['accepted'],            to: 'same' },
  // The case left the IKS route (closed, reopened, consent withdrawn, stepped down).
  case_left_route: { from: ['referred', 'accepted'], to: 'ended' },
} as const satisfies Record<string, Step<IksReferralStatus>>;
export type IksReferralEvent = keyof typeof IKS_REFERRAL_LIFECYCLE;

/** A measure (tiltak): active until an evaluation stops it. */
export const MEASURE_STATUSES = ['active', 'ended'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_OUTCOMES = ['continue', 'adjust', 'stop'] as const;
export type MeasureOutcome = (typeof MEASURE_OUTCOMES)[number];

export const MEASURE_LIFECYCLE = {
  evaluate_continue: { from: ['active'], to: 'active' },
  evaluate_adjust:   { from: ['active'], to: 'active' },
  evaluate_stop:     { from: ['active'], to: 'ended' },
} as const satisfies Record<string, Step<MeasureStatus>>;
export type MeasureEvent = keyof typeof MEASURE_LIFECYCLE;

export function measureEventOf(outcome: MeasureOutcome): MeasureEvent {
  return `evaluate_${outcome}`;
}

/**
 * A recorded consent (samtykke) as `consentStatus` sees it at a moment, plus `refused`. A
 * withdrawal acts at once from any status but `withdrawn` (a refusal may be withdrawn too: the
 * guardians take their answer back).
 */
export const CONSENT_STATES = ['pending', 'active', 'expired', 'refused', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const CONSENT_LIFECYCLE = {
  withdraw: { from: ['pending', 'active', 'expired', 'refused'], to: 'withdrawn' },
} as const satisfies Record<string, Step<ConsentState>>;
export type ConsentEvent = keyof typeof CONSENT_LIFECYCLE;

export interface Step<S extends string> {
  from: readonly S[];
  to: S | 'same';
}

/** The status `event` leads to from `status`, or null when the event may not start there. */
export function step<S extends string>(table: Record<string, Step<S>>, event: string, status: S): S | null {
  const row = table[event];
  if (!row || !row.from.includes(status)) return null;
  return row.to === 'same' ? status : row.to;
}
