import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { EVENT_TYPES } from '@app/domain';
import { CaseEventDto } from './case-event.dto.js';
import { EVENT_FIELDS, EVENT_FORMS } from './event-forms.js';

/** The fields class-validator refuses for `body` (top-level names). */
const refused = (body: Record<string, unknown>) => validateSync(plainToInstance(CaseEventDto, body)).map((e) => e.property);

describe('the case events\' one description (EVENT_FORMS)', () => {
  const validated = new Set(getMetadataStorage().getTargetValidationMetadatas(CaseEventDto, '', true, false).map((m) => m.propertyName));

  it('names only fields the request DTO validates, each with a bokmål label', () => {
    for (const type of EVENT_TYPES) {
      expect(EVENT_FORMS[type].type).toBe(type);
      for (const field of EVENT_FORMS[type].fields) {
        expect({ type, field: field.name, validated: validated.has(field.name) }).toEqual({ type, field: field.name, validated: true });
        expect(field.label).toMatch(/^[A-ZÆØÅ]/);
        if (field.type === 'choice') expect(field.values?.length).toBeGreaterThan(0);
      }
    }
  });

  it('is what the request validation requires: each required field is refused when missing, and no other', () => {
    for (const type of EVENT_TYPES) {
      const required = EVENT_FORMS[type].fields.filter((f) => f.required).map((f) => f.name);
      expect({ type, refused: refused({ type }).sort() }).toEqual({ type, refused: [...required].sort() });
    }
  });

  it('is the allowed-field list: a field of another event is not among an event\'s fields', () => {
    expect(EVENT_FIELDS.start_assessment).toEqual([]);
    expect(EVENT_FIELDS.report_to_child_welfare).toEqual(expect.arrayContaining(['childAddress', 'guardians', 'unitAddress', 'reporterPhone']));
    expect(EVENT_FIELDS.decline_handover).toEqual(['reason']);
  });

  it('refuses a well-formed type of the wrong value in a field an event does not require (sent means checked)', () => {
    expect(refused({ type: 'evaluate', outcome: 'continue', note: 'Ok.', route: 'nowhere' })).toEqual(['route']);
    expect(refused({ type: 'reject_transfer', reason: '' })).toEqual(['reason']);
  });
});
