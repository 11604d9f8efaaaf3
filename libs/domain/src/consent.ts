import type { CaseState } from './case-state.js';
import type { DomainEffect } from './effects.js';
import { refuse, type Refusal } from './refusal.js';
import {
  CONSENT_RELATIONS,
  LEGACY_TEAM_RECIPIENT,
  RECEIVING_UNIT_RECIPIENT,
  ROUTE_RECIPIENT,
  TEAM_SERVICE_CODES,
  type ConsentDecision,
  type Route,
} from './vocabulary.js';

/**
 * A consent as the rules need it. Time semantics (half-open interval):
 *   active  ⇔ validFrom <= at  AND  (validUntil is null OR at < validUntil)  AND  not withdrawn at `at`.
 * `validUntil` is an instant, exclusive. A consent "valid until 2027-05-01" must therefore be passed
 * with validUntil = the end of that day (2027-05-02T00:00 Europe/Oslo), which the API does.
 * A withdrawal takes effect at `withdrawnAt` (inclusive).
 */
export interface Consent {
  id: string;
  /** Service codes (services.json); round-one rows may still name `interdisciplinary_team`. */
  recipients: string[];
  /** A refusal is recorded too (DESIGN 8.3) but grants nothing. Omitted = given. */
  decision?: ConsentDecision;
  validFrom: Date;
  validUntil: Date | null;
  withdrawnAt: Date | null;
}

export type ConsentStatus = 'active' | 'withdrawn' | 'expired' | 'pending';

/** Whether the consent grants anything: given (not refused) and active at `at`. */
export function grantsAt(consent: Consent, at: Date): boolean {
  return consent.decision !== 'refused' && consentStatus(consent, at) === 'active';
}

export function consentStatus(consent: Consent, at: Date): ConsentStatus {
  const t = at.getTime();
  // Withdrawal wins over expiry: it is the guardian's explicit act and what the log should show.
  if (consent.withdrawnAt !== null && consent.withdrawnAt.getTime() <= t) return 'withdrawn';
  if (t < consent.validFrom.getTime()) return 'pending';
  if (consent.validUntil !== null && t >= consent.validUntil.getTime()) return 'expired';
  return 'active';
}

export function coversRecipient(consent: Consent, recipient: string, at: Date): boolean {
  return grantsAt(consent, at) && consent.recipients.includes(recipient);
}

/**
 * Whether a granting consent names `service`. A round-one consent to the `interdisciplinary_team`
 * arena counts as naming every service of the cluster's team (TEAM_SERVICE_CODES): interpreted
 * here, never rewritten, so the stored consent keeps saying what the guardian signed.
 */
export function consentNamesService(consent: Consent, service: string, at: Date): boolean {
  if (!grantsAt(consent, at)) return false;
  if (consent.recipients.includes(service)) return true;
  return consent.recipients.includes(LEGACY_TEAM_RECIPIENT) && TEAM_SERVICE_CODES.includes(service);
}

export function someConsentNamesService(consents: readonly Consent[], service: string | null | undefined, at: Date): boolean {
  return !!service && consents.some((c) => consentNamesService(c, service, at));
}

/** The team route's consent: a granting consent naming at least one team service. */
export function hasTeamConsent(consents: readonly Consent[], at: Date): boolean {
  return TEAM_SERVICE_CODES.some((s) => someConsentNamesService(consents, s, at));
}

export function hasCoveringConsent(consents: readonly Consent[], recipient: string, at: Date): boolean {
  return consents.some((c) => coversRecipient(c, recipient, at));
}

/**
 * Whether a case may be on `route` at `at`: own_unit always; interdisciplinary_team when anonymous;
 * otherwise only with an active consent covering the route's recipient.
 */
export function routeIsCovered(route: Route, anonymous: boolean, consents: readonly Consent[], at: Date): boolean {
  if (route === 'own_unit') return true;
  if (route === 'interdisciplinary_team') return anonymous || hasTeamConsent(consents, at);
  return hasCoveringConsent(consents, ROUTE_RECIPIENT[route]!, at);
}

/**
 * Who may give consent (DESIGN 8.3): a person with parental responsibility, or the child from the
 * municipality's `selfConsentAge`. `childAge` is in whole years on the day of the consent.
 */
export function consentGiverRefusal(relation: unknown, childAge: number, selfConsentAge: number): Refusal | null {
  if (typeof relation !== 'string' || !(CONSENT_RELATIONS as readonly string[]).includes(relation)) {
    return refuse('VALIDATION_FAILED', `Samtykke gis av en med foreldreansvar (${CONSENT_RELATIONS.filter((r) => r !== 'child').join(', ')}) eller av barnet selv fra ${selfConsentAge} år.`, 'givenBy.relation');
  }
  if (relation === 'child' && childAge < selfConsentAge) {
    return refuse('VALIDATION_FAILED', `Barnet kan samtykke alene først fra ${selfConsentAge} år; barnet er ${childAge}.`, 'givenBy.relation');
  }
  return null;
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
