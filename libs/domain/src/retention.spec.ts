import { closedAccessEnded, closingDates, mayWriteClosedCase, osloPlus } from './retention.js';
import type { Actor } from './actor.js';

const M = 'm1';
const leader: Actor = { userId: 'l', municipalityId: M, service: null, roles: [{ role: 'unit_leader', scopeType: 'unit', scopeId: 'u1' }] };
const staff: Actor = { userId: 's', municipalityId: M, service: null, roles: [{ role: 'staff', scopeType: 'unit', scopeId: 'u1' }] };
const otherLeader: Actor = { userId: 'o', municipalityId: M, service: null, roles: [{ role: 'unit_leader', scopeType: 'unit', scopeId: 'u2' }] };

describe('retention', () => {
  it('adds durations on the Oslo calendar: 90 days across the end of summer time are 90 × 24 h + 1 h', () => {
    const closed = new Date('2026-09-08T10:00:00Z'); // 12.00 CEST
    const ends = osloPlus(closed, 'P90D');
    expect(ends.toISOString()).toBe('2026-12-07T11:00:00.000Z'); // 12.00 CET
    expect(closingDates(closed, { closedCaseAccess: 'P90D', closedCaseKeep: 'P3Y' }).deleteAfter.toISOString()).toBe('2029-09-08T10:00:00.000Z');
  });

  it('closed 90 days ago today: access has ended for staff, not for the unit leader; 89 days ago: not yet', () => {
    const now = new Date('2026-12-07T11:30:00Z');
    const state = (closedDaysAgo: number) => ({ unitId: 'u1', municipalityId: M, accessEndsAt: osloPlus(osloPlus(new Date('2026-12-07T11:00:00Z'), `-P${closedDaysAgo}D`), 'P90D') });
    expect(closedAccessEnded(staff, state(90), now)).toBe(true);
    expect(closedAccessEnded(otherLeader, state(90), now)).toBe(true);
    expect(closedAccessEnded(leader, state(90), now)).toBe(false);
    expect(closedAccessEnded(staff, state(89), now)).toBe(false);
    expect(closedAccessEnded(staff, { unitId: 'u1', municipalityId: M, accessEndsAt: null }, now)).toBe(false);
  });

  it("a closed case takes case events (reopen) and the unit leader's log correction only", () => {
    const kase = { unitId: 'u1', municipalityId: M };
    expect(mayWriteClosedCase('reopen', leader, kase)).toBe(true);
    expect(mayWriteClosedCase('log.correct', leader, kase)).toBe(true);
    // 12.5: read-only at once for the other workers, and for a leader of another unit.
    expect(mayWriteClosedCase('log.correct', staff, kase)).toBe(false);
    expect(mayWriteClosedCase('log.correct', otherLeader, kase)).toBe(false);
    for (const action of ['log.write', 'measure.add', 'consent.manage', 'case.assign', 'guardians.manage']) expect(mayWriteClosedCase(action, leader, kase)).toBe(false);
  });
});
