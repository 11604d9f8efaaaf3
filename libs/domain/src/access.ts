import { isAssigneeOf, isReceivingUnitLeaderOf, isReporterOf, isRouteArenaMember, isUnitLeaderOf, type Actor } from './actor.js';
import type { CaseState } from './case-state.js';
import { routeIsCovered, type Consent } from './consent.js';

/**
 * Need-to-know (DESIGN section 7 and 8.7) as a predicate: who may read the case at `now`. The
 * API applies the same rule in SQL (CaseAccessPolicy, and row-level security as a second line);
 * here it is what the property tests check the workflow against, e.g. "after an accepted
 * transfer no one in the sending unit can read the case".
 * - the reporter (while the case is in the unit they reported it in), the assignee, the unit leader;
 * - the leader of the unit a pending transfer proposes;
 * - the arena the case is routed to, under a covering consent (the team also when anonymous).
 */
export function maySeeCase(actor: Actor, state: CaseState, consents: readonly Consent[], now: Date): boolean {
  if (isReporterOf(actor, state) || isAssigneeOf(actor, state) || isUnitLeaderOf(actor, state)) return true;
  if (isReceivingUnitLeaderOf(actor, state)) return true;
  return state.route !== null && isRouteArenaMember(actor, state) && routeIsCovered(state.route, state.anonymous, consents, now);
}
