import { norwegianDate, norwegianDateTime, serviceNames } from './norwegian-text.js';

describe('Norwegian text in log entries', () => {
  it('writes a calendar date as Norwegians do', () => {
    expect(norwegianDate('2026-11-30')).toBe('30. november 2026');
    expect(norwegianDate('2027-01-05')).toBe('5. januar 2027');
    expect(norwegianDateTime(new Date('2026-11-30T14:40:00Z'))).toBe('30. november 2026 kl. 15.40');
    expect(norwegianDateTime(new Date('2026-07-01T06:05:00Z'))).toBe('1. juli 2026 kl. 08.05');
  });

  it('names services in bokmål', () => {
    expect(serviceNames(['tfa', 'ppt'])).toBe('TFA (tverrfaglig arena), Pedagogisk-psykologisk tjeneste (PPT)');
  });
});
