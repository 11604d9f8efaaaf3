import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import type { EventType } from '../labels';

/** A case event's form as the API describes it (GET /catalog/case-events): the same table its validation reads. */
export type EventFormSpec = Schemas['EventFormView'];
export type FieldSpec = Schemas['EventFieldView'];
export type Values = Record<string, unknown>;

export interface Address {
  line1: string;
  postalCode: string;
  postalPlace: string;
}
export interface GuardianDraft {
  name: string;
  relation: string;
  parentalResponsibility: boolean;
  phone: string;
}

export function useEventForms() {
  return useQuery({
    queryKey: ['catalog', 'case-events'],
    queryFn: async () => new Map((await unwrap(api.GET('/api/v1/catalog/case-events'))).map((form) => [form.type as EventType, form])),
    staleTime: Infinity,
  });
}

/** A `shownWhen`/`requiredWhen` condition: every named field has the value (an unset box is false). */
export function holds(condition: Record<string, string | boolean> | undefined, values: Values): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([name, wanted]) => (typeof wanted === 'boolean' ? Boolean(values[name]) === wanted : values[name] === wanted));
}

export const shownFields = (form: EventFormSpec, values: Values) => form.fields.filter((f) => holds(f.shownWhen, values));
export const isRequired = (field: FieldSpec, values: Values) => field.required || (field.requiredWhen !== undefined && holds(field.requiredWhen, values));

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The body of the fields shown; empty optional text, addresses and guardian rows are left out. */
export function payloadOf(form: EventFormSpec, values: Values): Schemas['CaseEventDto'] {
  const body: Record<string, unknown> = { type: form.type };
  for (const field of shownFields(form, values)) {
    const value = values[field.name];
    if (field.type === 'boolean') body[field.name] = Boolean(value);
    else if (field.type === 'address') {
      const a = value as Address | undefined;
      if (a && text(a.line1)) body[field.name] = { line1: text(a.line1), ...(text(a.postalCode) ? { postalCode: text(a.postalCode) } : {}), ...(text(a.postalPlace) ? { postalPlace: text(a.postalPlace) } : {}) };
    } else if (field.type === 'guardians') {
      const rows = ((value as GuardianDraft[] | undefined) ?? []).filter((g) => text(g.name));
      if (rows.length) body[field.name] = rows.map((g) => ({ name: text(g.name), relation: g.relation, parentalResponsibility: g.parentalResponsibility, ...(text(g.phone) ? { phone: text(g.phone) } : {}) }));
    } else if (text(value) !== '') body[field.name] = text(value);
  }
  return body as Schemas['CaseEventDto'];
}

/** A guardian's contact is a phone number only when it looks like one (the report takes phones). */
const PHONE = /^\+?[0-9][0-9 -]{3,}$/;

/** What the case already knows, for the fields that say `prefill`. */
export function prefilled(form: EventFormSpec, c: Schemas['CaseResponse'], unit: Schemas['UnitDto'] | undefined): Values {
  const values: Values = {};
  const address = (a: { line1: string; postalCode?: string; postalPlace?: string } | null | undefined): Address => ({
    line1: a?.line1 ?? '',
    postalCode: a?.postalCode ?? '',
    postalPlace: a?.postalPlace ?? '',
  });
  for (const field of form.fields) {
    if (field.prefill === 'child.address') values[field.name] = address(c.child.address);
    if (field.prefill === 'unit.address') values[field.name] = address(unit?.address);
    if (field.prefill === 'child.guardians') {
      const known = (c.child.guardians ?? []).map((g) => ({ name: g.name, relation: g.relation, parentalResponsibility: g.parentalResponsibility, phone: g.contact && PHONE.test(g.contact) ? g.contact : '' }));
      values[field.name] = known.length ? known : [emptyGuardian()];
    }
  }
  return values;
}

export const emptyGuardian = (): GuardianDraft => ({ name: '', relation: 'mor', parentalResponsibility: true, phone: '' });
