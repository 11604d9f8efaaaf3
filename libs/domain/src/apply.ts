import type { Actor } from './actor.js';
import type { CaseState, DomainContext } from './case-state.js';
import { DEFAULT_REMINDER_DURATIONS } from './durations.js';
import type { DomainEffect } from './effects.js';
import { EVENT_TYPES, isEventType, type CaseEvent, type EventOf, type EventType } from './events.js';
import { GUARDS, type Guard } from './guards.js';
import { CHILD_WELFARE_CHANNEL_LABEL, CLOSE_REASON_LABEL, OUTCOME_LABEL, ROUTE_LABEL, STATUS_LABEL } from './labels.js';
import { refuse, type Applied, type Result } from './refusal.js';
import { hasAnyRelation } from './relations.js';
import {
  remindersOnAssessmentEnded,
  remindersOnChildWelfareReported,
  remindersOnClosed,
  remindersOnConcernLogged,
  remindersOnRouteLeft,
  remindersOnRouteTaken,
  remindersOnTransferAccepted,
} from './reminders.js';
import { TRANSITIONS, type Transition } from './transitions.js';
import { ROUTE_LEVEL, type CaseStatus, type CloseReason, type Route } from './vocabulary.js';

/**
 * The single entry point: decide whether `event` may happen to the case now, and if so what the
 * case becomes and which domain effects follow. Never mutates `state`.
 * Check order: status (TRANSITION_NOT_ALLOWED) → role (FORBIDDEN_ROLE) → payload
 * (VALIDATION_FAILED) → route enabled (ROUTE_DISABLED) → consent (CONSENT_REQUIRED).
 */
export function apply(state: CaseState, event: CaseEvent, actor: Actor, ctx: DomainContext): Result {
  if (!event || !isEventType(event.type)) {
    return refuse('VALIDATION_FAILED', `Ukjent hendelse. Gyldige hendelser: ${EVENT_TYPES.join(', ')}.`, 'type');
  }
  const transition = TRANSITIONS[event.type] as Transition<EventType>;
  if (!startsFrom(transition, state.status)) {
    return refuse('TRANSITION_NOT_ALLOWED', `Hendelsen ${event.type} er ikke tillatt når saken er ${STATUS_LABEL[state.status]}.`);
  }
  if (!hasAnyRelation(actor, state, transition.who)) {
    return refuse('FORBIDDEN_ROLE', `Du har ikke en rolle i saken som gir lov til ${event.type}.`);
  }
  const refusal = (GUARDS[event.type] as Guard<EventType>)(state, event as EventOf<EventType>, actor, ctx);
  if (refusal) return refusal;
  return outcome(state, event, targetStatus(transition, event, state.status), ctx);
}

/** Event types the actor may apply now (status and role only; the payload may still be refused). */
export function allowedEvents(state: CaseState, actor: Actor, _ctx?: DomainContext): EventType[] {
  return EVENT_TYPES.filter((type) => {
    const t = TRANSITIONS[type] as Transition<EventType>;
    return startsFrom(t, state.status) && hasAnyRelation(actor, state, t.who);
  });
}

export function startsFrom(t: Transition<EventType>, status: CaseStatus): boolean {
  return t.from === 'open' ? status !== 'closed' : t.from.includes(status);
}

function targetStatus(t: Transition<EventType>, event: CaseEvent, from: CaseStatus): CaseStatus {
  if (t.to === 'same') return from;
  if (typeof t.to === 'function') return t.to(event as never);
  return t.to;
}

