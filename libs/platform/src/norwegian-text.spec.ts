import { norwegianDate, serviceNames } from './norwegian-text.js';

describe('Norwegian text in log entries', () => {
  it('writes a calendar date as Norwegians do', () => {
    expect(norwegianDate('2026-11-30')).toBe('30. november 2026');
    expect(norwegianDate('2027-01-05')).toBe('5. januar 2027');
  });

  it('names services in bokmål', () => {
    expect(serviceNames(['tfa', 'ppt'])).toBe('TFA (tverrfaglig arena), Pedagogisk-psykologisk tjeneste (PPT)');
  });
});
