import type { CaseState, DomainContext } from './case-state.js';
import type { DomainEffect } from './effects.js';
import { stepDownRefusal } from './guards.js';
import { ROUTE_LABEL } from './labels.js';
import { refuse, type Refusal } from './refusal.js';
import { remindersOnIksDecided, remindersOnRouteLeft, remindersOnRouteTaken } from './reminders.js';
import { DEFAULT_REMINDER_DURATIONS } from './durations.js';
import { ROUTE_LEVEL, type Route } from './vocabulary.js';

/**
 * The IKS coordinator's decisions on a referral (DESIGN section 4). They are not events of the
 * case table (the coordinator is not working on the case until accepting), so they are separate
 * functions the application calls from the IKS endpoints.
 */
export interface IksOutcome {
  next: CaseState;
  effects: DomainEffect[];
  logText: string;
}

export function onIksAccepted(state: CaseState): IksOutcome {
  return { next: state, effects: [...remindersOnIksDecided()], logText: 'IKS har tatt imot saken.' };
}

/**
 * Returned with a reason: the case goes back to `deciding`, and since deciding has no route yet,
 * the route is cleared (route null, level 0) for a new decision. Only meaningful for an open case
 * on route iks; otherwise the state is returned unchanged with only the reminder cancel.
 */
export function onIksReturned(state: CaseState, reason: string): IksOutcome {
  const effects: DomainEffect[] = [...remindersOnIksDecided()];
  if (state.route !== 'iks' || state.status === 'closed') {
    return { next: state, effects, logText: `IKS har returnert henvisningen. Begrunnelse: ${reason.trim()}` };
  }
  const next: CaseState = { ...state, status: 'deciding', route: null, level: 0, anonymous: false };
  if (state.status !== 'deciding') effects.unshift({ type: 'StatusChanged', from: state.status, to: 'deciding' });
  effects.push({ type: 'RouteCleared', previousRoute: 'iks' });
  return {
    next,
    effects,
    logText: `IKS har returnert henvisningen, og saken er tilbake til beslutning. Begrunnelse: ${reason.trim()}`,
  };
}

/** Where IKS may hand a case back to when it ends its effort (DESIGN 8.8). */
export const IKS_HAND_BACK_ROUTES = ['interdisciplinary_team', 'own_unit'] as const satisfies readonly Route[];
export type IksHandBackRoute = (typeof IKS_HAND_BACK_ROUTES)[number];

/**
 * IKS ends its effort ("både inngangen og utgangen er koordinert"): the case leaves route iks for
 * `handBackRoute` and its level steps down with it, under the same rules as `step_down` (the team
 * needs a consent naming it, or works anonymously). IKS members then lose access, since access
 * follows the route. A case no longer on route iks (closed, fallen back) keeps its state.
 */
export function onIksEnded(
  state: CaseState,
  handBackRoute: IksHandBackRoute,
  summary: string,
  ctx: DomainContext,
  anonymous = false,
): IksOutcome | Refusal {
  if (!(IKS_HAND_BACK_ROUTES as readonly string[]).includes(handBackRoute)) {
    return refuse('VALIDATION_FAILED', `Saken kan gis tilbake til: ${IKS_HAND_BACK_ROUTES.join(', ')}.`, 'handBackRoute');
  }
  const ended = `IKS-innsatsen er avsluttet: kriteriene for utgang er nådd. ${summary.trim()}`;
  if (state.route !== 'iks' || state.status === 'closed') return { next: state, effects: [...remindersOnIksDecided()], logText: ended };
  const refusal = stepDownRefusal(state, handBackRoute, anonymous, ctx, 'handBackRoute');
  if (refusal) return refusal;
  const next: CaseState = { ...state, route: handBackRoute, level: ROUTE_LEVEL[handBackRoute], anonymous: handBackRoute === 'interdisciplinary_team' && anonymous };
  const effects: DomainEffect[] = [
    { type: 'CaseRouted', route: handBackRoute, level: next.level, anonymous: next.anonymous, previousRoute: 'iks', escalation: false },
    ...remindersOnRouteLeft('iks'),
    ...remindersOnRouteTaken(handBackRoute, ctx.now, ctx.reminderDurations ?? DEFAULT_REMINDER_DURATIONS),
  ];
  return { next, effects, logText: `${ended}\nSaken er gitt tilbake til ${ROUTE_LABEL[handBackRoute]} (nivå ${next.level}).` };
}