/** Builds next state, effects and log text; guards have passed. */
function outcome(state: CaseState, event: CaseEvent, to: CaseStatus, ctx: DomainContext): Applied {
  const durations = ctx.reminderDurations ?? DEFAULT_REMINDER_DURATIONS;
  let next: CaseState = { ...state, status: to };
  const effects: DomainEffect[] = [];
  if (to !== state.status) effects.push({ type: 'StatusChanged', from: state.status, to });
  const leftAssessment = (state.status === 'discovered' || state.status === 'assessing') && to !== 'assessing';
  if (leftAssessment) effects.push(...remindersOnAssessmentEnded());

  const takeRoute = (route: Route, anonymous: boolean, escalation: boolean): void => {
    next = { ...next, route, level: ROUTE_LEVEL[route], anonymous: route === 'interdisciplinary_team' && anonymous };
    effects.push({ type: 'CaseRouted', route, level: next.level, anonymous: next.anonymous, previousRoute: state.route, escalation });
    if (route !== state.route) effects.push(...remindersOnRouteLeft(state.route));
    if (route === 'iks') effects.push({ type: 'IksReferred' });
    effects.push(...remindersOnRouteTaken(route, ctx.now, durations));
  };
  const closeCase = (reason: CloseReason): void => {
    effects.push({ type: 'CaseClosed', reason }, ...remindersOnClosed());
    // A closed case moves nowhere: a pending transfer is off.
    if (state.transfer) {
      next = { ...next, transfer: null };
      effects.push({ type: 'TransferWithdrawn', toUnitId: state.transfer.toUnitId, why: 'case_closed' });
    }
  };

  let logText: string;
  switch (event.type) {
    case 'start_assessment':
      logText = 'Vurdering startet.';
      break;
    case 'complete_assessment':
      effects.push({ type: 'AssessmentCompleted', guardiansInformed: event.guardiansInformed });
      logText = [
        `Vurdering fullført. Oppsummering: ${event.summary.trim()}`,
        event.guardiansInformed ? 'Foresatte er informert.' : `Foresatte er ikke informert${event.reasonNotInformed ? `: ${event.reasonNotInformed.trim()}` : '.'}`,
        event.childView ? `Barnets stemme: ${event.childView.trim()}` : '',
      ].filter(Boolean).join('\n');
      break;
    case 'decide':
      takeRoute(event.route, event.anonymous === true, false);
      logText = `Beslutning: ${ROUTE_LABEL[event.route]} (nivå ${ROUTE_LEVEL[event.route]})${next.anonymous ? ', anonymt' : ''}. Begrunnelse: ${event.rationale.trim()}`;
      break;
    case 'escalate':
      takeRoute(event.route, event.anonymous === true, true);
      logText = `Eskalert fra ${routeText(state.route)} til ${ROUTE_LABEL[event.route]} (nivå ${ROUTE_LEVEL[event.route]}). Begrunnelse: ${event.rationale.trim()}`;
      break;
    case 'request_evaluation':
      logText = 'Evaluering av tiltakene er startet.';
      break;
    case 'evaluate': {
      effects.push({ type: 'CaseEvaluated', outcome: event.outcome });
      let extra = '';
      if (event.outcome === 'escalate') {
        const route = event.route as Route;
        takeRoute(route, event.anonymous === true, true);
        extra = ` Eskalert fra ${routeText(state.route)} til ${ROUTE_LABEL[route]}.`;
      } else if (event.outcome === 'close') {
        const reason = event.reason ?? 'resolved';
        closeCase(reason);
        extra = ` Årsak: ${CLOSE_REASON_LABEL[reason]}.`;
      }
      logText = `Evaluering: ${OUTCOME_LABEL[event.outcome]}.${extra} Notat: ${event.note.trim()}`;
      break;
    }
    case 'close':
      closeCase(event.reason);
      logText = `Saken er avsluttet. Årsak: ${CLOSE_REASON_LABEL[event.reason]}.${event.note ? ` Notat: ${event.note.trim()}` : ''}`;
      break;
    case 'reopen':
      // Back to assessment: the earlier decision no longer stands, so route and level are cleared
      // (route null, level 0) and the case must be decided again, with a fresh consent check.
      next = { ...next, route: null, level: 0, anonymous: false };
      effects.push({ type: 'CaseReopened', reason: event.reason });
      if (state.route !== null) effects.push({ type: 'RouteCleared', previousRoute: state.route });
      effects.push(...remindersOnConcernLogged(next, ctx.now, durations));
      logText = `Saken er gjenåpnet. Begrunnelse: ${event.reason.trim()}`;
      break;
    case 'report_to_child_welfare':
      // The first report's time is kept: it is what the safety-path reminder and statistics need.
      next = { ...next, childWelfareReportedAt: state.childWelfareReportedAt ?? ctx.now };
      effects.push({ type: 'ChildWelfareReported', at: ctx.now }, ...remindersOnChildWelfareReported());
      logText =
        `Bekymringsmelding til barnevernet er registrert (${CHILD_WELFARE_CHANNEL_LABEL[event.channel]}). Grunnlag: ${event.grounds.trim()} ` +
        (event.guardiansInformed ? 'Foresatte er orientert.' : `Foresatte er ikke orientert: ${event.reasonGuardiansNotInformed?.trim() ?? ''}`);
      break;
    case 'propose_transfer': {
      const to = ctx.units!.find((u) => u.id === event.toUnitId)!;
      next = { ...next, transfer: { toUnitId: to.id, toClusterId: to.clusterId } };
      effects.push({ type: 'TransferProposed', toUnitId: to.id, toClusterId: to.clusterId });
      logText = `Overføring til en annen enhet er foreslått, med samtykke fra foresatte. Begrunnelse: ${event.rationale.trim()}`;
      break;
    }
    case 'accept_transfer': {
      const to = state.transfer!;
      const assigneeId = event.assigneeId ?? null;
      next = { ...next, unitId: to.toUnitId, clusterId: to.toClusterId, assigneeId, transfer: null };
      effects.push(
        { type: 'TransferAccepted', fromUnitId: state.unitId, toUnitId: to.toUnitId, toClusterId: to.toClusterId, assigneeId },
        ...remindersOnTransferAccepted(next, ctx.now, durations),
      );
      logText = `Mottakende enhet har tatt over saken. Loggen følger saken; avgivende enhet har ikke lenger tilgang.${assigneeId ? '' : ' Saken mangler koordinator.'}`;
      break;
    }
    case 'reject_transfer':
      next = { ...next, transfer: null };
      effects.push({ type: 'TransferWithdrawn', toUnitId: state.transfer!.toUnitId, why: 'rejected' });
      logText = `Mottakende enhet har avslått overføringen. Begrunnelse: ${event.reason.trim()}`;
      break;
    case 'step_down':
      takeRoute(event.route, event.anonymous === true, false);
      logText = `Trappet ned fra ${routeText(state.route)} til ${ROUTE_LABEL[event.route]} (nivå ${ROUTE_LEVEL[event.route]}). Begrunnelse: ${event.rationale.trim()}`;
      break;
  }
  return { ok: true, next, effects, logText };
}

function routeText(route: Route | null): string {
  return route === null ? 'ingen rute' : ROUTE_LABEL[route];
}
