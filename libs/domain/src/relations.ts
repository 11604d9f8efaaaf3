import { isIdentifiedViewer } from './access.js';
import { isAssigneeOf, isPendingAssigneeOf, isReceivingUnitLeaderOf, isReporterOf, isSystemActor, isUnitLeaderOf, isWorkingOnCase, type Actor } from './actor.js';
import type { CaseState, DomainContext } from './case-state.js';
import type { Relation } from './transitions.js';
import { PRE_ROUTING_STATUSES } from './vocabulary.js';

/** How each relation named in the transition table is decided. */
export const RELATION_CHECKS: Record<Relation, (actor: Actor, state: CaseState, ctx?: DomainContext) => boolean> = {
  reporter: isReporterOf,
  assignee: isAssigneeOf,
  unit_leader: isUnitLeaderOf,
  // "before acting": the assignee may close a case that turned out to be no concern at all.
  assignee_before_acting: (actor, state) => isAssigneeOf(actor, state) && PRE_ROUTING_STATUSES.includes(state.status),
  working_on_case: isWorkingOnCase,
  // Identified = sees who the child is (access.ts); needs the case's consents, so `ctx`.
  identified_viewer: (actor, state, ctx) => isIdentifiedViewer(actor, state, ctx?.consents ?? [], ctx?.now ?? new Date(0)),
  pending_assignee: isPendingAssigneeOf,
  system: (actor) => isSystemActor(actor),
  receiving_unit_leader: isReceivingUnitLeaderOf,
};

export function hasAnyRelation(actor: Actor, state: CaseState, relations: readonly Relation[], ctx?: DomainContext): boolean {
  return relations.some((r) => RELATION_CHECKS[r](actor, state, ctx));
}
