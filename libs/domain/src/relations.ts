import { isAssigneeOf, isReceivingUnitLeaderOf, isReporterOf, isSystemActor, isUnitLeaderOf, isWorkingOnCase, type Actor } from './actor.js';
import type { CaseState } from './case-state.js';
import type { Relation } from './transitions.js';
import { PRE_ROUTING_STATUSES } from './vocabulary.js';

/** How each relation named in the transition table is decided. */
export const RELATION_CHECKS: Record<Relation, (actor: Actor, state: CaseState) => boolean> = {
  reporter: isReporterOf,
  assignee: isAssigneeOf,
  unit_leader: isUnitLeaderOf,
  // "before acting": the assignee may close a case that turned out to be no concern at all.
  assignee_before_acting: (actor, state) => isAssigneeOf(actor, state) && PRE_ROUTING_STATUSES.includes(state.status),
  working_on_case: isWorkingOnCase,
  system: (actor) => isSystemActor(actor),
  receiving_unit_leader: isReceivingUnitLeaderOf,
};

export function hasAnyRelation(actor: Actor, state: CaseState, relations: readonly Relation[]): boolean {
  return relations.some((r) => RELATION_CHECKS[r](actor, state));
}
