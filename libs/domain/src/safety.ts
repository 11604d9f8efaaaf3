import { isUnitLeaderOf, type Actor } from './actor.js';
import type { CaseState } from './case-state.js';
import { refuse, type Refusal } from './refusal.js';

/**
 * The safety path (DESIGN 8.1): violence, sexual abuse, serious neglect. A flagged case carries
 * guidance to report now, an urgent reminder runs until a report is recorded, and it never closes
 * without either a report or the unit leader's written justification.
 */

/** The concern category that always means the safety path. */
export const ABUSE_CATEGORY = 'violence_abuse';

/** Minimum length of the unit leader's justification for closing a flagged, unreported case. */
export const MIN_CLOSE_JUSTIFICATION = 20;

export interface ConcernFlags {
  suspectedViolenceOrAbuse?: boolean;
  categories?: readonly string[];
  riskFactors?: readonly string[];
}

/**
 * A concern is flagged when the reporter says so, or when its category or a risk factor marked
 * `indicatesAbuse` in risk-factors.json says so: the checkbox is easy to miss.
 * `abuseRiskFactors` are those codes, passed in by the caller (the domain reads no files).
 */
export function isConcernFlagged(concern: ConcernFlags, abuseRiskFactors: readonly string[]): boolean {
  return (
    concern.suspectedViolenceOrAbuse === true ||
    (concern.categories ?? []).includes(ABUSE_CATEGORY) ||
    (concern.riskFactors ?? []).some((code) => abuseRiskFactors.includes(code))
  );
}

/** Flagged and no report to child welfare recorded yet: the urgent state. */
export function awaitsChildWelfareReport(state: CaseState): boolean {
  return state.suspectedViolenceOrAbuse && state.childWelfareReportedAt === null;
}

/**
 * Closing a flagged case without a recorded report (by `close` or an evaluation that closes): only
 * the unit leader, with a justification the log keeps. null = the close may go on.
 */
export function silentCloseRefusal(state: CaseState, actor: Actor, justification: unknown): Refusal | null {
  if (!awaitsChildWelfareReport(state)) return null;
  if (!isUnitLeaderOf(actor, state)) {
    return refuse('FORBIDDEN_ROLE', 'Saken gjelder mistanke om vold eller overgrep og er ikke meldt til barnevernet. Bare enhetsleder kan avslutte den, med begrunnelse.');
  }
  if (typeof justification !== 'string' || justification.trim().length < MIN_CLOSE_JUSTIFICATION) {
    return refuse(
      'VALIDATION_FAILED',
      `Begrunn hvorfor saken avsluttes uten melding til barnevernet (minst ${MIN_CLOSE_JUSTIFICATION} tegn).`,
      'justification',
    );
  }
  return null;
}
