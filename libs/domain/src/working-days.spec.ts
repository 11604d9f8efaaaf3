import { dueAfter, dueBefore, isWorkingDay, onWorkingDay } from './working-days.js';

const utc = (iso: string) => new Date(iso);

describe('dueAfter: day-or-longer reminders land on a working day', () => {
  it('17 May moves to the next working day 08:00 Oslo', () => {
    // Wed 10 May 2028 12:00 Oslo + 7 days = Wed 17 May (Grunnlovsdag) → Thu 18 May 08:00 CEST.
    expect(dueAfter(utc('2028-05-10T10:00:00Z'), 'P7D')).toEqual(utc('2028-05-18T06:00:00Z'));
  });
  it('Easter Monday 2027-03-29 moves to Tuesday 08:00, across the spring summer-time change', () => {
    // Mon 22 March 10:00 CET + 7 days = Mon 29 March 10:00 CEST (Andre påskedag).
    expect(dueAfter(utc('2027-03-22T09:00:00Z'), 'P7D')).toEqual(utc('2027-03-30T06:00:00Z'));
  });
  it('Maundy Thursday and Good Friday run on to Tuesday after Easter', () => {
    expect(dueAfter(utc('2027-03-22T09:00:00Z'), 'P3D')).toEqual(utc('2027-03-30T06:00:00Z'));
  });
  it('a Saturday moves to Monday 08:00', () => {
    // Wed 10 March 2027 11:00 CET + 3 days = Sat 13 March → Mon 15 March 08:00 CET.
    expect(dueAfter(utc('2027-03-10T10:00:00Z'), 'P3D')).toEqual(utc('2027-03-15T07:00:00Z'));
  });
  it('a Sunday at the autumn summer-time change moves to Monday 08:00 CET', () => {
    // Sat 30 Oct 2027 12:00 CEST + 1 day = Sun 31 Oct (clocks go back that night) → Mon 1 Nov 08:00 CET.
    expect(dueAfter(utc('2027-10-30T10:00:00Z'), 'P1D')).toEqual(utc('2027-11-01T07:00:00Z'));
  });
  it('keeps Oslo wall-clock time across the autumn change on a working day', () => {
    // Wed 27 Oct 12:00 CEST + 7 days = Wed 3 Nov 12:00 CET (11:00Z, i.e. 7 days + 1 hour).
    expect(dueAfter(utc('2027-10-27T10:00:00Z'), 'P7D')).toEqual(utc('2027-11-03T11:00:00Z'));
  });
  it('keeps a working-day due time exact', () => {
    expect(dueAfter(utc('2027-03-08T13:37:00Z'), 'P2D')).toEqual(utc('2027-03-10T13:37:00Z'));
  });
  it('PT24H counts as a day: Friday + 24h = Saturday → Monday 08:00', () => {
    expect(dueAfter(utc('2027-03-12T10:00:00Z'), 'PT24H')).toEqual(utc('2027-03-15T07:00:00Z'));
  });
  it('PT3S stays exact even on a Saturday', () => {
    expect(dueAfter(utc('2027-03-13T10:00:00Z'), 'PT3S')).toEqual(utc('2027-03-13T10:00:03Z'));
  });
  it('PT23H stays exact into a weekend', () => {
    expect(dueAfter(utc('2027-03-12T10:00:00Z'), 'PT23H')).toEqual(utc('2027-03-13T09:00:00Z'));
  });
  it('rejects an invalid duration', () => {
    expect(() => dueAfter(utc('2027-03-12T10:00:00Z'), '7 days')).toThrow(/Invalid/);
  });
});

describe('isWorkingDay and onWorkingDay', () => {
  it('uses the Oslo calendar day, not UTC', () => {
    expect(isWorkingDay(utc('2028-05-16T21:30:00Z'))).toBe(true); // 16 May 23:30 Oslo
    expect(isWorkingDay(utc('2028-05-16T22:30:00Z'))).toBe(false); // 17 May 00:30 Oslo
  });
  it('Christmas Eve (a bank holiday, not public) is a working day; Christmas Day is not', () => {
    expect(isWorkingDay(utc('2027-12-24T09:00:00Z'))).toBe(true);
    expect(onWorkingDay(utc('2027-12-25T09:00:00Z'))).toEqual(utc('2027-12-27T07:00:00Z'));
  });
  it('Ascension Day and Whit Monday are holidays (Easter-based)', () => {
    expect(isWorkingDay(utc('2027-05-06T09:00:00Z'))).toBe(false);
    expect(isWorkingDay(utc('2028-06-05T09:00:00Z'))).toBe(false);
  });
});

describe('dueBefore', () => {
  it('subtracts in Oslo time and moves off a weekend', () => {
    // 14 April 2027 00:00 CEST − 30 days = 15 March 00:00 CET (a Monday, working day).
    expect(dueBefore(utc('2027-04-13T22:00:00Z'), 'P30D')).toEqual(utc('2027-03-14T23:00:00Z'));
    // 15 May 00:00 CEST − 30 days = Thu 15 April: working day.
    expect(isWorkingDay(dueBefore(utc('2027-05-14T22:00:00Z'), 'P30D'))).toBe(true);
  });
});
