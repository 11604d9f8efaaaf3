import { isIdentifiedViewer } from './access.js';
import {
  hasRoleCovering,
  isAssigneeOf,
  isPendingAssigneeOf,
  isReceivingUnitLeaderOf,
  isReporterOf,
  isSystemActor,
  isUnitLeaderOf,
  isWorkingOnCase,
  type Actor,
} from './actor.js';
import type { CaseState } from './case-state.js';
import type { Consent } from './consent.js';
import type { Relation } from './transitions.js';
import { PRE_ROUTING_STATUSES } from './vocabulary.js';

/** What a relation may need besides the case: its consents at the request's time, and the measure in question. */
export interface RelationContext {
  now: Date;
  consents: readonly Consent[];
  /** The responsible person of the measure an action is about (measure.evaluate). */
  measureResponsibleId?: string | null;
}

/** How each relation named in the transition and permission tables is decided. */
export const RELATION_CHECKS: Record<Relation, (actor: Actor, state: CaseState, ctx?: RelationContext) => boolean> = {
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
  team_member: (actor, state) => state.route === 'interdisciplinary_team' && hasRoleCovering(actor, 'team_member', state),
  route_coordinator: (actor, state) =>
    (state.route === 'tfa' && hasRoleCovering(actor, 'tfa_coordinator', state)) || (state.route === 'iks' && hasRoleCovering(actor, 'iks_coordinator', state)),
  iks_coordinator: (actor, state) => state.route === 'iks' && hasRoleCovering(actor, 'iks_coordinator', state),
  iks_member: (actor, state) => state.route === 'iks' && hasRoleCovering(actor, 'iks_member', state),
  measure_responsible: (actor, state, ctx) =>
    !isSystemActor(actor) && actor.municipalityId === state.municipalityId && !!ctx?.measureResponsibleId && ctx.measureResponsibleId === actor.userId,
};

export function hasAnyRelation(actor: Actor, state: CaseState, relations: readonly Relation[], ctx?: RelationContext): boolean {
  return relations.some((r) => RELATION_CHECKS[r](actor, state, ctx));
}

/**
 * Whom a notice or a reminder about the case goes to: those among `candidates` who hold
 * `relation` to it, by the same checks as the transition and permission tables.
 */
export function holdersOf(candidates: readonly Actor[], relation: Relation, state: CaseState, ctx?: RelationContext): string[] {
  return [...new Set(candidates.filter((actor) => RELATION_CHECKS[relation](actor, state, ctx)).map((actor) => actor.userId))];
}
