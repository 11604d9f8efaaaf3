// The report to child welfare as KS Fiks "offentlig bekymringsmelding" v2 (DESIGN 8.9): recorded
// with the event, read as JSON that the schema accepts, printed as HTML, behind the case's access
// rules and the audit trail.
import { readFileSync } from 'node:fs';
import Ajv2019Module from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { DataSource } from 'typeorm';
import { createDataSource } from '@app/persistence';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { logConcern, sendEvent } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** The test's own validator, compiled from the repository's copy of the KS schema: it does not trust the app's. */
function schemaValidator() {
  const Ajv2019 = ((Ajv2019Module as unknown as { default?: unknown }).default ?? Ajv2019Module) as typeof Ajv2019Module.default;
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;
  const read = (file: string) => JSON.parse(readFileSync(new URL(`../libs/reference-data/fiks-bekymringsmelding/${file}`, import.meta.url), 'utf8'));
  const ajv = new Ajv2019({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addSchema(read('adresse.json'), 'https://fiks.ks.no/adresse.json');
  const validate = ajv.compile(read('offentlig.bekymringsmelding.v2.json'));
  return (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

const HEALTH_NURSE = 'helga.helsesykepleier.test';

describe('report to child welfare (KS Fiks offentlig bekymringsmelding v2)', () => {
  let t: TestApp;
  let db: DataSource;
  const validate = schemaValidator();

  beforeAll(async () => {
    t = await startTestApp({}, { login: 'test-issuer' });
    db = await createDataSource(process.env.DATABASE_URL!).initialize();
    // No demo user works at the health station: a health nurse for these tests.
    const [unit] = await db.query(`SELECT id, "municipalityId" FROM unit WHERE code = 'helsestasjon-sentrum'`);
    await db.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, 'Helga Helsesykepleier') ON CONFLICT (username) DO NOTHING`, [
      unit.municipalityId,
      HEALTH_NURSE,
    ]);
    await db.query(
      `INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") SELECT id, 'staff', 'unit', $2 FROM app_user WHERE username = $1 ON CONFLICT DO NOTHING`,
      [HEALTH_NURSE, unit.id],
    );
  }, 60_000);
  afterAll(async () => {
    await db.destroy();
    await t.close();
  });

  const get = async (username: string, path: string) => t.http.get(`/api/v1/cases/${path}`).set(await t.auth(username));

  describe('the document validates against the v2 schema', () => {
    const scenarios = [
      {
        name: 'a kindergarten case with national id, guardians informed, address recorded with the case',
        username: 'kari.ansatt',
        unit: 'solsiden-bhg',
        child: { address: { line1: 'Solbakken 4', postalCode: '4612', postalPlace: 'Demo' } },
        event: { childAddress: undefined },
        expect: { fnr: '13097248022', orientert: true, virksomhet: 'Solsiden barnehage', adresselinje1: 'Solbakken 4' },
      },
      {
        name: 'a school case without national id, guardians not informed, reported by phone',
        username: 'nina.ansatt',
        unit: 'bakken-skole',
        child: { birthDate: '2016-01-10', nationalId: undefined },
        event: { guardiansInformed: false, reasonGuardiansNotInformed: 'Mistanke om vold i hjemmet; barnevernet gir råd først.', channel: 'phone', childInformed: false, reasonChildNotInformed: 'Barnet er for redd.' },
        expect: { fnr: '', orientert: false, virksomhet: 'Bakken skole', adresselinje1: 'Bakkegata 3' },
      },
      {
        name: 'a health-station case without national id, guardians not informed, to the barnevernvakt',
        username: HEALTH_NURSE,
        unit: 'helsestasjon-sentrum',
        child: { birthDate: '2025-06-01', nationalId: undefined },
        event: { guardiansInformed: false, reasonGuardiansNotInformed: 'Utenfor kontortid; barnevernvakten varslet.', channel: 'barnevernvakt', reporterRole: 'Helsesykepleier' },
        expect: { fnr: '', orientert: false, virksomhet: 'Helsestasjon Sentrum', adresselinje1: 'Bakkegata 3' },
      },
      {
        name: 'a health-station case with national id, guardians informed',
        username: HEALTH_NURSE,
        unit: 'helsestasjon-sentrum',
        child: { nationalId: '13097248022' },
        event: { reference: 'BV-2026-117' },
        expect: { fnr: '13097248022', orientert: true, virksomhet: 'Helsestasjon Sentrum', adresselinje1: 'Bakkegata 3' },
      },
    ];

    it.each(scenarios)('$name', async (s) => {
      const created = await logConcern(t, s.username, s.unit, { child: s.child });
      const res = await sendEvent(t, s.username, created.id, reportEvent(s.event));
      expect(res.status).toBe(200);
      expect(res.body.childWelfareReportId).toEqual(expect.any(String));
      expect(res.body.childWelfareReportedAt).not.toBeNull();

      const doc = await get(s.username, `${created.id}/child-welfare-reports/${res.body.childWelfareReportId}`);
      expect(doc.status).toBe(200);
      expect(doc.headers['cache-control']).toBe('no-store');
      expect(validate(doc.body)).toEqual([]);
      expect(doc.body).toMatchObject({
        kommunenummer: '0000',
        kommunenavn: 'Demo kommune',
        bydelsnummer: '00',
        offentligMelder: { telefonnummer: '+47 912 34 567', epost: 'ansatt@demo.kommune.no', virksomhet: { navn: s.expect.virksomhet } },
        offentligBarn: [{ fnr: s.expect.fnr, ufoedt: false, personnavn: 'Emma Testesen', adresse: { adresselinje1: s.expect.adresselinje1 } }],
        foresatte: [{ personnavn: 'Mor Testesen', orientert: s.expect.orientert }],
        leveringskanal: s.expect.virksomhet,
      });
      expect(doc.body.melding.melding).toContain('Barnet har blåmerker på armene');
      expect(doc.body.melding.melding).toContain('Barnet har sluttet å spise lunsj og virker trist.');
      expect(doc.body.melding.historie).toContain('Bekymring registrert.');
      if (!s.expect.orientert) expect(doc.body.foresatte[0].orientertGrunn).toBe((s.event as { reasonGuardiansNotInformed: string }).reasonGuardiansNotInformed);
      if (!s.expect.fnr) expect(doc.body.melding.melding).toContain('Fødselsnummer er ikke registrert i saken.');
    });
  });

  it('the test validator bites: a field the schema refuses fails validation', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const res = await sendEvent(t, 'kari.ansatt', created.id, reportEvent());
    const doc = (await get('kari.ansatt', `${created.id}/child-welfare-reports/${res.body.childWelfareReportId}`)).body;
    expect(validate(doc)).toEqual([]);
    expect(validate({ ...doc, offentligMelder: { ...doc.offentligMelder, telefonnummer: 'ring meg' } })).toEqual([
      expect.stringContaining('/offentligMelder/telefonnummer must match pattern'),
    ]);
    expect(validate({ ...doc, bydelsnummer: '0' })).toEqual([expect.stringContaining('/bydelsnummer must match pattern')]);
    expect(validate({ ...doc, foresatte: [] })).toEqual([expect.stringContaining('/foresatte must NOT have fewer than 1 items')]);
    const { melding: _dropped, ...withoutMessage } = doc;
    expect(validate(withoutMessage)).toEqual([expect.stringContaining("must have required property 'melding'")]);
  });

  it('lists the reports and prints one as a bokmål page', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const first = await sendEvent(t, 'kari.ansatt', created.id, reportEvent({ channel: 'phone' }));
    const second = await sendEvent(t, 'ola.leder', created.id, reportEvent({ grounds: 'Ny hendelse.', reference: 'BV-1' }));
    const list = await get('ola.leder', `${created.id}/child-welfare-reports`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      total: 2,
      items: [
        expect.objectContaining({ id: first.body.childWelfareReportId, status: 'recorded', channel: 'phone', reference: null, schema: 'no.ks.fiks.bekymringsmelding.offentlig.v2', sentAt: null }),
        expect.objectContaining({ id: second.body.childWelfareReportId, status: 'recorded', channel: 'digital', reference: 'BV-1', guardiansInformed: true }),
      ],
    });
    const page = await get('kari.ansatt', `${created.id}/child-welfare-reports/${first.body.childWelfareReportId}/document`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<html lang="nb">');
    expect(page.text).toContain('Bekymringsmelding til barnevernet');
    expect(page.text).toContain('Emma Testesen');
    expect(page.text).toContain('<dt>Kanal</dt><dd>telefon</dd>');
    expect(page.text).toContain('@media print');
  });

  it('asks for each fact the schema requires and the case lacks (400), and writes nothing', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { guardians: [] } });
    const res = await sendEvent(t, 'kari.ansatt', created.id, {
      type: 'report_to_child_welfare',
      grounds: 'Blåmerker.',
      guardiansInformed: false,
      reasonGuardiansNotInformed: 'Mistanke om vold.',
      channel: 'digital',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    // Kari's e-mail is registered on her user, so it is not asked for.
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['reporterPhone', 'childAddress', 'childInformed', 'guardians']);
    expect(JSON.stringify(res.body)).not.toContain('Emma');
    const after = await get('kari.ansatt', created.id);
    expect([after.body.version, after.body.childWelfareReportedAt]).toEqual([created.version, null]);
    expect((await get('kari.ansatt', `${created.id}/child-welfare-reports`)).body.total).toBe(0);

    // Supplied in the payload, the same report is recorded.
    const ok = await sendEvent(t, 'kari.ansatt', created.id, reportEvent({ reporterEmail: undefined, guardians: [{ name: 'Far Testesen', relation: 'far', parentalResponsibility: true, phone: '98765432' }] }));
    expect(ok.status).toBe(200);
    const doc = await get('kari.ansatt', `${created.id}/child-welfare-reports/${ok.body.childWelfareReportId}`);
    expect(doc.body.foresatte).toEqual([{ personnavn: 'Far Testesen', telefonnummer: '98765432', orientert: true }]);
    const [kari] = await db.query(`SELECT email FROM app_user WHERE username = 'kari.ansatt'`);
    expect(doc.body.offentligMelder.epost).toBe(kari.email);

    // A user without a registered e-mail is asked for one.
    const nurseCase = await logConcern(t, HEALTH_NURSE, 'helsestasjon-sentrum');
    const noEmail = await sendEvent(t, HEALTH_NURSE, nurseCase.id, reportEvent({ reporterEmail: undefined }));
    expect([noEmail.status, noEmail.body.errors?.map((e: { field: string }) => e.field)]).toEqual([400, ['reporterEmail']]);
  });

  it('refuses a payload value the schema would refuse, naming the field', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const res = await sendEvent(t, 'kari.ansatt', created.id, reportEvent({ reporterPhone: 'ring meg', reporterEmail: 'ikke-epost', channel: 'fax', childAddress: { line1: 'To\nlinjer' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'childAddress.line1', 'reporterEmail', 'reporterPhone']);
  });

  it('follows the case access rules: another unit and a colleague not on the case get 404', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const reportId = (await sendEvent(t, 'kari.ansatt', created.id, reportEvent())).body.childWelfareReportId;
    for (const username of ['nina.ansatt', 'berit.leder', HEALTH_NURSE]) {
      for (const path of [`${created.id}/child-welfare-reports`, `${created.id}/child-welfare-reports/${reportId}`, `${created.id}/child-welfare-reports/${reportId}/document`]) {
        const res = await get(username, path);
        expect([username, path, res.status]).toEqual([username, path, 404]);
        expect(JSON.stringify(res.body)).not.toContain('Emma');
      }
    }
    // A report id of another case is not found through this one.
    const other = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    expect((await get('kari.ansatt', `${other.id}/child-welfare-reports/${reportId}`)).status).toBe(404);
    expect((await get('kari.ansatt', `${other.id}/child-welfare-reports/not-a-uuid`)).status).toBe(404);
  });

  it('an anonymised view of the case (the team consulting without identity) may not read the report: 403', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const reportId = (await sendEvent(t, 'kari.ansatt', created.id, reportEvent())).body.childWelfareReportId;
    // The case as an anonymous consultation with the cluster's team leaves it (set directly: this test is about reading).
    await db.query(`UPDATE bti_case SET status = 'acting', route = 'interdisciplinary_team', level = 2, anonymous = true WHERE id = $1`, [created.id]);
    expect((await get('per.ppt', created.id)).body.view).toBe('anonymised');
    for (const path of [`${created.id}/child-welfare-reports`, `${created.id}/child-welfare-reports/${reportId}`, `${created.id}/child-welfare-reports/${reportId}/document`]) {
      const res = await get('per.ppt', path);
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'FORBIDDEN_ROLE']);
      expect(JSON.stringify(res.body)).not.toContain('Emma');
    }
    expect((await get('ola.leder', `${created.id}/child-welfare-reports/${reportId}`)).status).toBe(200);
  });

  it('audits every read, and stores the document encrypted', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const reportId = (await sendEvent(t, 'kari.ansatt', created.id, reportEvent())).body.childWelfareReportId;
    await get('ola.leder', `${created.id}/child-welfare-reports`).then((r) => expect(r.status).toBe(200));
    await get('ola.leder', `${created.id}/child-welfare-reports/${reportId}`).then((r) => expect(r.status).toBe(200));
    await get('ola.leder', `${created.id}/child-welfare-reports/${reportId}/document`).then((r) => expect(r.status).toBe(200));
    const audit = await t.http.get(`/api/v1/audit?caseId=${created.id}`).set(await t.auth('eva.revisor'));
    expect(audit.status).toBe(200);
    const byLeader = audit.body.items.filter((e: { actorUsername: string }) => e.actorUsername === 'ola.leder').map((e: { action: string }) => e.action);
    expect(byLeader.sort()).toEqual(['case.child_welfare_report.list', 'case.child_welfare_report.print', 'case.child_welfare_report.read']);

    const [row] = await db.query(`SELECT "documentEncrypted", status FROM child_welfare_report WHERE id = $1`, [reportId]);
    expect(row.status).toBe('recorded');
    expect(row.documentEncrypted).not.toContain('13097248022');
    expect(row.documentEncrypted).not.toContain('Emma');
  });
});
