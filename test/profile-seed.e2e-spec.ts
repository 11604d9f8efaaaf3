import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createMigratorDataSource, seedMunicipality } from '@app/persistence';
import type { ReferenceProfile } from '@app/platform';
import { logins, prepareDatabase } from './harness/test-app.js';

jest.setTimeout(60_000);

/**
 * DESIGN 12.8.3: the seed inserts version 1 only where none exists and never changes a version;
 * repository JSON that changed is imported as a draft for the admin to review and publish.
 */
describe('the seed and profile versions', () => {
  let ds: DataSource;
  const code = `seed_${randomUUID().slice(0, 8)}`;
  const profile = (decisionDue: string): ReferenceProfile => ({ code, name: 'Frøprøve kommune', routes: ['own_unit'], reminders: { REMINDER_DECISION_DUE: decisionDue }, selfConsentAge: 16 }) as ReferenceProfile;
  const seed = (p: ReferenceProfile) => ds.transaction((em) => seedMunicipality(em, p));
  const versions = async () =>
    (await ds.query(
      `SELECT v.version, v.document->'reminders'->>'REMINDER_DECISION_DUE' AS due, v."publishedAt" IS NOT NULL AS published
         FROM municipality_profile_version v JOIN municipality m ON m.id = v."municipalityId" WHERE m.code = $1 ORDER BY v.version`,
      [code],
    )) as { version: number; due: string; published: boolean }[];

  beforeAll(async () => {
    await prepareDatabase();
    ds = await createMigratorDataSource(logins.migrator).initialize();
  });
  afterAll(() => ds?.destroy());

  it('imports changed JSON as a draft, never changes a version, and waits while the admin has a draft', async () => {
    await seed(profile('P14D'));
    expect(await versions()).toEqual([{ version: 1, due: 'P14D', published: true }]);
    await seed(profile('P14D'));
    expect(await versions()).toEqual([{ version: 1, due: 'P14D', published: true }]);

    // The repository's JSON changed: a draft, not a publication.
    await seed(profile('P10D'));
    expect(await versions()).toEqual([
      { version: 1, due: 'P14D', published: true },
      { version: 2, due: 'P10D', published: false },
    ]);
    const [{ municipalityId }] = await ds.query(`SELECT id AS "municipalityId" FROM municipality WHERE code = $1`, [code]);
    const imported = await ds.query(`SELECT "actorUsername", detail FROM audit_event WHERE action = 'admin.profile.import' AND "municipalityId" = $1`, [municipalityId]);
    expect(imported).toEqual([{ actorUsername: 'system', detail: { target: { type: 'profile', id: municipalityId }, before: null, after: { version: 2 } } }]);

    // The admin edits the draft to 7 days; the JSON changes again meanwhile: the admin's draft stays.
    await ds.query(`UPDATE municipality_profile_version SET document = jsonb_set(document, '{reminders,REMINDER_DECISION_DUE}', '"P7D"') WHERE "municipalityId" = $1 AND version = 2`, [municipalityId]);
    await seed(profile('P21D'));
    expect((await versions()).map((v) => v.due)).toEqual(['P14D', 'P7D']);

    // Once the admin has published, the waiting JSON arrives as the next draft.
    await ds.query(`UPDATE municipality_profile_version SET "publishedAt" = now() WHERE "municipalityId" = $1 AND version = 2`, [municipalityId]);
    await seed(profile('P21D'));
    expect(await versions()).toEqual([
      { version: 1, due: 'P14D', published: true },
      { version: 2, due: 'P7D', published: true },
      { version: 3, due: 'P21D', published: false },
    ]);
  });

  it('JSON that did not change never brings back what the admin has published instead', async () => {
    const other = { ...profile('P14D'), code: `${code}b` } as ReferenceProfile;
    await ds.transaction((em) => seedMunicipality(em, other));
    const [{ id }] = await ds.query(`SELECT id FROM municipality WHERE code = $1`, [other.code]);
    await ds.query(
      `INSERT INTO municipality_profile_version ("municipalityId", version, document, "publishedAt")
       SELECT "municipalityId", 2, jsonb_set(document, '{reminders,REMINDER_DECISION_DUE}', '"P7D"'), now() FROM municipality_profile_version WHERE "municipalityId" = $1 AND version = 1`,
      [id],
    );
    await ds.transaction((em) => seedMunicipality(em, other));
    const rows = await ds.query(`SELECT version, "publishedAt" IS NOT NULL AS published FROM municipality_profile_version WHERE "municipalityId" = $1 ORDER BY version`, [id]);
    expect(rows).toEqual([{ version: 1, published: true }, { version: 2, published: true }]);
  });
});
