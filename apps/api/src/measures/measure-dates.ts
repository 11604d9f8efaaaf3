import { DateTime } from 'luxon';
import { OSLO } from '@app/domain';

export { isCalendarDate } from '../common/validators.js';

/** Today's date in Oslo (YYYY-MM-DD). */
export function osloToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: OSLO }).toISODate()!;
}

/** The moment an evaluation date's reminder is due: 08:00 Oslo time that day. */
export function evaluationMoment(date: string): Date {
  return DateTime.fromISO(date, { zone: OSLO }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
