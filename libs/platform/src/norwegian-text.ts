import { DateTime } from 'luxon';
import { loadReferenceData } from './reference-data.js';

/** A calendar date (YYYY-MM-DD) as Norwegians write it in running text: «30. november 2026». */
export function norwegianDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'Europe/Oslo' }).setLocale('nb').toFormat('d. MMMM yyyy');
}

/** An instant in Oslo time: «30. november 2026 kl. 15.40». */
export function norwegianDateTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: 'Europe/Oslo' }).setLocale('nb').toFormat("d. MMMM yyyy 'kl.' HH.mm");
}

/** Service codes (services.json) by their bokmål names, for log texts: never a code on screen. */
export function serviceNames(codes: readonly string[]): string {
  const names = new Map(loadReferenceData().services.map((s) => [s.code, s.nb]));
  return codes.map((code) => names.get(code) ?? code).join(', ');
}
