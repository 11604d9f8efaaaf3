import { evaluationMoment, isCalendarDate, osloToday } from './measure-dates.js';

describe('measure dates', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-2-1', false],
    ['tomorrow', false],
    [20250101, false],
  ])('isCalendarDate(%p) → %p', (value, ok) => expect(isCalendarDate(value)).toBe(ok));

  it('the evaluation reminder is due at 08:00 Oslo time, summer or winter', () => {
    expect(evaluationMoment('2025-01-15').toISOString()).toBe('2025-01-15T07:00:00.000Z');
    expect(evaluationMoment('2025-07-15').toISOString()).toBe('2025-07-15T06:00:00.000Z');
  });

  it("today is Oslo's date (23:30 UTC on 31 Dec is already New Year's Day)", () => {
    expect(osloToday(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
  });
});
