import { consentStatus, coversRecipient, hasCoveringConsent, onConsentWithdrawn } from './consent.js';
import { NOW, DAY, caseIn, consent } from './test-fixtures.js';

const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('consentStatus (validFrom <= at < validUntil, withdrawal at withdrawnAt)', () => {
  const c = consent(['tfa'], { validFrom: NOW, validUntil: later(DAY) });
  it('pending before validFrom, active from it', () => {
    expect(consentStatus(c, later(-1))).toBe('pending');
    expect(consentStatus(c, NOW)).toBe('active');
  });
  it('expired from validUntil (exclusive)', () => {
    expect(consentStatus(c, later(DAY - 1))).toBe('active');
    expect(consentStatus(c, later(DAY))).toBe('expired');
  });
  it('withdrawn from withdrawnAt, even before it would expire', () => {
    const w = { ...c, withdrawnAt: later(1000) };
    expect(consentStatus(w, later(999))).toBe('active');
    expect(consentStatus(w, later(1000))).toBe('withdrawn');
    expect(consentStatus(w, later(2 * DAY))).toBe('withdrawn');
  });
  it('without validUntil it never expires', () => {
    expect(consentStatus(consent(['tfa']), later(3650 * DAY))).toBe('active');
  });
});

describe('coversRecipient / hasCoveringConsent', () => {
  it('needs both active and the recipient listed', () => {
    const c = consent(['ppt', 'tfa']);
    expect(coversRecipient(c, 'tfa', NOW)).toBe(true);
    expect(coversRecipient(c, 'iks', NOW)).toBe(false);
    expect(coversRecipient({ ...c, withdrawnAt: NOW }, 'tfa', NOW)).toBe(false);
  });
  it('any one covering consent is enough', () => {
    expect(hasCoveringConsent([consent(['ppt']), consent(['iks'])], 'iks', NOW)).toBe(true);
    expect(hasCoveringConsent([], 'iks', NOW)).toBe(false);
  });
});

describe('onConsentWithdrawn', () => {
  it('falls back to own_unit when no other consent covers the route', () => {
    const state = caseIn('acting', { route: 'tfa', level: 2 });
    const r = onConsentWithdrawn(state, [consent(['tfa'], { withdrawnAt: NOW })], NOW, 'c1');
    expect(r.next).toMatchObject({ route: 'own_unit', level: 1, anonymous: false, status: 'acting' });
    expect(r.effects).toEqual(expect.arrayContaining([
      { type: 'ConsentWithdrawn', consentId: 'c1', previousRoute: 'tfa', fellBackToOwnUnit: true },
      expect.objectContaining({ type: 'CaseRouted', route: 'own_unit', level: 1 }),
      { type: 'ReminderCancelled', kind: 'tfa_follow_up' },
    ]));
  });
  it('keeps the route when another active consent covers it', () => {
    const state = caseIn('acting', { route: 'iks', level: 3 });
    const r = onConsentWithdrawn(state, [consent(['iks', 'ppt'])], NOW);
    expect(r.next).toBe(state);
    expect(r.effects).toEqual([{ type: 'ConsentWithdrawn', consentId: null, previousRoute: 'iks', fellBackToOwnUnit: false }]);
  });
  it('keeps an anonymous interdisciplinary team', () => {
    const state = caseIn('acting', { route: 'interdisciplinary_team', level: 2, anonymous: true });
    expect(onConsentWithdrawn(state, [], NOW).next).toBe(state);
  });
  it('falls back an identifiable team case', () => {
    const state = caseIn('evaluating', { route: 'interdisciplinary_team', level: 2 });
    expect(onConsentWithdrawn(state, [], NOW).next).toMatchObject({ route: 'own_unit', level: 1 });
  });
  it('does nothing to an unrouted case except record the withdrawal', () => {
    const state = caseIn('assessing');
    const r = onConsentWithdrawn(state, [], NOW);
    expect(r.next).toBe(state);
    expect(r.effects).toHaveLength(1);
  });
});
