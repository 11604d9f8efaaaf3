import { buildOverview, groupFigures, median, type CaseFacts } from './overview.js';

const t0 = new Date('2025-02-03T08:00:00Z');
const day = 86_400_000;

function facts(n: number, over: Partial<CaseFacts> = {}, decideAfterDays = 2): CaseFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    unitKind: 'kindergarten',
    clusterId: 'c1',
    level: 1,
    route: 'own_unit',
    createdAt: t0,
    decidedAt: new Date(t0.getTime() + (decideAfterDays + i) * day),
    firstMeasureAt: null,
    childWelfareReported: false,
    iksReferred: false,
    iksAccepted: false,
    ...over,
  }));
}

const KINDS = [
  { key: 'kindergarten', label: 'Barnehage' },
  { key: 'primary_school', label: 'Barneskole' },
  { key: 'health_station', label: 'Helsestasjon' },
];

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('groupFigures: cells of 4, 5 and 6', () => {
  it.each([
    [4, null, true],
    [5, 5, false],
    [6, 6, false],
  ])('%i cases → concernsLogged %p (suppressed %p), and the median follows', (n, value, suppressed) => {
    const f = groupFigures(facts(n));
    expect(f.concernsLogged).toEqual({ value, suppressed });
    expect(f.medianDaysToDecision.suppressed).toBe(suppressed);
    if (!suppressed) expect(f.medianDaysToDecision.value).toBe(2 + Math.floor((n - 1) / 2) + (n % 2 ? 0 : 0.5));
  });

  it('a share is hidden when its numerator is under 5, shown from 5', () => {
    const four = groupFigures([...facts(4, { childWelfareReported: true }), ...facts(16)]);
    expect(four.childWelfareReports).toEqual({ value: null, suppressed: true });
    expect(four.childWelfareReportShare).toEqual({ value: null, suppressed: true });
    const five = groupFigures([...facts(5, { childWelfareReported: true }), ...facts(15)]);
    expect(five.childWelfareReportShare).toEqual({ value: 0.25, suppressed: false });
  });

  it('a median is hidden when fewer than 5 cases have the interval, even in a large group', () => {
    const f = groupFigures([...facts(4, { firstMeasureAt: new Date(t0.getTime() + day) }), ...facts(10)]);
    expect(f.concernsLogged.value).toBe(14);
    expect(f.medianDaysToFirstMeasure).toEqual({ value: null, suppressed: true });
  });
});

describe('buildOverview: complementary suppression', () => {
  it('never leaves exactly one hidden cell in a row that adds up to a shown total', () => {
    // 6 level-1 own_unit, 5 level-2 team, 4 level-3 iks: 15 in all.
    const rows = [...facts(6), ...facts(5, { level: 2, route: 'interdisciplinary_team' }), ...facts(4, { level: 3, route: 'iks' })];
    const { total } = buildOverview(rows, KINDS, [{ key: 'c1', label: 'Klynge' }]);
    expect(total.concernsLogged.value).toBe(15);
    const levels = Object.values(total.casesByLevel).filter((c) => c.suppressed);
    // level 0 (0 cases) and level 3 (4) are hidden: two hidden, 6 and 5 stay.
    expect(total.casesByLevel).toMatchObject({ '1': { value: 6 }, '2': { value: 5 }, '3': { suppressed: true }, '0': { suppressed: true } });
    expect(levels.length).not.toBe(1);
    for (const family of [total.casesByLevel, total.casesByRoute]) expect(Object.values(family).filter((c) => c.suppressed).length).not.toBe(1);
  });

  it('hides a second group when only one group of a breakdown would be hidden', () => {
    // kindergarten 6, primary school 5, health station 4; with only these three kinds the 4 could be
    // recovered as 15 − 6 − 5, so the smallest shown group (5) is hidden as well.
    const rows = [...facts(6), ...facts(5, { unitKind: 'primary_school' }), ...facts(4, { unitKind: 'health_station' })];
    const { byUnitKind, total } = buildOverview(rows, KINDS, [{ key: 'c1', label: 'Klynge' }]);
    expect(total.concernsLogged.value).toBe(15);
    const cell = (k: string) => byUnitKind.find((b) => b.key === k)!.figures;
    expect(cell('kindergarten').concernsLogged).toEqual({ value: 6, suppressed: false });
    expect(cell('health_station').concernsLogged).toEqual({ value: null, suppressed: true });
    expect(cell('primary_school').concernsLogged).toEqual({ value: null, suppressed: true });
    // A hidden group is hidden whole, its median too.
    expect(cell('primary_school').medianDaysToDecision.suppressed).toBe(true);
  });

  it('keeps a group of 5 when two other groups are hidden anyway', () => {
    const rows = [...facts(6), ...facts(5, { unitKind: 'primary_school' }), ...facts(4, { unitKind: 'health_station' })];
    const { byUnitKind } = buildOverview(rows, [...KINDS, { key: 'other', label: 'Annet' }], [{ key: 'c1', label: 'Klynge' }]);
    const cell = (k: string) => byUnitKind.find((b) => b.key === k)!.figures.concernsLogged;
    expect([cell('kindergarten'), cell('primary_school'), cell('health_station'), cell('other')]).toEqual([
      { value: 6, suppressed: false },
      { value: 5, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
    ]);
  });

  it('hides everything in a total under 5', () => {
    const { total } = buildOverview(facts(3), KINDS, []);
    expect(total.concernsLogged.suppressed).toBe(true);
    expect(Object.values(total.casesByRoute).every((c) => c.suppressed)).toBe(true);
    expect(total.medianDaysToDecision.suppressed).toBe(true);
  });
});
