import type { FieldError } from './refusal.js';

/**
 * The child's and the guardians' voice (DESIGN 8.5; barnekonvensjonen art. 12, barnelova § 31):
 * the child is heard at the latest from 7; from 12 the view carries great weight, so how it was
 * weighed is recorded too.
 */
export const CHILD_HEARD_FROM_AGE = 7;
export const CHILD_VIEW_WEIGHED_FROM_AGE = 12;

export interface VoiceFields {
  childHeard?: unknown;
  childView?: unknown;
  reasonChildNotHeard?: unknown;
  childViewWeight?: unknown;
}

/** One record of the child's voice, as the case response shows the latest (`childVoice`). */
export interface ChildVoice {
  heard: boolean | null;
  view: string | null;
  reasonNotHeard: string | null;
  weight: string | null;
}

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** Missing fields of `complete_assessment` for a child of `age`, each named; [] when complete. */
export function missingVoiceFields(e: VoiceFields, age: number | undefined): FieldError[] {
  if (age === undefined || age < CHILD_HEARD_FROM_AGE) return [];
  if (typeof e.childHeard !== 'boolean') {
    return [{ field: 'childHeard', message: `Oppgi om barnet er hørt (barn fra ${CHILD_HEARD_FROM_AGE} år).` }];
  }
  const errors: FieldError[] = [];
  if (e.childHeard && !filled(e.childView)) errors.push({ field: 'childView', message: 'Skriv barnets syn.' });
  if (!e.childHeard && !filled(e.reasonChildNotHeard)) errors.push({ field: 'reasonChildNotHeard', message: 'Skriv hvorfor barnet ikke er hørt.' });
  if (e.childHeard && age >= CHILD_VIEW_WEIGHED_FROM_AGE && !filled(e.childViewWeight)) {
    errors.push({ field: 'childViewWeight', message: `Skriv hvordan barnets syn er vektlagt (barn fra ${CHILD_VIEW_WEIGHED_FROM_AGE} år).` });
  }
  return errors;
}

/** The voice record an event carries, or null when it says nothing about the child's voice. */
export function childVoiceOf(e: VoiceFields): ChildVoice | null {
  const text = (v: unknown) => (filled(v) ? (v as string).trim() : null);
  const view = text(e.childView);
  const heard = typeof e.childHeard === 'boolean' ? e.childHeard : view !== null ? true : null;
  if (heard === null && view === null && text(e.reasonChildNotHeard) === null) return null;
  return { heard, view, reasonNotHeard: text(e.reasonChildNotHeard), weight: text(e.childViewWeight) };
}
