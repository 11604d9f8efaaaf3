import { mayCoordinate } from './access.js';
import { isUnitLeaderOf, type Actor } from './actor.js';
import type { CaseState, DomainContext } from './case-state.js';
import { hasCoveringConsent, routeIsCovered } from './consent.js';
import { CHILD_WELFARE_REPORT_CHANNELS, type EventOf, type EventType } from './events.js';
import { ROUTE_LABEL } from './labels.js';
import { refuse, refuseFields, type Refusal } from './refusal.js';
import { silentCloseRefusal } from './safety.js';
import { missingVoiceFields } from './voice.js';
import {
  CLOSE_REASONS,
  EVALUATION_OUTCOMES,
  RECEIVING_UNIT_RECIPIENT,
  ROUTE_LEVEL,
  isRoute,
  levelOf,
  type Route,
} from './vocabulary.js';

/**
 * Payload guards, run after the table's status and role checks. Within each: payload validation,
 * then payload-dependent role limits, then route enabled, then consent. null = passes.
 */
export type Guard<E extends EventType> = (state: CaseState, event: EventOf<E>, actor: Actor, ctx: DomainContext) => Refusal | null;

/** Free-text limit of the API contract (section 6). */
export const MAX_TEXT_LENGTH = 10_000;
/** The anonymised team's only text (8.4). */
export const MAX_ANONYMOUS_SUMMARY_LENGTH = 2_000;

function requiredText(value: unknown, field: string, label: string): Refusal | null {
  if (typeof value !== 'string' || value.trim() === '') return refuse('VALIDATION_FAILED', `${label} må fylles ut.`, field);
  return optionalText(value, field, label);
}

function optionalText(value: unknown, field: string, label: string): Refusal | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return refuse('VALIDATION_FAILED', `${label} må være tekst.`, field);
  if (value.length > MAX_TEXT_LENGTH) return refuse('VALIDATION_FAILED', `${label} kan ikke være lengre enn ${MAX_TEXT_LENGTH} tegn.`, field);
  return null;
}

function oneOf(value: unknown, allowed: readonly string[], field: string, label: string): Refusal | null {
  if (typeof value === 'string' && allowed.includes(value)) return null;
  return refuse('VALIDATION_FAILED', `${label} må være en av: ${allowed.join(', ')}.`, field);
}

interface RouteChange {
  route: unknown;
  anonymous: unknown;
  anonymousSummary?: unknown;
  /** escalate: the new route must be on a higher level than the current one. */
  upward: boolean;
  /** step_down: the new route must be on a lower level than the current one. */
  downward?: boolean;
}

/** Payload part of taking a route: a known route, anonymity only for the team, escalation upward. */
function validateRouteChange(state: CaseState, change: RouteChange): Refusal | null {
  if (!isRoute(change.route)) return oneOf(change.route, Object.keys(ROUTE_LEVEL), 'route', 'Rute');
  if (change.anonymous !== undefined && typeof change.anonymous !== 'boolean') {
    return refuse('VALIDATION_FAILED', 'Anonym må være sann eller usann.', 'anonymous');
  }
  if (change.anonymous === true && change.route !== 'interdisciplinary_team') {
    return refuse('VALIDATION_FAILED', 'Bare tverrfaglig team kan jobbe anonymt med en sak.', 'anonymous');
  }
  if (change.anonymous === true) {
    const summary = requiredText(change.anonymousSummary, 'anonymousSummary', 'Anonym oppsummering til teamet');
    if (summary) return summary;
    if ((change.anonymousSummary as string).length > MAX_ANONYMOUS_SUMMARY_LENGTH) {
      return refuse('VALIDATION_FAILED', `Anonym oppsummering kan ikke være lengre enn ${MAX_ANONYMOUS_SUMMARY_LENGTH} tegn.`, 'anonymousSummary');
    }
  } else if (change.anonymousSummary !== undefined) {
    return refuse('VALIDATION_FAILED', 'Anonym oppsummering hører bare til en anonym drøfting.', 'anonymousSummary');
  }
  if (change.upward && ROUTE_LEVEL[change.route] <= levelOf(state.route)) {
    return refuse(
      'VALIDATION_FAILED',
      `Eskalering må gå til et høyere nivå enn dagens (${state.route ? ROUTE_LABEL[state.route] : 'ingen'}, nivå ${levelOf(state.route)}).`,
      'route',
    );
  }
  if (change.downward && ROUTE_LEVEL[change.route] >= levelOf(state.route)) {
    return refuse(
      'VALIDATION_FAILED',
      `Nedtrapping må gå til et lavere nivå enn dagens (${state.route ? ROUTE_LABEL[state.route] : 'ingen'}, nivå ${levelOf(state.route)}).`,
      'route',
    );
  }
  return null;
}

