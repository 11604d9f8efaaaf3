import { caseViewOf } from './access.js';
import { isSystemActor, type Actor } from './actor.js';
import type { CaseState } from './case-state.js';
import type { Consent } from './consent.js';
import { EVENT_TYPES, type EventType } from './events.js';
import { hasAnyRelation } from './relations.js';
import { TRANSITIONS, type Relation } from './transitions.js';
import type { CaseStatus, Role } from './vocabulary.js';

/**
 * WHO MAY DO WHAT (DESIGN 12.2, action names 12.8 item 6): one rule per action. `may(actor,
 * action, subject)` is the only question the API asks; the command runner asks it for case
 * actions, the `@Requires` guard for municipality and platform actions, and `allowedActions` lists
 * the answers for the web. Row-level security is the second line; the access matrix proves they agree.
 *
 * Case events keep their `who` in the transition table (transitions.ts) and are read from there;
 * every other case action names its relations here, in the same vocabulary.
 */

/** Case actions besides the events: what staff do on one case. */
export const CASE_COMMAND_ACTIONS = [
  'case.assign',
  'consent.manage',
  'consent.request',
  'measure.add',
  'measure.evaluate',
  'log.write',
  'log.correct',
  'log.declassify',
  'guardians.manage',
  'youth_sharing.override',
  'report.read',
  'iks.accept',
  'iks.return',
  'iks.end',
  'iks.priority',
  'iks.order',
] as const;
export const CASE_ACTIONS = [...EVENT_TYPES, ...CASE_COMMAND_ACTIONS] as const;

/** Actions of a role in the caller's own municipality, on no case in particular. */
export const MUNICIPALITY_ACTIONS = [
  'cases.read',
  'cases.read.unit',
  'audit.read',
  'stats.read',
  'iks.queue',
  'iks.orders.read',
  'people.read',
  'mail.failed.read',
  'admin.units',
  'admin.users',
  'admin.profile',
  'archive.extract',
  'archive.deposit',
  'retention.read',
] as const;
/** Actions in one unit (the unit is the subject). */
export const UNIT_ACTIONS = ['case.create'] as const;
export const PLATFORM_ACTIONS = ['queues.operate'] as const;
/** The family's actions (DESIGN 12.4); citizens are not staff actors, so `may` answers no for every Actor. */
export const CITIZEN_ACTIONS = ['citizen.read', 'citizen.consent', 'citizen.statement'] as const;

export type CaseCommandAction = (typeof CASE_COMMAND_ACTIONS)[number];
export type CaseAction = EventType | CaseCommandAction;
export type MunicipalityAction = (typeof MUNICIPALITY_ACTIONS)[number];
export type UnitAction = (typeof UNIT_ACTIONS)[number];
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];
export type CitizenAction = (typeof CITIZEN_ACTIONS)[number];
export type Action = CaseAction | MunicipalityAction | UnitAction | PlatformAction | CitizenAction;
export const ACTIONS: readonly Action[] = [...CASE_ACTIONS, ...MUNICIPALITY_ACTIONS, ...UNIT_ACTIONS, ...PLATFORM_ACTIONS, ...CITIZEN_ACTIONS];

/** The view a case action needs: `identified` sees who the child is; `anonymised` is any sight of the case. */
export type ViewNeeded = 'identified' | 'anonymised';

export type Rule =
  /** Any one relation to the case, with the view; `when`: the case statuses the action applies in (allowedActions). */
  | { on: 'case'; who: readonly Relation[]; view: ViewNeeded; when?: 'open' | readonly CaseStatus[] }
  /** One of the roles held for the whole municipality (`anywhere`: at any scope in it, e.g. a unit leader). */
  | { on: 'municipality'; roles: readonly Role[]; anywhere?: true }
  /** One of the roles held for the unit in question. */
  | { on: 'unit'; roles: readonly Role[] }
  | { on: 'platform'; roles: readonly Role[] }
  | { on: 'citizen'; who: readonly ('guardian' | 'youth')[] };

