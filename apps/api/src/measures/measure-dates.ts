import { DateTime } from 'luxon';
import { OSLO } from '@app/domain';

/** True for an existing calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = DateTime.fromISO(value, { zone: 'UTC' });
  return d.isValid && d.toISODate() === value && value >= '1900-01-01' && value <= '2999-12-31';
}

/** Today's date in Oslo (YYYY-MM-DD). */
export function osloToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: OSLO }).toISODate()!;
}

/** The moment an evaluation date's reminder is due: 08:00 Oslo time that day. */
export function evaluationMoment(date: string): Date {
  return DateTime.fromISO(date, { zone: OSLO }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
