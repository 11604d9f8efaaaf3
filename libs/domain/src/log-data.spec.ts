import { LOG_DATA_KEYS, logData } from './log-data.js';

describe('logData: what a log entry keeps', () => {
  const id = '3f1c9a52-0000-4000-8000-000000000000';

  it('keeps the listed ids, codes and booleans of an event and drops every text and person', () => {
    const payload = {
      grounds: 'Blåmerker på armene',
      guardiansInformed: false,
      reasonGuardiansNotInformed: 'Mistanke om vold',
      channel: 'phone',
      reporterPhone: '+47 912 34 567',
      reporterEmail: 'a@b.no',
      childAddress: { line1: 'Gata 1' },
      guardians: [{ name: 'Mor', phone: '+47 1' }],
      childInformed: true,
      effects: ['ChildWelfareReported'],
    };
    expect(logData('report_to_child_welfare', payload)).toEqual({ channel: 'phone', guardiansInformed: false, childInformed: true, effects: ['ChildWelfareReported'] });
  });

  it('keeps a value only when it has the kind its key names', () => {
    expect(logData('decide', { route: 'iks', anonymous: 'yes', assigneeId: 'Kari Ansatt', rationale: 'x' })).toEqual({ route: 'iks' });
    expect(logData('decide', { route: 'somewhere', assigneeId: id })).toEqual({ assigneeId: id });
    expect(logData('close', { reason: 'moved', note: 'Flyttet til Bergen' })).toEqual({ reason: 'moved' });
    expect(logData('close', { reason: 'Familien flyttet' })).toEqual({});
    expect(logData('measure_added', { measureId: id, catalogCode: 'parent guidance course' })).toEqual({ measureId: id });
    expect(logData('iks_accepted', { referralId: id, priority: 2, coreGroup: ['ppt'] })).toEqual({ referralId: id, priority: 2 });
    expect(logData('assigned', { effects: ['Reminder', 'Ein tekst med mellomrom'] })).toEqual({});
  });

  it('keeps nothing but effects for a type it does not list', () => {
    expect(logData('reopen', { reason: 'flyttet', effects: ['CaseReopened'] })).toEqual({ effects: ['CaseReopened'] });
    expect(logData('note', { tasks: 2 })).toEqual({});
    expect(LOG_DATA_KEYS.reopen).toBeUndefined();
    expect(LOG_DATA_KEYS.close).toEqual(['reason']);
  });
});
