import { DateTime, Duration } from 'luxon';
import { isUnitLeaderOf, type Actor } from './actor.js';
import type { CaseState } from './case-state.js';
import { EVENT_TYPES } from './events.js';

/**
 * Retention of closed cases (DESIGN 12.5, 12.8 items 1-2), as small predicates the access layer,
 * the command runner and the permission table can ask.
 */

/** A profile's `retention`: ISO 8601 durations like the reminders. */
export interface RetentionRule {
  closedCaseAccess: string;
  closedCaseKeep: string;
  /** Deleted only once an extraction holding the case is recorded as deposited. */
  archive: boolean;
  /** With `archive: false`: the legal basis for disposal without archiving; no deletion without it. */
  disposalBasis?: string;
}

export const DEFAULT_RETENTION: RetentionRule = { closedCaseAccess: 'P90D', closedCaseKeep: 'P3Y', archive: true };

/** An ISO 8601 duration added on the Oslo wall clock: 90 days is 90 calendar days across DST. */
export function osloPlus(at: Date, iso: string): Date {
  return DateTime.fromJSDate(at, { zone: 'Europe/Oslo' }).plus(Duration.fromISO(iso)).toJSDate();
}

/** The dates a case stores at closing (migration RetentionAndArchive computes the same in SQL). */
export function closingDates(closedAt: Date, rule: Pick<RetentionRule, 'closedCaseAccess' | 'closedCaseKeep'>): { accessEndsAt: Date; deleteAfter: Date } {
  return { accessEndsAt: osloPlus(closedAt, rule.closedCaseAccess), deleteAfter: osloPlus(closedAt, rule.closedCaseKeep) };
}

/** After `accessEndsAt` only the unit leader of the case's unit sees a closed case. */
export function closedAccessEnded(actor: Actor, state: Pick<CaseState, 'accessEndsAt' | 'unitId' | 'municipalityId'>, now: Date): boolean {
  const ends = state.accessEndsAt;
  return ends != null && now.getTime() >= ends.getTime() && !isUnitLeaderOf(actor, state as CaseState);
}

/**
 * A closed case is read-only at once (12.5): only case events (the transition table says which start
 * from closed: reopen, the release to the family) and the unit leader's correction of the log
 * (GDPR art. 16, 12.8.2) may write to it; the other workers' corrections end at closing.
 */
export function mayWriteClosedCase(action: string, actor: Actor, state: Pick<CaseState, 'unitId' | 'municipalityId'>): boolean {
  if (action === 'log.correct') return isUnitLeaderOf(actor, state as CaseState);
  return (EVENT_TYPES as readonly string[]).includes(action);
}