const ACTING: readonly CaseStatus[] = ['acting', 'evaluating'];
const WORKING: readonly Relation[] = ['reporter', 'assignee', 'unit_leader', 'team_member', 'route_coordinator', 'iks_member'];
const INSIDERS: readonly Relation[] = ['reporter', 'assignee', 'unit_leader', 'pending_assignee', 'receiving_unit_leader'];
const CASE_WORKERS: readonly Role[] = ['staff', 'unit_leader', 'team_member', 'tfa_coordinator', 'iks_coordinator', 'iks_member'];

/** Every case event: who from the transition table, identified (each of its relations sees the child). */
const EVENT_RULES = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, { on: 'case', who: TRANSITIONS[type].who, view: 'identified', when: TRANSITIONS[type].from } satisfies Rule]),
) as Record<EventType, Rule>;

export const PERMISSIONS: Record<Action, Rule> = {
  ...EVENT_RULES,
  // Tildele / offer a handover (DESIGN 8.2).
  'case.assign':      { on: 'case', who: ['unit_leader'], view: 'identified', when: 'open' },
  // Record or withdraw a consent: the unit's own people on the case (8.3).
  'consent.manage':   { on: 'case', who: INSIDERS, view: 'identified' },
  // A request to the guardians is prepared by the stafettholder (12.4).
  'consent.request':  { on: 'case', who: ['assignee'], view: 'identified', when: 'open' },
  'measure.add':      { on: 'case', who: ['assignee', 'unit_leader'], view: 'identified', when: ACTING },
  'measure.evaluate': { on: 'case', who: ['assignee', 'unit_leader', 'measure_responsible'], view: 'anonymised', when: ACTING },
  // The log is written by those working on the case who see who the child is (8.4).
  'log.write':        { on: 'case', who: WORKING, view: 'identified' },
  'log.correct':      { on: 'case', who: WORKING, view: 'identified' },
  // The unit leader clears an entry's `confidential` (12.4), and overrides the youth's choice about
  // sharing with the guardians, with a reason, when they need it for their parental responsibility (12.8.7).
  'log.declassify':   { on: 'case', who: ['unit_leader'], view: 'identified', when: 'open' },
  'youth_sharing.override': { on: 'case', who: ['unit_leader'], view: 'identified', when: 'open' },
  'guardians.manage': { on: 'case', who: ['identified_viewer'], view: 'identified', when: 'open' },
  'report.read':      { on: 'case', who: ['identified_viewer'], view: 'identified' },
  'iks.accept':       { on: 'case', who: ['iks_coordinator'], view: 'identified', when: ACTING },
  'iks.return':       { on: 'case', who: ['iks_coordinator'], view: 'identified', when: ACTING },
  'iks.end':          { on: 'case', who: ['iks_coordinator'], view: 'identified', when: ACTING },
  'iks.priority':     { on: 'case', who: ['iks_coordinator'], view: 'identified', when: ACTING },
  'iks.order':        { on: 'case', who: ['iks_coordinator'], view: 'identified', when: ACTING },

  // The case list: those who work with children; a unit leader's list has the unit's filters.
  'cases.read':       { on: 'municipality', roles: CASE_WORKERS, anywhere: true },
  'cases.read.unit':  { on: 'municipality', roles: ['unit_leader'], anywhere: true },
  'audit.read':       { on: 'municipality', roles: ['auditor'] },
  'stats.read':       { on: 'municipality', roles: ['analyst'] },
  'iks.queue':        { on: 'municipality', roles: ['iks_coordinator', 'iks_member'] },
  // Competence orders: the coordinator's, and those addressed to a unit leader.
  'iks.orders.read':  { on: 'municipality', roles: ['iks_coordinator', 'unit_leader'], anywhere: true },
  'people.read':      { on: 'municipality', roles: CASE_WORKERS, anywhere: true },
  'mail.failed.read': { on: 'municipality', roles: ['admin'] },
  'admin.units':      { on: 'municipality', roles: ['admin'] },
  'admin.users':      { on: 'municipality', roles: ['admin'] },
  'admin.profile':    { on: 'municipality', roles: ['admin'] },
  'archive.extract':  { on: 'municipality', roles: ['archivist'] },
  'archive.deposit':  { on: 'municipality', roles: ['archivist'] },
  'retention.read':   { on: 'municipality', roles: ['auditor'] },

  // A concern is raised in a unit one works in (8.1).
  'case.create':      { on: 'unit', roles: ['staff', 'unit_leader'] },

  // Pausing the mail queue stops every municipality's urgent e-mail: the platform's operator alone.
  'queues.operate':   { on: 'platform', roles: ['operator'] },

  'citizen.read':      { on: 'citizen', who: ['guardian', 'youth'] },
  'citizen.consent':   { on: 'citizen', who: ['guardian', 'youth'] },
  'citizen.statement': { on: 'citizen', who: ['guardian', 'youth'] },
};

