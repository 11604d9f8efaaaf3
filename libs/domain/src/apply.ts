import type { Actor } from './actor.js';
import type { CaseState, DomainContext } from './case-state.js';
import { DEFAULT_REMINDER_DURATIONS } from './durations.js';
import type { DomainEffect } from './effects.js';
import { EVENT_TYPES, isEventType, type CaseEvent, type EventOf, type EventType } from './events.js';
import { GUARDS, type Guard } from './guards.js';
import { CHILD_WELFARE_CHANNEL_LABEL, CLOSE_REASON_LABEL, OUTCOME_LABEL, ROUTE_LABEL, STATUS_LABEL } from './labels.js';
import { refuse, type Applied, type Result } from './refusal.js';
import { hasAnyRelation } from './relations.js';
import { awaitsChildWelfareReport } from './safety.js';
import { childVoiceOf, type ChildVoice } from './voice.js';
import {
  remindersOnAssigned,
  remindersOnDecisionMade,
  remindersOnSafetyConcernRaised,
  remindersOnAssessmentEnded,
  remindersOnChildWelfareReported,
  remindersOnClosed,
  remindersOnConcernLogged,
  remindersOnRouteLeft,
  remindersOnRouteTaken,
  remindersOnTransferAccepted,
} from './reminders.js';
import { TRANSITIONS, type Transition } from './transitions.js';
import { PRE_ROUTING_STATUSES, ROUTE_LEVEL, type CaseStatus, type CloseReason, type Route } from './vocabulary.js';

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
  if (!hasAnyRelation(actor, state, transition.who, ctx)) {
    return refuse('FORBIDDEN_ROLE', `Du har ikke en rolle i saken som gir lov til ${event.type}.`);
  }
  const refusal = (GUARDS[event.type] as Guard<EventType>)(state, event as EventOf<EventType>, actor, ctx);
  if (refusal) return refusal;
  return outcome(state, event, targetStatus(transition, event, state.status), ctx);
}