/** Municipality and consent part of taking a route. */
function routeAllowed(route: Route, anonymous: boolean, ctx: DomainContext): Refusal | null {
  if (!ctx.enabledRoutes.includes(route)) {
    return refuse('ROUTE_DISABLED', `Kommunen bruker ikke ${ROUTE_LABEL[route]} som tiltaksvei.`, 'route');
  }
  if (!routeIsCovered(route, anonymous, ctx.consents, ctx.now)) {
    const hint = route === 'interdisciplinary_team' ? ', eller at teamet jobber anonymt' : '';
    return refuse('CONSENT_REQUIRED', `Det kreves et gyldig samtykke som omfatter ${ROUTE_LABEL[route]}${hint}.`, 'route');
  }
  return null;
}

/**
 * `decide` needs a coordinator (stafettholder, 8.2): the case has one, or the payload names someone
 * who may coordinate at the decided route's level.
 */
function coordinatorRefusal(state: CaseState, assigneeId: unknown, route: Route, ctx: DomainContext): Refusal | null {
  if (assigneeId === undefined || assigneeId === null) {
    return state.assigneeId === null
      ? refuse('COORDINATOR_REQUIRED', 'Saken må ha en stafettholder før beslutning. Tildel saken, eller velg stafettholder i beslutningen.', 'assigneeId')
      : null;
  }
  if (state.assigneeId !== null && assigneeId !== state.assigneeId) {
    return refuse('VALIDATION_FAILED', 'Saken har allerede en koordinator; bytte skjer ved overlevering (PUT /cases/:id/assignee).', 'assigneeId');
  }
  const candidate = ctx.proposedCoordinator;
  if (typeof assigneeId !== 'string' || !candidate || candidate.userId !== assigneeId || !mayCoordinate(candidate, state, ctx.consents, ctx.now, ROUTE_LEVEL[route])) {
    return refuse('VALIDATION_FAILED', 'Koordinator må være ansatt eller leder i sakens enhet, eller fra nivå 2 et teammedlem hvis tjeneste samtykket omfatter.', 'assigneeId');
  }
  return null;
}

function onlyUnitLeader(actor: Actor, state: CaseState, what: string): Refusal | null {
  return isUnitLeaderOf(actor, state) ? null : refuse('FORBIDDEN_ROLE', `Bare enhetsleder kan ${what}.`);
}

/**
 * Stepping down to a lower route (step_down, and IKS handing a case back): a known route on a
 * lower level, then the same municipality and consent rules as taking that route.
 */
export function stepDownRefusal(state: CaseState, route: unknown, anonymous: unknown, ctx: DomainContext, field = 'route'): Refusal | null {
  const refusal =
    validateRouteChange(state, { route, anonymous, upward: false, downward: true }) ??
    routeAllowed(route as Route, anonymous === true, ctx);
  return refusal && refusal.field === 'route' && field !== 'route' ? { ...refusal, field } : refusal;
}

function noTransferPending(state: CaseState): Refusal | null {
  return state.transfer === null
    ? null
    : refuse('VALIDATION_FAILED', 'En overføring til en annen enhet venter allerede på svar fra mottakende enhet.', 'toUnitId');
}

/** The guardians' permission to pass the case on (consent naming receiving_unit), at `ctx.now`. */
function receivingUnitConsent(ctx: DomainContext): Refusal | null {
  return hasCoveringConsent(ctx.consents, RECEIVING_UNIT_RECIPIENT, ctx.now)
    ? null
    : refuse('CONSENT_REQUIRED', 'Overføring til en annen enhet krever et gyldig samtykke fra foresatte som omfatter mottakende enhet.', 'toUnitId');
}

