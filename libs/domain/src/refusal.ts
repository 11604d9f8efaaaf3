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
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** Bokmål, shown to the user. */
  message: string;
  /** The payload field at fault (VALIDATION_FAILED, CONSENT_REQUIRED, ROUTE_DISABLED). */
  field?: string;
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
