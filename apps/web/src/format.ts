// Dates and counts as Norwegians write them (DESIGN 12.1): «30. november 2026 kl. 15.40», «1 hendelse», «2 hendelser».

const OSLO = 'Europe/Oslo';
const dayFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: OSLO, day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: OSLO, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const weekdayFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: OSLO, weekday: 'long' });
const isoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: OSLO });

/** «30. november 2026» */
export const longDate = (iso: string | Date) => dayFormat.format(new Date(iso));

/** «30. november 2026 kl. 15.40» */
export const longDateTime = (iso: string | Date) => `${longDate(iso)} kl. ${timeFormat.format(new Date(iso)).replace(':', '.')}`;

/** The Oslo day of an instant, `2026-11-30`: for grouping by day. */
export const osloDay = (iso: string | Date) => isoDay.format(new Date(iso));

/** The calendar day before `2026-03-30`: by the calendar, not 24 hours back (a DST day has 23 or 25). */
function dayBefore(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** «I dag», «I går», or «mandag 30. november 2026». */
export function dayHeading(day: string, now = new Date()): string {
  if (day === osloDay(now)) return 'I dag';
  if (day === dayBefore(osloDay(now))) return 'I går';
  const noon = new Date(`${day}T12:00:00Z`);
  const weekday = weekdayFormat.format(noon);
  return `${weekday[0].toUpperCase()}${weekday.slice(1)} ${longDate(noon)}`;
}

/** «1 hendelse», «2 hendelser», «0 hendelser». */
export const count = (n: number, one: string, many: string) => `${n.toLocaleString('nb-NO')} ${n === 1 ? one : many}`;