function receivingUnit(state: CaseState, toUnitId: unknown, ctx: DomainContext): Refusal | null {
  if (typeof toUnitId !== 'string' || !(ctx.units ?? []).some((u) => u.id === toUnitId)) {
    return refuse('VALIDATION_FAILED', 'Mottakende enhet må være en enhet i kommunen.', 'toUnitId');
  }
  if (toUnitId === state.unitId) return refuse('VALIDATION_FAILED', 'Saken er allerede i denne enheten.', 'toUnitId');
  return null;
}

export const GUARDS: { [E in EventType]: Guard<E> } = {
  start_assessment: () => null,

  complete_assessment: (state, e, _actor, ctx) =>
    requiredText(e.summary, 'summary', 'Oppsummering') ??
    (typeof e.guardiansInformed !== 'boolean'
      ? refuse('VALIDATION_FAILED', 'Oppgi om foresatte er informert.', 'guardiansInformed')
      : null) ??
    // When violence or abuse is suspected the guardians must not be confronted first: no reason needed.
    (e.guardiansInformed || state.suspectedViolenceOrAbuse
      ? optionalText(e.reasonNotInformed, 'reasonNotInformed', 'Begrunnelse')
      : requiredText(e.reasonNotInformed, 'reasonNotInformed', 'Begrunnelse for at foresatte ikke er informert')) ??
    voiceTexts(e) ??
    (e.childHeard !== undefined && typeof e.childHeard !== 'boolean'
      ? refuse('VALIDATION_FAILED', 'Oppgi om barnet er hørt (sann eller usann).', 'childHeard')
      : null) ??
    ((missing) => (missing.length ? refuseFields(missing) : null))(missingVoiceFields(e, ctx.childAge)),

  decide: (state, e, actor, ctx) =>
    validateRouteChange(state, { route: e.route, anonymous: e.anonymous, anonymousSummary: e.anonymousSummary, upward: false }) ??
    requiredText(e.rationale, 'rationale', 'Begrunnelse') ??
    (e.route !== 'own_unit' && !isUnitLeaderOf(actor, state)
      ? refuse('FORBIDDEN_ROLE', e.route === 'iks'
          ? 'Bare enhetsleder kan henvise saken til IKS.'
          : `Bare enhetsleder kan beslutte ${ROUTE_LABEL[e.route]}; koordinator kan beslutte tiltak i egen enhet.`)
      : null) ??
    coordinatorRefusal(state, e.assigneeId, e.route, ctx) ??
    routeAllowed(e.route, e.anonymous === true, ctx),

  escalate: (state, e, _actor, ctx) =>
    validateRouteChange(state, { route: e.route, anonymous: e.anonymous, anonymousSummary: e.anonymousSummary, upward: true }) ??
    requiredText(e.rationale, 'rationale', 'Begrunnelse') ??
    routeAllowed(e.route, e.anonymous === true, ctx),

  request_evaluation: () => null,

  evaluate: (state, e, actor, ctx) => {
    const invalid =
      oneOf(e.outcome, EVALUATION_OUTCOMES, 'outcome', 'Utfall') ??
      requiredText(e.note, 'note', 'Notat') ??
      (e.outcome === 'close' && e.reason !== undefined ? oneOf(e.reason, CLOSE_REASONS, 'reason', 'Årsak') : null) ??
      optionalText(e.childView, 'childView', 'Barnets syn') ??
      optionalText(e.guardiansView, 'guardiansView', 'Foresattes syn') ??
      (e.outcome === 'escalate'
        ? validateRouteChange(state, { route: e.route, anonymous: e.anonymous, anonymousSummary: e.anonymousSummary, upward: true })
        : null);
    if (invalid) return invalid;
    // A flagged case never closes silently (8.1), whichever event closes it.
    if (e.outcome === 'close') return silentCloseRefusal(state, actor, e.justification) ?? optionalText(e.justification, 'justification', 'Begrunnelse');
    if (e.outcome !== 'escalate') return null;
    // Escalating through an evaluation follows escalate's guards, including who may do it.
    return onlyUnitLeader(actor, state, 'eskalere saken') ?? routeAllowed(e.route as Route, e.anonymous === true, ctx);
  },

  close: (state, e, actor) =>
    oneOf(e.reason, CLOSE_REASONS, 'reason', 'Årsak') ??
    optionalText(e.note, 'note', 'Notat') ??
    (e.reason !== 'no_concern' && !isUnitLeaderOf(actor, state)
      ? refuse('FORBIDDEN_ROLE', 'Koordinator kan bare avslutte en sak før tiltak, og bare med årsak «ingen grunn til bekymring». Ellers avslutter enhetsleder.')
      : null) ??
    silentCloseRefusal(state, actor, e.justification) ??
    optionalText(e.justification, 'justification', 'Begrunnelse'),

  reopen: (_state, e) => requiredText(e.reason, 'reason', 'Begrunnelse'),

  // Never a consent check: the duty to report overrides confidentiality.
  report_to_child_welfare: (_state, e) =>
    requiredText(e.grounds, 'grounds', 'Grunnlag for meldingen') ??
    (typeof e.guardiansInformed !== 'boolean' ? refuse('VALIDATION_FAILED', 'Oppgi om foresatte er orientert.', 'guardiansInformed') : null) ??
    (e.guardiansInformed === false
      ? requiredText(e.reasonGuardiansNotInformed, 'reasonGuardiansNotInformed', 'Grunnen til at foresatte ikke er orientert')
      : optionalText(e.reasonGuardiansNotInformed, 'reasonGuardiansNotInformed', 'Grunnen til at foresatte ikke er orientert')) ??
    oneOf(e.channel, CHILD_WELFARE_REPORT_CHANNELS, 'channel', 'Kanal') ??
    optionalText(e.reference, 'reference', 'Referanse'),

  raise_safety_concern: (_state, e) => requiredText(e.note, 'note', 'Hva som er kommet fram'),

  guardians_may_be_informed: (state, e) =>
    !state.suspectedViolenceOrAbuse && state.childWelfareReportedAt === null
      ? refuse('CASE_NOT_HIDDEN', 'Saken er ikke skjult for familien: den er verken flagget eller meldt til barnevernet.')
      : requiredText(e.note, 'note', 'Vurderingen av at foresatte kan orienteres'),

  accept_handover: () => null,

  decline_handover: (_state, e) => requiredText(e.reason, 'reason', 'Begrunnelse'),
  propose_transfer: (state, e, _actor, ctx) =>
    receivingUnit(state, e.toUnitId, ctx) ??
    requiredText(e.rationale, 'rationale', 'Begrunnelse') ??
    noTransferPending(state) ??
    receivingUnitConsent(ctx),

  // The consent is checked again: the guardians may have withdrawn it since the proposal.
  accept_transfer: (_state, e, _actor, ctx) =>
    (e.assigneeId !== undefined && (typeof e.assigneeId !== 'string' || e.assigneeId === '')
      ? refuse('VALIDATION_FAILED', 'Koordinator må være en ansatt i mottakende enhet.', 'assigneeId')
      : null) ?? receivingUnitConsent(ctx),

  reject_transfer: (_state, e) => requiredText(e.reason, 'reason', 'Begrunnelse'),

  step_down: (state, e, _actor, ctx) =>
    validateRouteChange(state, { route: e.route, anonymous: e.anonymous, anonymousSummary: e.anonymousSummary, upward: false, downward: true }) ??
    requiredText(e.rationale, 'rationale', 'Begrunnelse') ??
    routeAllowed(e.route, e.anonymous === true, ctx),
};

/** The optional voice texts of complete_assessment, each within the text limit. */
function voiceTexts(e: { childView?: unknown; reasonChildNotHeard?: unknown; childViewWeight?: unknown; guardiansView?: unknown }): Refusal | null {
  return (
    optionalText(e.childView, 'childView', 'Barnets syn') ??
    optionalText(e.reasonChildNotHeard, 'reasonChildNotHeard', 'Hvorfor barnet ikke er hørt') ??
    optionalText(e.childViewWeight, 'childViewWeight', 'Vektlegging av barnets syn') ??
    optionalText(e.guardiansView, 'guardiansView', 'Foresattes syn')
  );
}
