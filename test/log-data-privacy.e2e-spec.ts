import { randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createDataSource } from '@app/persistence';
import { LogDataAllowList1796110000001 } from '../migrations/1796110000001-LogDataAllowList.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { logConcern, sendEvent } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';

import { jest } from '@jest/globals';

jest.setTimeout(90_000);

/**
 * Nothing personal where it does not belong (issue 28): a full scenario with unique markers, then
 * every text and json column of every table is searched for each of them. A marker is found only
 * where it must be; the report's own facts are stored encrypted, so nowhere in plaintext.
 */
describe('personal data only where it belongs', () => {
  let t: TestApp;
  let db: pg.Client;
  beforeAll(async () => {
    t = await startTestApp();
    db = new pg.Client({ connectionString: process.env.DATABASE_URL }); // the owner's login: sees every row
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** Every `table.column` of type text, varchar, json, jsonb or a text array, with the markers found in it. */
  async function whereFound(markers: string[]): Promise<Record<string, string[]>> {
    const { rows: columns } = await db.query<{ table: string; column: string }>(
      `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public' AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`,
    );
    const found: Record<string, string[]> = Object.fromEntries(markers.map((m) => [m, []]));
    for (const { table, column } of columns) {
      const { rows } = await db.query<{ marker: string }>(
        `SELECT m AS marker FROM unnest($1::text[]) AS m WHERE EXISTS (SELECT 1 FROM "${table}" WHERE "${column}"::text LIKE '%' || m || '%')`,
        [markers],
      );
      for (const { marker } of rows) found[marker]!.push(`${table}.${column}`);
    }
    for (const places of Object.values(found)) places.sort();
    return found;
  }

  it('after a concern and a report to child welfare, each marker is found only where it must be', async () => {
    const tag = randomUUID().slice(0, 8);
    const digits = () => String(randomInt(10_000_000, 99_999_999));
    const concern = {
      guardianName: `Foresatt${tag}a`,
      guardianPhone: `+47 ${digits()}`,
      address: `Markørveien ${tag}`,
    };
    const report = {
      reporterPhone: `+47 ${digits()}`,
      reporterEmail: `melder${tag}@demo.kommune.no`,
      childAddress: `Rapportgata ${tag}`,
      guardianName: `Foresatt${tag}b`,
      guardianPhone: `+47 ${digits()}`,
      reasonChildNotInformed: `Barnet sov ${tag}`,
    };
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', {
      child: {
        guardians: [{ name: concern.guardianName, relation: 'mor', parentalResponsibility: true, contact: concern.guardianPhone }],
        address: { line1: concern.address, postalCode: '4612', postalPlace: 'Demo' },
      },
      concern: { suspectedViolenceOrAbuse: true },
    });
    const res = await sendEvent(
      t,
      'kari.ansatt',
      created.id,
      reportEvent({
        reporterPhone: report.reporterPhone,
        reporterEmail: report.reporterEmail,
        childAddress: { line1: report.childAddress, postalCode: '4612', postalPlace: 'Demo' },
        guardians: [{ name: report.guardianName, relation: 'far', parentalResponsibility: true, phone: report.guardianPhone }],
        childInformed: false,
        reasonChildNotInformed: report.reasonChildNotInformed,
      }),
    );
    expect(res.status).toBe(200);
    // The report holds them all (read back through the API, decrypted).
    const document = await t.http.get(`/api/v1/cases/${created.id}/child-welfare-reports/${res.body.childWelfareReportId}`).set(await t.auth('kari.ansatt')).expect(200);
    for (const marker of Object.values(report)) expect(JSON.stringify(document.body)).toContain(marker);

    const found = await whereFound([...Object.values(concern), ...Object.values(report)]);
    expect(found).toEqual({
      // The case's own facts: with the child, and the guardians as the case's guardian rows (DESIGN 12.8.7).
      [concern.guardianName]: ['case_guardian.name', 'child.guardians'],
      [concern.guardianPhone]: ['case_guardian.contact', 'child.guardians'],
      [concern.address]: ['child.address'],
      // The report's facts: encrypted in child_welfare_report, so in no text or json column.
      ...Object.fromEntries(Object.values(report).map((m) => [m, []])),
    });
  });

  it("the report's log entry keeps ids, codes and booleans only", async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    expect((await sendEvent(t, 'kari.ansatt', created.id, reportEvent({ childInformed: true }))).status).toBe(200);
    const { rows } = await db.query(`SELECT data FROM case_log_entry WHERE "caseId" = $1 AND type = 'report_to_child_welfare'`, [created.id]);
    expect(rows).toEqual([{ data: { channel: 'digital', guardiansInformed: true, childInformed: true, effects: expect.arrayContaining(['ChildWelfareReported']) } }]);
  });

  it('the migration scrubs log entries written before: payload copies go, ids, codes and booleans stay', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const old = {
      payload: { grounds: 'Blåmerker', guardiansInformed: true, channel: 'phone', reporterPhone: '+47 99 99 99 99', childAddress: { line1: 'Gata 1' }, guardians: [{ name: 'Mor' }] },
      effects: ['ChildWelfareReported', 'ReminderCancelled'],
    };
    const { rows: [entry] } = await db.query(`INSERT INTO case_log_entry ("caseId", type, text, data) VALUES ($1, 'report_to_child_welfare', 'x', $2) RETURNING id`, [created.id, old]);
    const { rows: [other] } = await db.query(`INSERT INTO case_log_entry ("caseId", type, text, data) VALUES ($1, 'reopen', 'x', $2) RETURNING id`, [created.id, { payload: { reason: 'flyttet' }, effects: [] }]);
    const owner = await createDataSource(process.env.DATABASE_URL!, { entities: [], migrations: [] }).initialize();
    try {
      await new LogDataAllowList1796110000001().up(owner.createQueryRunner());
    } finally {
      await owner.destroy();
    }
    const { rows } = await db.query(`SELECT id, data FROM case_log_entry WHERE id = ANY($1) ORDER BY type`, [[entry.id, other.id]]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.data]))).toEqual({
      [entry.id]: { guardiansInformed: true, channel: 'phone', effects: ['ChildWelfareReported', 'ReminderCancelled'] },
      [other.id]: { effects: [] },
    });
  });
});
