import { hasRoleCovering, isInsiderOf, worksInUnitOf, type Actor } from './actor.js';
import type { CaseState } from './case-state.js';
import { closedAccessEnded } from './retention.js';
import { hasCoveringConsent, hasTeamConsent, someConsentNamesService, type Consent } from './consent.js';

/**
 * WHO SEES WHAT (DESIGN 7, 8.3, 8.4), as one predicate. The API's access layer and the SQL
 * row-level policy implement this same rule; test/cases-access-matrix.e2e-spec.ts checks all three
 * against one table of cases and users.
 *
 *   null          the case does not exist for the actor (the API answers 404)
 *   'anonymised'  the team sees it without identity (8.4)
 *   'full'        identified
 *
 * - the unit's own people (reporter, assignee, unit leader, a proposed new coordinator): full;
 * - route interdisciplinary_team, a team member whose scope contains the case: full when an active
 *   consent names their service; anonymised when the team works anonymously or a consent names
 *   another team service; otherwise nothing;
 * - route tfa: a TFA coordinator, route iks: an IKS coordinator or member, when the route's consent
 *   (naming `tfa` / `iks`) is active and a consent names their own service: full; else nothing
 *   (the TFA and IKS have no anonymous mode);
 * - everyone else, and every user of another municipality: nothing;
 * - a closed case after its `accessEndsAt`: only the unit leader (retention.ts).
 */
export type CaseView = 'full' | 'anonymised';

export function caseViewOf(actor: Actor, state: CaseState, consents: readonly Consent[], now: Date): CaseView | null {
  if (closedAccessEnded(actor, state, now)) return null;
  if (isInsiderOf(actor, state)) return 'full';
  switch (state.route) {
    case 'interdisciplinary_team':
      if (!hasRoleCovering(actor, 'team_member', state)) return null;
      if (someConsentNamesService(consents, actor.service, now)) return 'full';
      return state.anonymous || hasTeamConsent(consents, now) ? 'anonymised' : null;
    case 'tfa':
      return hasRoleCovering(actor, 'tfa_coordinator', state) && arenaConsented(actor, 'tfa', consents, now) ? 'full' : null;
    case 'iks':
      return (hasRoleCovering(actor, 'iks_coordinator', state) || hasRoleCovering(actor, 'iks_member', state)) &&
        arenaConsented(actor, 'iks', consents, now)
        ? 'full'
        : null;
    default:
      return null;
  }
}

/** Sees the child's identity: may report to child welfare, raise a safety concern, write the log. */
export function isIdentifiedViewer(actor: Actor, state: CaseState, consents: readonly Consent[], now: Date): boolean {
  return caseViewOf(actor, state, consents, now) === 'full';
}

/**
 * Who may coordinate (be stafettholder, DESIGN 8.2): staff or leader of the case's unit; from
 * level 2, also a team or IKS member whose service an active consent of the case names.
 * `level` is the case's level when the person would take over (a decision may raise it).
 */
export function mayCoordinate(candidate: Actor, state: CaseState, consents: readonly Consent[], now: Date, level = state.level): boolean {
  if (worksInUnitOf(candidate, state)) return true;
  if (level < 2) return false;
  const member =
    hasRoleCovering(candidate, 'team_member', state) ||
    hasRoleCovering(candidate, 'iks_member', state) ||
    hasRoleCovering(candidate, 'iks_coordinator', state);
  return member && someConsentNamesService(consents, candidate.service, now);
}

/** The route's own consent holds, and the member's service is named (for a coordinator: the arena itself). */
function arenaConsented(actor: Actor, arena: 'tfa' | 'iks', consents: readonly Consent[], now: Date): boolean {
  return hasCoveringConsent(consents, arena, now) && someConsentNamesService(consents, actor.service, now);
}

/**
 * Need-to-know as a yes/no (DESIGN 7, 8.7): whether the case exists for the actor at all. The
 * lifecycle's property tests use it, e.g. "after an accepted transfer no one in the sending unit can
 * read the case".
 */
export function maySeeCase(actor: Actor, state: CaseState, consents: readonly Consent[], now: Date): boolean {
  return caseViewOf(actor, state, consents, now) !== null;
}
