import { onIksAccepted, onIksReturned } from './iks.js';
import { replay } from './replay.js';
import { caseIn } from './test-fixtures.js';

describe('IKS referral decisions', () => {
  it('acceptance only stops the pending reminder', () => {
    const state = caseIn('acting', { route: 'iks', level: 3 });
    expect(onIksAccepted(state)).toMatchObject({ next: state, effects: [{ type: 'ReminderCancelled', kind: 'iks_pending' }] });
  });
  it('a return sends the case back to deciding without a route, and replays', () => {
    const state = caseIn('acting', { route: 'iks', level: 3 });
    const r = onIksReturned(state, 'Ikke kompleks nok.');
    expect(r.next).toMatchObject({ status: 'deciding', route: null, level: 0 });
    expect(replay(state, r.effects)).toEqual(r.next);
    expect(r.logText).toMatch(/Ikke kompleks nok/);
  });
});
