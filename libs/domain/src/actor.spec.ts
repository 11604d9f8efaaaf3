import { SYSTEM_ACTOR, isUnitLeaderOf, isWorkingOnCase } from './actor.js';
import { ACTORS, caseIn } from './test-fixtures.js';

describe('actor relations', () => {
  it('unit leader only of the own unit and municipality', () => {
    const state = caseIn('assessing');
    expect(isUnitLeaderOf(ACTORS.leader, state)).toBe(true);
    expect(isUnitLeaderOf(ACTORS.otherLeader, state)).toBe(false);
    expect(isUnitLeaderOf(ACTORS.clusterLeader, state)).toBe(false);
    expect(isUnitLeaderOf(ACTORS.foreignLeader, state)).toBe(false);
  });
  it('working on the case: reporter, assignee, leader, and the routed arena only', () => {
    const own = caseIn('acting');
    expect([ACTORS.reporter, ACTORS.assignee, ACTORS.leader].every((a) => isWorkingOnCase(a, own))).toBe(true);
    expect([ACTORS.colleague, ACTORS.teamMember, ACTORS.tfa, ACTORS.iks, ACTORS.admin].some((a) => isWorkingOnCase(a, own))).toBe(false);
    expect(isWorkingOnCase(ACTORS.teamMember, caseIn('acting', { route: 'interdisciplinary_team', level: 2 }))).toBe(true);
    expect(isWorkingOnCase(ACTORS.iks, caseIn('acting', { route: 'iks', level: 3 }))).toBe(true);
    expect(isWorkingOnCase(ACTORS.tfa, caseIn('acting', { route: 'iks', level: 3 }))).toBe(false);
  });
  it('the system actor works on no case', () => {
    expect(isWorkingOnCase(SYSTEM_ACTOR, caseIn('acting'))).toBe(false);
    expect(isUnitLeaderOf({ ...SYSTEM_ACTOR, municipalityId: 'm1', roles: [{ role: 'unit_leader', scopeType: 'unit', scopeId: 'u1' }] }, caseIn('acting'))).toBe(false);
  });
});
