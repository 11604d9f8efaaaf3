import { loadReferenceData } from '@app/platform';
import { validateProfileDocument } from './profile-schema.js';

describe('the profile JSON Schema', () => {
  it('accepts every profile shipped in municipalities.json (without code and name)', () => {
    for (const { code: _code, name: _name, ...document } of loadReferenceData().municipalities) {
      expect(validateProfileDocument(document)).toEqual([]);
    }
  });

  it('lists every error with its pointer, in bokmål', () => {
    const errors = validateProfileDocument({
      routes: ['own_unit', 'teleport'],
      selfConsentAge: 14,
      reminders: { REMINDER_ASSESSMENT_DUE: 'two weeks', REMINDER_NOPE: 'P1D' },
      municipalityNumber: '12',
      colour: 'blue',
    });
    const pointers = errors.map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/routes/1', '/selfConsentAge', '/reminders/REMINDER_ASSESSMENT_DUE', '/reminders/REMINDER_NOPE', '/municipalityNumber', '/colour']),
    );
    expect(errors.find((e) => e.pointer === '/municipalityNumber')?.message).toMatch(/må/);
  });

  it('names a missing required member', () => {
    expect(validateProfileDocument({})).toEqual([{ pointer: '/routes', message: expect.stringContaining('routes') }]);
  });
});
