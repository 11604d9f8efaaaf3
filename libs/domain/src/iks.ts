import type { CaseState } from './case-state.js';
import type { DomainEffect } from './effects.js';
import { remindersOnIksDecided } from './reminders.js';

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
