import type { AdminChangeDetail } from '../audit/audit-trail.service.js';

/**
 * The audit detail of a change to `target`: the named fields before and after. Fields in
 * `personal` (names, e-mail, the identity provider's subject) are recorded only as changed or not,
 * never their values (DESIGN 12.7: ids only, no personal data).
 */
export function changeDetail<T extends object>(
  target: { type: string; id: string },
  before: T | null,
  after: T | null,
  fields: readonly (keyof T & string)[],
  personal: readonly (keyof T & string)[] = [],
): AdminChangeDetail {
  const pick = (row: T | null, other: T | null) => {
    if (!row) return null;
    const out: Record<string, unknown> = {};
    for (const f of fields) out[f] = row[f] ?? null;
    for (const f of personal) out[f] = other && row[f] === other[f] ? 'uendret' : 'endret';
    return out;
  };
  return { target, before: pick(before, after), after: pick(after, before) };
}

/** The fields a PATCH body gives (a DTO instance declares every field, undefined when absent). */
export function given<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A user's audited fields: the values of these, and only whether these `personal` ones changed (the username names the person too). */
export const USER_FIELDS = ['service', 'active'] as const;
export const USER_PERSONAL = ['username', 'displayName', 'email', 'externalSubject'] as const;
