/**
 * The fixed vocabulary of the BTI workflow (DESIGN section 3 and 4). Kept as `as const` arrays so
 * the API can validate input against the same lists the domain uses, and tests can iterate them.
 */

export const CASE_STATUSES = ['discovered', 'assessing', 'deciding', 'acting', 'evaluating', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Every status except `closed`: "any open" in the transition table. */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed');

/** Statuses before a route is decided: the route is null here (API contract: "route null before acting"). */
export const PRE_ROUTING_STATUSES: readonly CaseStatus[] = ['discovered', 'assessing', 'deciding'];

export const ROUTES = ['own_unit', 'interdisciplinary_team', 'tfa', 'iks'] as const;
export type Route = (typeof ROUTES)[number];

/** BTI level of each route; level 0 means "not routed yet" (the employee's own wondering). */
export const ROUTE_LEVEL: Record<Route, 1 | 2 | 3> = {
  own_unit: 1,
  interdisciplinary_team: 2,
  tfa: 2,
  iks: 3,
};

export type Level = 0 | 1 | 2 | 3;

/** The level a case must have for a given route: the invariant `level === levelOf(route)`. */
export function levelOf(route: Route | null): Level {
  return route === null ? 0 : ROUTE_LEVEL[route];
}

/**
 * The consent recipient a route shares the case with. own_unit shares nothing outside the unit,
 * so it needs no consent (null).
 */
export const ROUTE_RECIPIENT: Record<Route, string | null> = {
  own_unit: null,
  interdisciplinary_team: 'interdisciplinary_team',
  tfa: 'tfa',
  iks: 'iks',
};

/**
 * The consent recipient that allows a case to move to another unit (DESIGN 8.7): the guardians'
 * permission to pass the information on to the receiving kindergarten or school.
 */
export const RECEIVING_UNIT_RECIPIENT = 'receiving_unit';

export const ROLES = [
  'staff',
  'unit_leader',
  'team_member',
  'tfa_coordinator',
  'iks_coordinator',
  'iks_member',
  'auditor',
  'analyst',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const CLOSE_REASONS = ['resolved', 'no_concern', 'moved', 'handed_to_child_welfare', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const EVALUATION_OUTCOMES = ['continue', 'adjust', 'escalate', 'close'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

export function isRoute(value: unknown): value is Route {
  return typeof value === 'string' && (ROUTES as readonly string[]).includes(value);
}

/**
 * Services (DESIGN section 3) a consent can name and IKS can order competence from, including the
 * codes of the IKS core group in municipalities.json. Consent is given to a service, never to a
 * named employee.
 */
export const SERVICE_CODES = [
  'ppt',
  'child_welfare',
  'health_station',
  'nav',
  'culture',
  'bup',
  'psychologist',
  'municipal_psychologist',
  'child_coordinator',
  'police',
  'slt_coordinator',
  'school_doctor',
  'family_house',
] as const;
