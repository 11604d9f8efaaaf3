import type { CaseState } from './case-state.js';
import type { DomainEffect } from './effects.js';

/**
 * Folds one effect into a case state. Only the state-changing effects matter; the others are
 * facts for the application. `apply` computes its `next` independently, and the property tests
 * check that replaying its effects gives the same state, so the effects are a faithful log.
 */
export function applyEffect(state: CaseState, effect: DomainEffect): CaseState {
  switch (effect.type) {
    case 'StatusChanged':
      return { ...state, status: effect.to };
    case 'CaseRouted':
      return { ...state, route: effect.route, level: effect.level, anonymous: effect.anonymous };
    case 'RouteCleared':
      return { ...state, route: null, level: 0, anonymous: false };
    case 'SafetyConcernRaised':
      return { ...state, suspectedViolenceOrAbuse: true };
    case 'GuardiansReleased':
      return { ...state, guardiansMayBeInformedAt: state.guardiansMayBeInformedAt ?? effect.at };
    case 'GuardiansHidden':
      return { ...state, guardiansMayBeInformedAt: null };
    case 'CoordinatorAssigned':
      return { ...state, assigneeId: effect.assigneeId, pendingAssigneeId: null };
    case 'HandoverOffered':
      return { ...state, pendingAssigneeId: effect.pendingAssigneeId };
    case 'HandoverDeclined':
      return { ...state, pendingAssigneeId: null };
    case 'ChildWelfareReported':
      return { ...state, childWelfareReportedAt: state.childWelfareReportedAt ?? effect.at };
    case 'TransferProposed':
      return { ...state, transfer: { toUnitId: effect.toUnitId, toClusterId: effect.toClusterId } };
    case 'TransferAccepted':
      return { ...state, unitId: effect.toUnitId, clusterId: effect.toClusterId, assigneeId: effect.assigneeId, transfer: null };
    case 'TransferWithdrawn':
      return { ...state, transfer: null };
    default:
      return state;
  }
}

export function replay(state: CaseState, effects: readonly DomainEffect[]): CaseState {
  return effects.reduce(applyEffect, state);
}
