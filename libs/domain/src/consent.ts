import type { CaseState } from './case-state.js';
import type { DomainEffect } from './effects.js';
import { RECEIVING_UNIT_RECIPIENT, ROUTE_RECIPIENT, type Route } from './vocabulary.js';

/**
 * A consent as the rules need it. Time semantics (half-open interval):
 *   active  ⇔ validFrom <= at  AND  (validUntil is null OR at < validUntil)  AND  not withdrawn at `at`.
 * `validUntil` is an instant, exclusive. A consent "valid until 2027-05-01" must therefore be passed
 * with validUntil = the end of that day (2027-05-02T00:00 Europe/Oslo), which the API does.
 * A withdrawal takes effect at `withdrawnAt` (inclusive).
 */
export interface Consent {
  id: string;
  /** `interdisciplinary_team`, `tfa`, `iks`, or service codes. */
  recipients: string[];
  validFrom: Date;
  validUntil: Date | null;
  withdrawnAt: Date | null;
}

export type ConsentStatus = 'active' | 'withdrawn' | 'expired' | 'pending';

export function consentStatus(consent: Consent, at: Date): ConsentStatus {
  const t = at.getTime();
  // Withdrawal wins over expiry: it is the guardian's explicit act and what the log should show.
  if (consent.withdrawnAt !== null && consent.withdrawnAt.getTime() <= t) return 'withdrawn';
  if (t < consent.validFrom.getTime()) return 'pending';
  if (consent.validUntil !== null && t >= consent.validUntil.getTime()) return 'expired';
  return 'active';
}

export function coversRecipient(consent: Consent, recipient: string, at: Date): boolean {
  return consentStatus(consent, at) === 'active' && consent.recipients.includes(recipient);
}

export function hasCoveringConsent(consents: readonly Consent[], recipient: string, at: Date): boolean {
  return consents.some((c) => coversRecipient(c, recipient, at));
}

/**
 * Whether a case may be on `route` at `at`: own_unit always; interdisciplinary_team when anonymous;
 * otherwise only with an active consent covering the route's recipient.
 */
export function routeIsCovered(route: Route, anonymous: boolean, consents: readonly Consent[], at: Date): boolean {
  const recipient = ROUTE_RECIPIENT[route];
  if (recipient === null) return true;
  if (route === 'interdisciplinary_team' && anonymous) return true;
  return hasCoveringConsent(consents, recipient, at);
}

export interface ConsentWithdrawalOutcome {
  next: CaseState;
  effects: DomainEffect[];
  logText: string;
}

/**
 * What a withdrawal does to the case, in the same request (DESIGN section 4): when no remaining
 * consent covers the route's recipient, the route falls back to own_unit (level 1), unless the
 * interdisciplinary team works anonymously. Applies to closed cases too, so nobody outside the
 * unit keeps access to a closed identifiable case. `remainingConsents` may include the withdrawn
 * consent (with withdrawnAt set): it is evaluated at `now` like the others.
 */
export function onConsentWithdrawn(
  state: CaseState,
  remainingConsents: readonly Consent[],
  now: Date,
  withdrawnConsentId: string | null = null,
): ConsentWithdrawalOutcome {
  const route = state.route;
  const fellBack = route !== null && !routeIsCovered(route, state.anonymous, remainingConsents, now);
  const effects: DomainEffect[] = [
    { type: 'ConsentWithdrawn', consentId: withdrawnConsentId, previousRoute: route, fellBackToOwnUnit: fellBack },
  ];
  // Without the guardians' permission a proposed transfer cannot go ahead: the receiving unit
  // loses sight of the case at once.
  const transferOff = state.transfer !== null && !hasCoveringConsent(remainingConsents, RECEIVING_UNIT_RECIPIENT, now);
  const base: CaseState = transferOff ? { ...state, transfer: null } : state;
  if (transferOff) effects.push({ type: 'TransferWithdrawn', toUnitId: state.transfer!.toUnitId, why: 'consent_withdrawn' });
  const transferText = transferOff ? ' Den foreslåtte overføringen til en annen enhet er stanset.' : '';
  if (!fellBack) {
    return { next: base, effects, logText: `Samtykke trukket tilbake.${transferText}` };
  }
  const next: CaseState = { ...base, route: 'own_unit', level: 1, anonymous: false };
  effects.push({ type: 'CaseRouted', route: 'own_unit', level: 1, anonymous: false, previousRoute: route, escalation: false });
  if (route === 'tfa') effects.push({ type: 'ReminderCancelled', kind: 'tfa_follow_up' });
  if (route === 'iks') effects.push({ type: 'ReminderCancelled', kind: 'iks_pending' });
  return {
    next,
    effects,
    logText: `Samtykke trukket tilbake. Saken er tilbakeført til egen enhet fordi det ikke lenger finnes samtykke til deling.${transferText}`,
  };
}
