import { compareQueue, explainScore, iksCapacity, iksPriorityScore, type Rankable } from './iks-priority.js';

const now = new Date('2025-03-20T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe('iksPriorityScore', () => {
  it('weighs abuse 40, risk factors 5 each (max 6), prior level 5 each (max 2), waiting 1/day (max 20)', () => {
    expect(iksPriorityScore({ suspectedViolenceOrAbuse: true, riskFactorCount: 2, fromLevel: 2, referredAt: daysAgo(3) }, now)).toEqual({
      suspectedViolenceOrAbuse: 40, riskFactors: 10, level: 10, waitingTime: 3, total: 63, waitingDays: 3,
    });
    expect(iksPriorityScore({ suspectedViolenceOrAbuse: false, riskFactorCount: 0, fromLevel: 0, referredAt: now }, now).total).toBe(0);
  });

  it('caps every part, so the score stays within 0–100', () => {
    const max = iksPriorityScore({ suspectedViolenceOrAbuse: true, riskFactorCount: 14, fromLevel: 3, referredAt: daysAgo(400) }, now);
    expect(max.total).toBe(100);
    expect(iksPriorityScore({ suspectedViolenceOrAbuse: false, riskFactorCount: -1, fromLevel: -1, referredAt: daysAgo(-5) }, now).total).toBe(0);
  });
});

describe('compareQueue', () => {
  const r = (id: string, priority: number | null, score: number | null, age = 0): Rankable => ({ id, priority, score, referredAt: daysAgo(age) });

  it('orders by score without manual priority, oldest first on ties', () => {
    const sorted = [r('a', null, 10), r('b', null, 60), r('c', null, 10, 5), r('d', null, 30)].sort(compareQueue);
    expect(sorted.map((x) => x.id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('a manual priority wins over any score; no priority ranks as normal (3)', () => {
    const sorted = [r('high-score', null, 90), r('urgent', 1, 0), r('low', 4, 100), r('normal', 3, 50)].sort(compareQueue);
    expect(sorted.map((x) => x.id)).toEqual(['urgent', 'high-score', 'normal', 'low']);
  });

  it('unscored referrals (case not visible) come after scored ones in their tier', () => {
    expect([r('x', null, null), r('y', null, 0)].sort(compareQueue).map((x) => x.id)).toEqual(['y', 'x']);
  });
});

describe('iksCapacity', () => {
  const counts = (acceptedThisYear: number) => ({ activeCases: 2, pendingReferrals: 1, acceptedThisYear });
  it.each([
    [0, 'available', 15],
    [9, 'available', 6],
    [10, 'limited', 5],
    [14, 'limited', 1],
    [15, 'full', 0],
    [17, 'full', 0],
  ])('%i accepted this year against 10–15 → %s, %i remaining', (accepted, level, remaining) => {
    const c = iksCapacity(counts(accepted), [10, 15]);
    expect(c).toMatchObject({ level, remainingThisYear: remaining, yearlyRange: { min: 10, max: 15 }, activeCases: 2, pendingReferrals: 1 });
    expect(c.message).toMatch(/IKS/);
  });

  it('without a yearly range the level is unknown', () => {
    expect(iksCapacity(counts(3), undefined)).toMatchObject({ level: 'unknown', yearlyRange: null, remainingThisYear: null });
  });
});

describe('explainScore', () => {
  const referredAt = new Date('2026-12-01T08:00:00Z');
  const explain = (facts: { suspectedViolenceOrAbuse: boolean; riskFactorCount: number; fromLevel: number }, days: number) =>
    explainScore(iksPriorityScore({ ...facts, referredAt }, new Date(referredAt.getTime() + days * 86_400_000)), facts.riskFactorCount, facts.fromLevel);

  it('names each part that counted, in bokmål, with its points and the total', () => {
    expect(explain({ suspectedViolenceOrAbuse: true, riskFactorCount: 3, fromLevel: 0 }, 0)).toBe('Poengsum 55 av 100: mistanke om vold eller overgrep (+40) og 3 risikofaktorer (+15).');
    expect(explain({ suspectedViolenceOrAbuse: false, riskFactorCount: 1, fromLevel: 2, }, 1)).toBe('Poengsum 16 av 100: 1 risikofaktor (+5), prøvd på nivå 1–2 før henvisningen (+10) og ventet 1 dag (+1).');
  });

  it('says why a score is 0', () => {
    expect(explain({ suspectedViolenceOrAbuse: false, riskFactorCount: 0, fromLevel: 0 }, 0)).toMatch(/^Poengsum 0 av 100: ingen mistanke/);
  });
});
