import { consentRequestStatus, mayAnswer, mayCitizenWithdraw, type ConsentRequestFacts } from './consent-request.js';

const facts = (over: Partial<ConsentRequestFacts> = {}): ConsentRequestFacts => ({
  requires: 'all_with_responsibility',
  askYouth: false,
  responsibleGuardians: ['mor', 'far'],
  youthHmac: 'ung',
  answers: new Map(),
  ...over,
});

describe('consentRequestStatus', () => {
  it('waits for every guardian with parental responsibility by default, and takes effect when both have given it', () => {
    expect(consentRequestStatus(facts({ answers: new Map([['mor', 'given']]) }))).toBe('waiting');
    expect(consentRequestStatus(facts({ answers: new Map([['mor', 'given'], ['far', 'given']]) }))).toBe('in_effect');
  });

  it('never takes effect while a guardian with responsibility has no national id registered', () => {
    expect(consentRequestStatus(facts({ responsibleGuardians: ['mor', null], answers: new Map([['mor', 'given']]) }))).toBe('waiting');
  });

  it('takes effect on one answer when the profile says one', () => {
    expect(consentRequestStatus(facts({ requires: 'one', answers: new Map([['far', 'given']]) }))).toBe('in_effect');
  });

  it('is refused when anyone asked refuses, whatever the others said', () => {
    expect(consentRequestStatus(facts({ answers: new Map([['mor', 'given'], ['far', 'refused']]) }))).toBe('refused');
    expect(consentRequestStatus(facts({ requires: 'one', answers: new Map([['mor', 'refused'], ['far', 'given']]) }))).toBe('refused');
  });

  it('from selfConsentAge asks the youth alone: guardians neither may answer nor count', () => {
    const youth = facts({ askYouth: true, answers: new Map([['mor', 'refused']]) });
    expect(mayAnswer(youth, 'mor')).toBe(false);
    expect(mayAnswer(youth, 'ung')).toBe(true);
    expect(consentRequestStatus(youth)).toBe('waiting');
    expect(consentRequestStatus(facts({ askYouth: true, answers: new Map([['ung', 'given']]) }))).toBe('in_effect');
  });

  it('lets no unlinked person answer', () => {
    expect(mayAnswer(facts(), 'nabo')).toBe(false);
    expect(consentRequestStatus(facts({ answers: new Map([['nabo', 'refused'], ['mor', 'given'], ['far', 'given']]) }))).toBe('in_effect');
  });
});

describe('mayCitizenWithdraw', () => {
  const guardian = { relation: 'guardian' as const, parentalResponsibility: true, youthOfAge: true };
  const youth = (youthOfAge: boolean) => ({ relation: 'youth' as const, parentalResponsibility: false, youthOfAge });
  it("a guardian with parental responsibility withdraws the guardians' consent, never the youth's own", () => {
    expect(mayCitizenWithdraw(guardian, false)).toBe(true);
    expect(mayCitizenWithdraw(guardian, true)).toBe(false);
    expect(mayCitizenWithdraw({ ...guardian, parentalResponsibility: false }, false)).toBe(false);
  });
  it("the youth withdraws their own consent, and the guardians' only from selfConsentAge", () => {
    expect(mayCitizenWithdraw(youth(true), true)).toBe(true);
    expect(mayCitizenWithdraw(youth(true), false)).toBe(true);
    expect(mayCitizenWithdraw(youth(false), false)).toBe(false);
  });
});