/** Event types the actor may apply now (status and role only; the payload may still be refused). */
export function allowedEvents(state: CaseState, actor: Actor, ctx?: DomainContext): EventType[] {
  return EVENT_TYPES.filter((type) => {
    const t = TRANSITIONS[type] as Transition<EventType>;
    return startsFrom(t, state.status) && hasAnyRelation(actor, state, t.who, ctx);
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
  // Level 0 has ended in a decision (or the case closed): the 14-day decision reminder is void.
  if (PRE_ROUTING_STATUSES.includes(state.status) && !PRE_ROUTING_STATUSES.includes(to)) effects.push(...remindersOnDecisionMade());

  const takeRoute = (route: Route, anonymous: boolean, escalation: boolean, anonymousSummary?: string): void => {
    next = { ...next, route, level: ROUTE_LEVEL[route], anonymous: route === 'interdisciplinary_team' && anonymous };
    effects.push({
      type: 'CaseRouted', route, level: next.level, anonymous: next.anonymous, previousRoute: state.route, escalation,
      ...(next.anonymous && anonymousSummary ? { anonymousSummary: anonymousSummary.trim() } : {}),
    });
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
  const hideFromFamily = (): void => {
    if (!state.guardiansMayBeInformedAt) return;
    next = { ...next, guardiansMayBeInformedAt: null };
    effects.push({ type: 'GuardiansHidden' });
  };
  const assignCoordinator = (assigneeId: string): void => {
    next = { ...next, assigneeId, pendingAssigneeId: null };
    effects.push({ type: 'CoordinatorAssigned', assigneeId, previousAssigneeId: state.assigneeId }, ...remindersOnAssigned(next));
  };
  const recordVoice = (e: { childHeard?: unknown; childView?: unknown; reasonChildNotHeard?: unknown; childViewWeight?: unknown; guardiansView?: unknown }): string[] => {
    const child = childVoiceOf(e);
    const guardiansView = typeof e.guardiansView === 'string' && e.guardiansView.trim() ? e.guardiansView.trim() : null;
    if (child || guardiansView) effects.push({ type: 'VoiceRecorded', child, guardiansView });
    return voiceLogLines(child, guardiansView);
  };
  // A flagged case closed without a report keeps the unit leader's reason in the log (8.1).
  const silentCloseText = (justification: string | undefined): string =>
    awaitsChildWelfareReport(state) && justification ? ` Avsluttet uten melding til barnevernet. Begrunnelse: ${justification.trim()}` : '';

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
        ...recordVoice(event),
      ].filter(Boolean).join('\n');
      break;
    case 'decide':
      takeRoute(event.route, event.anonymous === true, false, event.anonymousSummary);
      if (state.assigneeId === null && event.assigneeId) assignCoordinator(event.assigneeId);
      logText = `Beslutning: ${ROUTE_LABEL[event.route]} (nivå ${ROUTE_LEVEL[event.route]})${next.anonymous ? ', anonymt' : ''}. Begrunnelse: ${event.rationale.trim()}`;
      break;
    case 'escalate':
      takeRoute(event.route, event.anonymous === true, true, event.anonymousSummary);
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
        takeRoute(route, event.anonymous === true, true, event.anonymousSummary);
        extra = ` Eskalert fra ${routeText(state.route)} til ${ROUTE_LABEL[route]}.`;
      } else if (event.outcome === 'close') {
        const reason = event.reason ?? 'resolved';
        closeCase(reason);
        extra = ` Årsak: ${CLOSE_REASON_LABEL[reason]}.${silentCloseText(event.justification)}`;
      }
      logText = [`Evaluering: ${OUTCOME_LABEL[event.outcome]}.${extra} Notat: ${event.note.trim()}`, ...recordVoice(event)].join('\n');
      break;
    }
    case 'close':
      closeCase(event.reason);
      logText = `Saken er avsluttet. Årsak: ${CLOSE_REASON_LABEL[event.reason]}.${silentCloseText(event.justification)}${event.note ? ` Notat: ${event.note.trim()}` : ''}`;
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
      // An earlier release does not cover a report the guardians are not told of: hidden again.
      if (!event.guardiansInformed) hideFromFamily();
      logText =
        `Bekymringsmelding til barnevernet er registrert (${CHILD_WELFARE_CHANNEL_LABEL[event.channel]}). Grunnlag: ${event.grounds.trim()} ` +
        (event.guardiansInformed ? 'Foresatte er orientert.' : `Foresatte er ikke orientert: ${event.reasonGuardiansNotInformed?.trim() ?? ''}`);
      break;
    case 'raise_safety_concern':
      next = { ...next, suspectedViolenceOrAbuse: true };
      effects.push({ type: 'SafetyConcernRaised' });
      // A new suspicion hides the case again, even one released earlier, until the unit leader releases it anew.
      hideFromFamily();
      // The urgent reminder starts now, unless it already runs or a report is already recorded.
      if (!state.suspectedViolenceOrAbuse) effects.push(...remindersOnSafetyConcernRaised(next, ctx.now, durations));
      logText = `Mistanke om vold eller overgrep er meldt i saken: ${event.note.trim()}\nMeld til barnevernet nå (barnevernvakten utenom kontortid).`;
      break;
    case 'guardians_may_be_informed':
      next = { ...next, guardiansMayBeInformedAt: state.guardiansMayBeInformedAt ?? ctx.now };
      effects.push({ type: 'GuardiansReleased', at: ctx.now });
      logText = `Foresatte kan nå orienteres, og saken vises for familien. Vurdering: ${event.note.trim()}`;
      break;
    case 'accept_handover':
      assignCoordinator(state.pendingAssigneeId!);
      logText = 'Overleveringen er godtatt: ny stafettholder har overtatt saken.';
      break;
    case 'decline_handover':
      next = { ...next, pendingAssigneeId: null };
      effects.push({ type: 'HandoverDeclined', pendingAssigneeId: state.pendingAssigneeId!, reason: event.reason.trim() });
      logText = `Overleveringen er avslått. Begrunnelse: ${event.reason.trim()}`;
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
      takeRoute(event.route, event.anonymous === true, false, event.anonymousSummary);
      logText = `Trappet ned fra ${routeText(state.route)} til ${ROUTE_LABEL[event.route]} (nivå ${ROUTE_LEVEL[event.route]}). Begrunnelse: ${event.rationale.trim()}`;
      break;
  }
  return { ok: true, next, effects, logText };
}

function voiceLogLines(child: ChildVoice | null, guardiansView: string | null): string[] {
  const lines: string[] = [];
  if (child?.heard === true) lines.push(`Barnet er hørt.${child.view ? ` Barnets syn: ${child.view}` : ''}`);
  if (child?.heard === false) lines.push(`Barnet er ikke hørt${child.reasonNotHeard ? `: ${child.reasonNotHeard}` : '.'}`);
  if (child?.weight) lines.push(`Vektlegging av barnets syn: ${child.weight}`);
  if (guardiansView) lines.push(`Foresattes syn: ${guardiansView}`);
  return lines;
}

function routeText(route: Route | null): string {
  return route === null ? 'ingen rute' : ROUTE_LABEL[route];
}
