/**
 * Shared builders for the domain's specs (not exported from index.ts). One unit `u1` in cluster
 * `c1` of municipality `m1`; actors named by their relation to the case.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SYSTEM_ACTOR, type Actor, type RoleAssignment } from './actor.js';
import type { CaseState, DomainContext } from './case-state.js';
import type { Consent } from './consent.js';
import type { CaseEvent, EventType } from './events.js';
import { ROUTES, type CaseStatus, type Route } from './vocabulary.js';

export const MUNI = 'm1';
export const UNIT = 'u1';
export const CLUSTER = 'c1';
/** A second unit, in another cluster: where transfers go. */
export const UNIT2 = 'u2';
export const CLUSTER2 = 'c2';
/** Wednesday 10 March 2027, 11:00 Oslo: an ordinary working day. */
export const NOW = new Date('2027-03-10T10:00:00Z');
export const DAY = 24 * 60 * 60 * 1000;

const at = (role: RoleAssignment['role'], scopeType: RoleAssignment['scopeType'], scopeId: string): RoleAssignment => ({ role, scopeType, scopeId });
const user = (userId: string, ...roles: RoleAssignment[]): Actor => ({ userId, municipalityId: MUNI, roles });
const withService = (actor: Actor, service: string): Actor => ({ ...actor, service });

export const ACTORS = {
  leader: user('leader', at('unit_leader', 'unit', UNIT)),
  assignee: user('assignee', at('staff', 'unit', UNIT)),
  reporter: user('reporter', at('staff', 'unit', UNIT)),
  colleague: user('colleague', at('staff', 'unit', UNIT)),
  otherLeader: user('other-leader', at('unit_leader', 'unit', 'u2')),
  clusterLeader: user('cluster-leader', at('unit_leader', 'cluster', CLUSTER)),
  teamMember: withService(user('team', at('team_member', 'cluster', CLUSTER)), 'ppt'),
  healthTeamMember: withService(user('team-health', at('team_member', 'cluster', CLUSTER)), 'health_station'),
  otherClusterTeamMember: withService(user('team2', at('team_member', 'cluster', 'c2')), 'ppt'),
  tfa: withService(user('tfa', at('tfa_coordinator', 'municipality', MUNI)), 'tfa'),
  iks: withService(user('iks', at('iks_coordinator', 'municipality', MUNI)), 'iks'),
  iksMember: withService(user('iks-member', at('iks_member', 'municipality', MUNI)), 'nav'),
  admin: user('admin', at('admin', 'municipality', MUNI)),
  auditor: user('auditor', at('auditor', 'municipality', MUNI)),
  foreignLeader: { userId: 'leader', municipalityId: 'm2', roles: [at('unit_leader', 'unit', UNIT)] } as Actor,
  system: SYSTEM_ACTOR,
} satisfies Record<string, Actor>;
export type ActorName = keyof typeof ACTORS;

/**
 * Leader who is also the assignee, and leader of UNIT2 (so the receiving leader of a transfer
 * there): passes every role check, to isolate the status checks.
 */
export const SUPER: Actor = { userId: 'assignee', municipalityId: MUNI, roles: [at('unit_leader', 'unit', UNIT), at('unit_leader', 'unit', UNIT2)] };

export function caseState(overrides: Partial<CaseState> = {}): CaseState {
  return {
    id: 'case-1',
    municipalityId: MUNI,
    unitId: UNIT,
    clusterId: CLUSTER,
    status: 'discovered',
    route: null,
    level: 0,
    anonymous: false,
    reporterId: 'reporter',
    reporterUnitId: UNIT,
    assigneeId: 'assignee',
    pendingAssigneeId: null,
    suspectedViolenceOrAbuse: false,
    childWelfareReportedAt: null,
    transfer: null,
    ...overrides,
  };
}

/** A pending transfer of the case to UNIT2 (DESIGN 8.7). */
export const TRANSFER_TO_U2 = { toUnitId: UNIT2, toClusterId: CLUSTER2 } as const;

/**
 * The case and context in which `samplePayload(type)` is accepted from its permitted actors:
 * accept/reject need a pending transfer, propose needs the guardians' consent to pass the case
 * on, step_down a route above own_unit (the team, so a step down to own_unit is lower).
 */
