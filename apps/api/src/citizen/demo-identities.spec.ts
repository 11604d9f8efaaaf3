import { DEMO_CHILD_SOLSIDEN, DEMO_CITIZENS, DEMO_YOUTH_FJORDGLOTT } from '@app/persistence';
import { isSyntheticNationalId } from '../common/national-id.js';

describe('the demo identities', () => {
  it('are synthetic national ids (TestNorge, month + 80, checked by @navikt/fnrvalidator): no real person has them', () => {
    const ids = [...DEMO_CITIZENS.map((c) => c.pid), DEMO_CHILD_SOLSIDEN.pid, DEMO_YOUTH_FJORDGLOTT.pid];
    expect(ids).toEqual(['03888510086', '21908210015', '05901050041', '27927710086', '14892050083', '05901050041']);
    for (const id of ids) expect(isSyntheticNationalId(id)).toBe(true);
    expect(isSyntheticNationalId('13097248022')).toBe(false); // a valid fødselsnummer, not a synthetic one
  });
});
