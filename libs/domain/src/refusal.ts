import type { CaseState } from './case-state.js';
import type { DomainEffect } from './effects.js';

/**
 * Refusal codes exactly as the API exposes them (DESIGN section 6). An escalation that is not
 * upward is VALIDATION_FAILED with field `route`: it is a bad value in the request, and the API's
 * code list stays short.
 */
export const REFUSAL_CODES = [
  'TRANSITION_NOT_ALLOWED',
  'FORBIDDEN_ROLE',
  'CONSENT_REQUIRED',
  'ROUTE_DISABLED',
  'VALIDATION_FAILED',
  /** `decide` with no coordinator (stafettholder) on the case and none named (DESIGN 8.2). */
  'COORDINATOR_REQUIRED',
  /** `guardians_may_be_informed` on a case the family already sees (DESIGN 12.4). */
  'CASE_NOT_HIDDEN',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** Bokmål, shown to the user. */
  message: string;
  /** The payload field at fault (VALIDATION_FAILED, CONSENT_REQUIRED, ROUTE_DISABLED). */
  field?: string;
  /** Several bad fields at once (VALIDATION_FAILED); `field` is the first of them. */
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  /** Bokmål. */
  message: string;
}

export interface Applied {
  ok: true;
  next: CaseState;
  effects: DomainEffect[];
  /** Bokmål text for the case log entry (stafettlogg) of this event. */
  logText: string;
}

export type Result = Applied | Refusal;

export function refuse(code: RefusalCode, message: string, field?: string): Refusal {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

/** A VALIDATION_FAILED refusal naming every field of `errors` (at least one). */
export function refuseFields(errors: FieldError[]): Refusal {
  return { ok: false, code: 'VALIDATION_FAILED', message: errors.map((e) => e.message).join(' '), field: errors[0]!.field, errors };
}