/** A case as the rules see it: its state, its consents at the request's time, and the measure an action is about. */
export interface CaseSubject {
  state: CaseState;
  consents: readonly Consent[];
  now: Date;
  measureResponsibleId?: string | null;
}

/** A unit of a municipality (a concern is raised in one). */
export interface UnitSubject {
  unitId: string;
  municipalityId: string;
}

/** The subject of a rule: a case, a unit, or none (municipality and platform actions). */
export type Subject = CaseSubject | UnitSubject;

/** May `actor` perform `action` (on `subject`)? A case or unit rule without its subject answers no. */
export function may(actor: Actor, action: Action, subject?: Subject): boolean {
  const rule = PERMISSIONS[action];
  switch (rule.on) {
    case 'case': {
      if (!subject || !('state' in subject)) return false;
      if (!hasAnyRelation(actor, subject.state, rule.who, subject)) return false;
      // The system's relation is its own (a job); it has no view of its own.
      if (isSystemActor(actor)) return true;
      const view = caseViewOf(actor, subject.state, subject.consents, subject.now);
      return rule.view === 'identified' ? view === 'full' : view !== null;
    }
    case 'municipality':
      return (
        !isSystemActor(actor) &&
        actor.roles.some(
          (r) => rule.roles.includes(r.role) && (rule.anywhere ? r.scopeType !== 'platform' : r.scopeType === 'municipality' && r.scopeId === actor.municipalityId),
        )
      );
    case 'unit':
      return (
        !!subject &&
        'unitId' in subject &&
        !isSystemActor(actor) &&
        actor.municipalityId === subject.municipalityId &&
        actor.roles.some((r) => rule.roles.includes(r.role) && r.scopeType === 'unit' && r.scopeId === subject.unitId)
      );
    case 'platform':
      return !isSystemActor(actor) && actor.roles.some((r) => rule.roles.includes(r.role) && r.scopeType === 'platform');
    case 'citizen':
      return false;
  }
}

/** Whether a route's declared action is one the family may be asked for (a citizen rule): the citizen guard's question. */
export function isCitizenAction(action: unknown): action is CitizenAction {
  return typeof action === 'string' && (CITIZEN_ACTIONS as readonly string[]).includes(action) && PERMISSIONS[action as CitizenAction].on === 'citizen';
}

/** Whether the case's status lets the action apply now (the `when` of its rule). */
export function appliesInStatus(action: CaseAction, status: CaseStatus): boolean {
  const rule = PERMISSIONS[action];
  if (rule.on !== 'case' || rule.when === undefined) return true;
  return rule.when === 'open' ? status !== 'closed' : rule.when.includes(status);
}

/** The case actions `actor` may perform on the case now: permitted and applying in its status. */
export function allowedActions(actor: Actor, subject: CaseSubject): CaseAction[] {
  return CASE_ACTIONS.filter((a) => appliesInStatus(a, subject.state.status) && may(actor, a, subject));
}

/** The units of `actor`'s roles where the table lets them perform `action` (e.g. where they may log a concern). */
export function unitsWhere(actor: Actor, action: UnitAction): string[] {
  const units = [...new Set(actor.roles.filter((r) => r.scopeType === 'unit').map((r) => r.scopeId))];
  return units.filter((unitId) => may(actor, action, { unitId, municipalityId: actor.municipalityId }));
}

/** The municipality and platform actions `actor` may perform (GET /me); `case.create` when they may in some unit. */
export function allowedGeneralActions(actor: Actor): Action[] {
  const general: Action[] = [...MUNICIPALITY_ACTIONS, ...PLATFORM_ACTIONS].filter((a) => may(actor, a));
  if (unitsWhere(actor, 'case.create').length) general.push('case.create');
  return general;
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}
