import {
  CONSENT_LIFECYCLE,
  CONSENT_STATES,
  IKS_REFERRAL_LIFECYCLE,
  IKS_REFERRAL_STATUSES,
  MEASURE_LIFECYCLE,
  MEASURE_OUTCOMES,
  MEASURE_STATUSES,
  measureEventOf,
  step,
  type Step,
} from './lifecycles.js';

/**
 * Each lifecycle written out by hand (NOT derived from the tables): one row per event, one
 * column per status, the status afterwards or NO.
 */
const NO = null;

function checkEveryCell<S extends string>(name: string, table: Record<string, Step<S>>, statuses: readonly S[], expected: Record<string, (S | null)[]>) {
  describe(`${name}: every status × every event`, () => {
    it('the hand-written table covers every event and status', () => {
      expect(Object.keys(expected).sort()).toEqual(Object.keys(table).sort());
      for (const row of Object.values(expected)) expect(row).toHaveLength(statuses.length);
    });
    const cells = Object.keys(expected).flatMap((event) => statuses.map((status, i) => [event, status, i] as const));
    it.each(cells)('%s from %s', (event, status, i) => {
      expect(step(table, event, status)).toBe(expected[event][i]);
    });
  });
}

checkEveryCell('IKS referral', IKS_REFERRAL_LIFECYCLE, IKS_REFERRAL_STATUSES, {
  //                 referred    accepted    returned  ended
  accept:           ['accepted', NO,         NO,       NO],
  return:           ['returned', NO,         NO,       NO],
  end:              [NO,         'ended',    NO,       NO],
  prioritise:       ['referred', 'accepted', NO,       NO],
  order_competence: [NO,         'accepted', NO,       NO],
  case_left_route:  ['ended',    'ended',    NO,       NO],
});

checkEveryCell('measure', MEASURE_LIFECYCLE, MEASURE_STATUSES, {
  //                  active    ended
  evaluate_continue: ['active', NO],
  evaluate_adjust:   ['active', NO],
  evaluate_stop:     ['ended',  NO],
});

checkEveryCell('consent', CONSENT_LIFECYCLE, CONSENT_STATES, {
  //         pending      active       expired      refused      withdrawn
  withdraw: ['withdrawn', 'withdrawn', 'withdrawn', 'withdrawn', NO],
});

describe('measure outcomes', () => {
  it('each evaluation outcome is an event of the table', () => {
    expect(MEASURE_OUTCOMES.map(measureEventOf)).toEqual(['evaluate_continue', 'evaluate_adjust', 'evaluate_stop']);
  });

  it('an unknown event is refused like a wrong status', () => {
    expect(step(MEASURE_LIFECYCLE, 'teleport', 'active')).toBeNull();
  });
});
