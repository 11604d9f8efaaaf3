import { describe, expect, it } from '@jest/globals';
import { dayHeading } from './format';

describe('dayHeading (Europe/Oslo)', () => {
  it('says «I går» for the calendar day before, also just after the 23-hour day when summer time starts', () => {
    const mondayAfterDst = new Date('2026-03-30T00:30:00+02:00');
    expect(dayHeading('2026-03-29', mondayAfterDst)).toBe('I går');
    expect(dayHeading('2026-03-30', mondayAfterDst)).toBe('I dag');
    expect(dayHeading('2026-03-28', mondayAfterDst)).toBe('Lørdag 28. mars 2026');
  });

  it('says «I går» in the last hour of the 25-hour day when summer time ends', () => {
    const lateSunday = new Date('2026-10-25T23:30:00+01:00');
    expect(dayHeading('2026-10-24', lateSunday)).toBe('I går');
    expect(dayHeading('2026-10-25', lateSunday)).toBe('I dag');
  });
});