export function setupFor(type: EventType, status: CaseStatus): { state: CaseState; ctx: DomainContext } {
  const routed = status === 'acting' || status === 'evaluating' || status === 'closed';
  switch (type) {
    case 'propose_transfer':
    case 'accept_transfer':
      return {
        state: caseIn(status, type === 'accept_transfer' && status !== 'closed' ? { transfer: { ...TRANSFER_TO_U2 } } : {}),
        ctx: ctx({ consents: [consent(['receiving_unit'])] }),
      };
    case 'reject_transfer':
      return { state: caseIn(status, status !== 'closed' ? { transfer: { ...TRANSFER_TO_U2 } } : {}), ctx: ctx() };
    case 'step_down':
      return { state: caseIn(status, routed ? { route: 'interdisciplinary_team', level: 2, anonymous: true } : {}), ctx: ctx() };
    case 'accept_handover':
    case 'decline_handover':
      // The assignee is also the proposed coordinator here, so SUPER passes the role check (8.2).
      return { state: caseIn(status, { pendingAssigneeId: 'assignee' }), ctx: ctx() };
    case 'guardians_may_be_informed':
      // Only a case hidden from the family can be released (12.4): here a flagged one.
      return { state: caseIn(status, { suspectedViolenceOrAbuse: true }), ctx: ctx() };
    default:
      return { state: caseIn(status), ctx: ctx() };
  }
}

/** A consistent case in `status`: routed own_unit from acting on (closed keeps its route). */
export function caseIn(status: CaseStatus, overrides: Partial<CaseState> = {}): CaseState {
  const routed = status === 'acting' || status === 'evaluating' || status === 'closed';
  return caseState({ status, route: routed ? 'own_unit' : null, level: routed ? 1 : 0, ...overrides });
}

export function consent(recipients: string[], overrides: Partial<Consent> = {}): Consent {
  return {
    id: `consent-${recipients.join('-')}`,
    recipients,
    validFrom: new Date(NOW.getTime() - 30 * DAY),
    validUntil: null,
    withdrawnAt: null,
    ...overrides,
  };
}

export function ctx(overrides: Partial<DomainContext> = {}): DomainContext {
  return { now: NOW, enabledRoutes: ROUTES, consents: [], units: [{ id: UNIT, clusterId: CLUSTER }, { id: UNIT2, clusterId: CLUSTER2 }], ...overrides };
}

/** A payload each event accepts from SUPER in a case built by `caseIn` (own_unit where routed). */
export function samplePayload(type: EventType): CaseEvent {
  switch (type) {
    case 'start_assessment':
      return { type };
    case 'complete_assessment':
      return { type, summary: 'Barnet virker trist.', guardiansInformed: true };
    case 'decide':
      return { type, route: 'own_unit', rationale: 'Tett oppfølging i barnehagen.' };
    case 'escalate':
      return { type, route: 'interdisciplinary_team', rationale: 'Trenger flere tjenester.', anonymous: true, anonymousSummary: 'Barn i barnehage, trist over tid.' };
    case 'request_evaluation':
      return { type };
    case 'evaluate':
      return { type, outcome: 'continue', note: 'Går bedre.' };
    case 'close':
      return { type, reason: 'no_concern' };
    case 'reopen':
      return { type, reason: 'Ny bekymring.' };
    case 'report_to_child_welfare':
      return { type, grounds: 'Mistanke om vold.', guardiansInformed: false, reasonGuardiansNotInformed: 'Mistanke om vold i hjemmet.', channel: 'digital' };
    case 'raise_safety_concern':
      return { type, note: 'Barnet forteller om slag hjemme.' };
    case 'guardians_may_be_informed':
      return { type, note: 'Barnevernet har gitt beskjed om at foresatte kan orienteres.' };
    case 'accept_handover':
      return { type };
    case 'decline_handover':
      return { type, reason: 'Har ikke kapasitet nå.' };
    case 'propose_transfer':
      return { type, toUnitId: UNIT2, rationale: 'Barnet begynner på skolen.' };
    case 'accept_transfer':
      return { type, assigneeId: 'new-assignee' };
    case 'reject_transfer':
      return { type, reason: 'Barnet har ikke plass hos oss.' };
    case 'step_down':
      return { type, route: 'own_unit', rationale: 'Teamet har gjort sitt.' };
  }
}

interface Profile {
  code: string;
  routes: Route[];
  reminders?: Record<string, string>;
}

/** Municipality profiles from the repository's reference data (repo root = process.cwd()). */
export function loadProfiles(): Record<string, Profile> {
  const file = resolve(process.cwd(), 'libs/reference-data/municipalities.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { profiles: Profile[] };
  return Object.fromEntries(data.profiles.map((p) => [p.code, p]));
}
