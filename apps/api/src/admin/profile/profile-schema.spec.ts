import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REMINDER_ENV_VARS } from '@app/domain';
import { bundledReferenceDataDir, loadReferenceData } from '@app/platform';
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

  it('knows exactly the reminder variables the domain knows', () => {
    const schema = JSON.parse(readFileSync(path.join(bundledReferenceDataDir(), 'municipality-profile.schema.json'), 'utf8'));
    expect([...schema.properties.reminders.propertyNames.enum].sort()).toEqual(Object.values(REMINDER_ENV_VARS).sort());
  });

  it('names a missing required member', () => {
    expect(validateProfileDocument({})).toEqual([{ pointer: '/routes', message: expect.stringContaining('routes') }]);
  });
});
