import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { parseIsoDuration } from './durations.js';

export const OSLO = 'Europe/Oslo';

/** The start of a calendar day (`YYYY-MM-DD`, plus some days) in Oslo: when a date's deadline begins. */
export function startOfOsloDay(isoDate: string, plusDays = 0): Date {
  return DateTime.fromISO(isoDate, { zone: OSLO }).plus({ days: plusDays }).startOf('day').toJSDate();
}
const WORKDAY_START_HOUR = 8;
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

// Norwegian public holidays ('public' only: Christmas Eve and New Year's Eve are 'bank' and count
// as working days). Cached per year as ISO dates in Oslo time; date-holidays computes Easter.
const holidays = new Holidays('NO');
const cache = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(holidays.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    cache.set(year, set);
  }
  return set;
}

/** Whether the Oslo calendar day of `at` is a working day (Mon–Fri and not a public holiday). */
export function isWorkingDay(at: Date): boolean {
  return isWorkingDayOslo(DateTime.fromJSDate(at, { zone: OSLO }));
}

function isWorkingDayOslo(day: DateTime): boolean {
  if (day.weekday >= 6) return false;
  return !publicHolidays(day.year).has(day.toISODate() ?? '');
}

/**
 * `at` unchanged when it is on a working day; otherwise 08:00 Oslo on the next working day.
 * 08:00 is computed in Oslo wall time, so summer-time changes do not shift it.
 */
export function onWorkingDay(at: Date): Date {
  let day = DateTime.fromJSDate(at, { zone: OSLO });
  if (isWorkingDayOslo(day)) return at;
  do {
    day = day.plus({ days: 1 }).startOf('day');
  } while (!isWorkingDayOslo(day));
  return day.set({ hour: WORKDAY_START_HOUR }).toJSDate();
}

/**
 * When a reminder of `isoDuration` from `now` is due. Calendar units are added in Oslo wall time
 * (P1D across a summer-time change is the same clock time the next day, not 24 h).
 * Durations of a day or longer — total length >= 24 h, so PT24H counts — land on a working day
 * (see `onWorkingDay`); shorter ones (tests use seconds) stay exact.
 */
export function dueAfter(now: Date, isoDuration: string): Date {
  const duration = parseIsoDuration(isoDuration);
  const due = DateTime.fromJSDate(now, { zone: OSLO }).plus(duration).toJSDate();
  return duration.toMillis() >= ONE_DAY_MS ? onWorkingDay(due) : due;
}

/** Like dueAfter but backwards (consent expiry warnings). Day-or-longer results still move forward to a working day. */
export function dueBefore(at: Date, isoDuration: string): Date {
  const duration = parseIsoDuration(isoDuration);
  const due = DateTime.fromJSDate(at, { zone: OSLO }).minus(duration).toJSDate();
  return duration.toMillis() >= ONE_DAY_MS ? onWorkingDay(due) : due;
}

/** `now` plus `isoDuration` in Oslo wall time, never moved to a working day (the safety path). */
export function dueAfterClock(now: Date, isoDuration: string): Date {
  return DateTime.fromJSDate(now, { zone: OSLO }).plus(parseIsoDuration(isoDuration)).toJSDate();
}
