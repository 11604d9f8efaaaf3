import type { CaseState } from './case-state.js';
import type { Role } from './vocabulary.js';

export interface RoleAssignment {
  role: Role;
  /** `platform`: the operator's scope, outside every municipality (scopeId is PLATFORM_SCOPE_ID). */
  scopeType: 'unit' | 'cluster' | 'municipality' | 'platform';
  scopeId: string;
}

/** The scope id of a platform role assignment (the column is a uuid; no municipality has this id). */
export const PLATFORM_SCOPE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Who applies an event. Background jobs act as SYSTEM_ACTOR (`isSystem: true`); the flag is set by
 * code only, never from a token, and the system may do exactly what the table's `system` relation
 * allows (today: request_evaluation when a measure's evaluation date arrives).
 */
export interface Actor {
  userId: string;
  municipalityId: string;
  roles: RoleAssignment[];
  /** The service a team, TFA or IKS member works in (services.json, e.g. `ppt`); null for unit staff. */
  service?: string | null;
  isSystem?: boolean;
}

export const SYSTEM_ACTOR_ID = 'system';

/** The jobs' actor. It belongs to no municipality: the worker has already loaded the case by id. */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: SYSTEM_ACTOR_ID,
  municipalityId: '*',
  roles: [],
  isSystem: true,
}) as Actor;

export function isSystemActor(actor: Actor): boolean {
  return actor.isSystem === true;
}

/** A user of another municipality has no relation to the case whatever their roles say. */
function sameTenant(actor: Actor, state: CaseState): boolean {
  return !isSystemActor(actor) && actor.municipalityId === state.municipalityId;
}

/** True when one of the actor's assignments of `role` has a scope that contains the case. */
export function hasRoleCovering(actor: Actor, role: Role, state: CaseState): boolean {
  if (!sameTenant(actor, state)) return false;
  return actor.roles.some(
    (r) =>
      r.role === role &&
      ((r.scopeType === 'unit' && r.scopeId === state.unitId) ||
        (r.scopeType === 'cluster' && r.scopeId === state.clusterId) ||
        (r.scopeType === 'municipality' && r.scopeId === state.municipalityId)),
  );
}

/** The role the actor holds at `unitId`, else their first role: what they write as their title (a label, not a permission). */
export function roleAt(actor: Actor, unitId: string): Role | null {
  return (actor.roles.find((r) => r.scopeType === 'unit' && r.scopeId === unitId) ?? actor.roles[0])?.role ?? null;
}

/** The actor holds `role` for their whole municipality (coordinators, analysts, auditors, admins). */
export function holdsMunicipalityRole(actor: Actor, role: Role): boolean {
  return !isSystemActor(actor) && actor.roles.some((r) => r.role === role && r.scopeType === 'municipality' && r.scopeId === actor.municipalityId);
}

/** The actor holds `role` at any scope of their own municipality (e.g. a unit leader of some unit). */
export function holdsRoleAnywhere(actor: Actor, role: Role): boolean {
  return !isSystemActor(actor) && actor.roles.some((r) => r.role === role && r.scopeType !== 'platform');
}

/** The ids of the scopes of `scopeType` in which the actor holds `role` (the SQL visibility condition's parameters). */
export function scopesOf(actor: Actor, role: Role, scopeType: RoleAssignment['scopeType']): string[] {
  return actor.roles.filter((r) => r.role === role && r.scopeType === scopeType).map((r) => r.scopeId);
}

/** The leader of a given unit (an IKS referral's or a competence order's unit). */
export function leadsUnit(actor: Actor, unitId: string): boolean {
  return !isSystemActor(actor) && actor.roles.some((r) => r.role === 'unit_leader' && r.scopeType === 'unit' && r.scopeId === unitId);
}

/** The unit leader (enhetsleder) of the case's own unit; a leader of another unit is not. */
export function isUnitLeaderOf(actor: Actor, state: CaseState): boolean {
  return (
    sameTenant(actor, state) &&
    actor.roles.some((r) => r.role === 'unit_leader' && r.scopeType === 'unit' && r.scopeId === state.unitId)
  );
}

/** The leader of the unit a pending transfer proposes (DESIGN 8.7); nobody without one. */
export function isReceivingUnitLeaderOf(actor: Actor, state: CaseState): boolean {
  const to = state.transfer?.toUnitId;
  return (
    to !== undefined &&
    sameTenant(actor, state) &&
    actor.roles.some((r) => r.role === 'unit_leader' && r.scopeType === 'unit' && r.scopeId === to)
  );
}

/** The reporter, while the case is still in the unit they reported it in (a transfer ends it). */
export function isReporterOf(actor: Actor, state: CaseState): boolean {
  return sameTenant(actor, state) && actor.userId === state.reporterId && state.reporterUnitId === state.unitId;
}

export function isAssigneeOf(actor: Actor, state: CaseState): boolean {
  return sameTenant(actor, state) && state.assigneeId !== null && actor.userId === state.assigneeId;
}

/** The person a handover is offered to (DESIGN 8.2): may see the case and accept or decline. */
export function isPendingAssigneeOf(actor: Actor, state: CaseState): boolean {
  return sameTenant(actor, state) && !!state.pendingAssigneeId && actor.userId === state.pendingAssigneeId;
}

/** Staff or leader of the case's own unit. */
export function worksInUnitOf(actor: Actor, state: CaseState): boolean {
  return (
    sameTenant(actor, state) &&
    actor.roles.some((r) => (r.role === 'staff' || r.role === 'unit_leader') && r.scopeType === 'unit' && r.scopeId === state.unitId)
  );
}

/**
 * Members of the arena the case is routed to. The team member's scope must contain the case
 * (cluster, or the house itself in Kristiansund); coordinators are municipality-wide.
 */
export function isRouteArenaMember(actor: Actor, state: CaseState): boolean {
  switch (state.route) {
    case 'interdisciplinary_team':
      return hasRoleCovering(actor, 'team_member', state);
    case 'tfa':
      return hasRoleCovering(actor, 'tfa_coordinator', state);
    case 'iks':
      return hasRoleCovering(actor, 'iks_coordinator', state) || hasRoleCovering(actor, 'iks_member', state);
    default:
      return false;
  }
}

/** The unit's own people on the case (and a proposed new coordinator): they always see it identified. */
export function isInsiderOf(actor: Actor, state: CaseState): boolean {
  return (
    isReporterOf(actor, state) ||
    isAssigneeOf(actor, state) ||
    isUnitLeaderOf(actor, state) ||
    isPendingAssigneeOf(actor, state) ||
    // The receiving unit's leader decides on a proposed transfer with the case identified (8.7).
    isReceivingUnitLeaderOf(actor, state)
  );
}

/** "Anyone working on the case": reporter, assignee, unit leader, and the arena it is routed to. */
export function isWorkingOnCase(actor: Actor, state: CaseState): boolean {
  return (
    isReporterOf(actor, state) ||
    isAssigneeOf(actor, state) ||
    isUnitLeaderOf(actor, state) ||
    isRouteArenaMember(actor, state)
  );
}

/** An admin taking their own admin role away would leave nobody to give it back (409 SELF_LOCKOUT). */
export function locksSelfOut(actor: Pick<Actor, 'userId'>, targetUserId: string, removedRole: string): boolean {
  return actor.userId === targetUserId && removedRole === 'admin';
}
