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
 * The service a consent must name for a route. own_unit shares nothing outside the unit, so it
 * needs no consent (null); the interdisciplinary team needs a consent naming at least one of
 * TEAM_SERVICE_CODES (null here, see `routeIsCovered`), and each member sees the child only when
 * their own service is named.
 */
export const ROUTE_RECIPIENT: Record<Route, string | null> = {
  own_unit: null,
  interdisciplinary_team: null,
  tfa: 'tfa',
  iks: 'iks',
};

/**
 * The services a consent can name (DESIGN 8.3; `libs/reference-data/services.json`, checked equal by
 * a spec). Consent is given to a service, never to an arena or a named employee.
 */
export const CONSENT_SERVICE_CODES = [
  'ppt',
  'health_station',
  'child_welfare',
  'family_service',
  'nav',
  'bup',
  'municipal_psychologist',
  'child_coordinator',
  'culture',
  'police',
  'slt',
  'tfa',
  'iks',
  'receiving_unit',
] as const;
export type ConsentService = (typeof CONSENT_SERVICE_CODES)[number];

/** Services that sit in an interdisciplinary team: every consent service except the arenas and the receiving unit. */
export const TEAM_SERVICE_CODES: readonly string[] = CONSENT_SERVICE_CODES.filter((s) => !['tfa', 'iks', 'receiving_unit'].includes(s));

/**
 * Round one's arena recipient. No longer accepted in new consents; a stored consent naming it
 * counts as naming every service of the cluster's team (DESIGN 8.3), see `consentNamesService`.
 */
export const LEGACY_TEAM_RECIPIENT = 'interdisciplinary_team';

/** Who may give consent: a person with parental responsibility, or the child from the municipality's `selfConsentAge`. */
export const CONSENT_RELATIONS = ['mother', 'father', 'guardian', 'foster_parent', 'child'] as const;
export type ConsentRelation = (typeof CONSENT_RELATIONS)[number];

export const CONSENT_DECISIONS = ['given', 'refused'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

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
  // Reads no case; starts archive extractions (DESIGN 12.5).
  'archivist',
  // Platform scope, no municipality: operates the job queues (DESIGN 12.3, 12.8 item 10).
  'operator',
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
