import { REPORT_STATUSES, canMoveReport } from './report-status.js';

describe('report lifecycle', () => {
  it('only moves forward: recorded → sent → acknowledged', () => {
    const allowed = REPORT_STATUSES.flatMap((from) => REPORT_STATUSES.filter((to) => canMoveReport(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['recorded→sent', 'sent→acknowledged']);
  });
});
