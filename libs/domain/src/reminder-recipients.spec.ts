import { reminderRecipients } from './reminder-recipients.js';
import { ACTORS, NOW, caseState } from './test-fixtures.js';

const everyone = Object.values(ACTORS);
const ctx = { now: NOW, consents: [] };
const assigned = caseState({ assigneeId: 'assignee', reporterId: 'reporter', reporterUnitId: 'u1' });

describe('reminder recipients follow the relations of the permission table', () => {
  it('unit_leader: the leaders of the case’s unit, not of another unit, cluster or municipality', () => {
    expect(reminderRecipients(everyone, 'unit_leader', assigned, ctx)).toEqual(['leader']);
  });

  it('assignee_or_reporter: the assignee; without one the reporter while the case is in their unit; else the leader', () => {
    expect(reminderRecipients(everyone, 'assignee_or_reporter', assigned, ctx)).toEqual(['assignee']);
    expect(reminderRecipients(everyone, 'assignee_or_reporter', { ...assigned, assigneeId: null }, ctx)).toEqual(['reporter']);
    expect(reminderRecipients(everyone, 'assignee_or_reporter', { ...assigned, assigneeId: null, reporterUnitId: 'u2' }, ctx)).toEqual(['leader']);
  });

  it('a coordinator only while the case is on their route; else the leader', () => {
    expect(reminderRecipients(everyone, 'tfa_coordinator', { ...assigned, status: 'acting', route: 'tfa' }, ctx)).toEqual(['tfa']);
    expect(reminderRecipients(everyone, 'iks_coordinator', { ...assigned, status: 'acting', route: 'iks' }, ctx)).toEqual(['iks']);
    expect(reminderRecipients(everyone, 'iks_coordinator', { ...assigned, status: 'acting', route: 'tfa' }, ctx)).toEqual(['leader']);
  });

  it('responsible: the measure’s responsible in the municipality; without one the leader', () => {
    expect(reminderRecipients(everyone, 'responsible', assigned, { ...ctx, measureResponsibleId: 'team' })).toEqual(['team']);
    expect(reminderRecipients(everyone, 'responsible', assigned, { ...ctx, measureResponsibleId: null })).toEqual(['leader']);
  });

  it('nobody of another municipality, whatever their roles', () => {
    expect(reminderRecipients([ACTORS.foreignLeader], 'unit_leader', assigned, ctx)).toEqual([]);
  });
});
