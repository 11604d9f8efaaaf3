import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { DataSource, type QueryRunner } from 'typeorm';
import { createDataSource, runMigrations } from '@app/persistence';
import { MIGRATIONS } from '../migrations/index.js';
import { FOREIGN_KEYS, ForeignKeys1796024869178, foreignKeyName } from '../migrations/1796024869178-ForeignKeys.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(120_000);

/** Reference columns deliberately without a key (see migration ForeignKeys for why). */
const UNKEYED = ['audit_event.actorId', 'audit_event.caseId', 'role_assignment.scopeId', 'scim_group.scopeId'];

interface Column {
  table: string;
  column: string;
  type: string;
  udt: string;
  len: number | null;
  nullable: boolean;
  hasDefault: boolean;
}

/**
 * Builds rows of any table inside one transaction: every NOT NULL column gets a plain value, and
 * every foreign-key column the id of a row made the same way for its parent (one per parent
 * table). So a row can be inserted with all its references valid, or with exactly one dangling.
 */
class RowMaker {
  private readonly parents = new Map<string, string>();

  constructor(
    private readonly q: QueryRunner,
    private readonly columns: Column[],
  ) {}

  /** The id of a row of `table` whose references all resolve (made once, then reused). */
  async parent(table: string): Promise<string> {
    if (!this.parents.has(table)) this.parents.set(table, await this.insert(table, await this.values(table, false)));
    return this.parents.get(table)!;
  }

  /** Column → value for a new row of `table`; with `allReferences`, nullable references too. */
  async values(table: string, allReferences: boolean): Promise<Map<string, unknown>> {
    const values = new Map<string, unknown>();
    for (const col of this.columns.filter((c) => c.table === table)) {
      const ref = FOREIGN_KEYS.find((r) => r.table === table && r.column === col.column);
      if (ref) {
        if (!col.nullable || allReferences) values.set(col.column, await this.parent(ref.parent));
      } else if (!col.nullable && !col.hasDefault) {
        values.set(col.column, plainValue(table, col));
      }
    }
    return values;
  }

  async insert(table: string, values: Map<string, unknown>): Promise<string> {
    const names = [...values.keys()];
    const [row] = (await this.q.query(
      `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
      [...values.values()],
    )) as Record<string, string>[];
    return row.id;
  }
}

let serial = 0;
/**
 * A value that satisfies the column's type (and the one CHECK constraint on a plain column
 * without a default); dates and strings differ from row to row, so unique keys hold.
 */
function plainValue(table: string, col: Column): unknown {
  serial += 1;
  if (table === 'child_welfare_report' && col.column === 'channel') return 'digital';
  if (col.type === 'uuid') return randomUUID(); // not a reference (e.g. role_assignment.scopeId)
  if (col.type === 'date') return new Date(Date.UTC(2026, 0, 1) + serial * 86_400_000).toISOString().slice(0, 10);
  if (col.type.startsWith('timestamp')) return new Date();
  if (col.type === 'boolean') return false;
  if (/int|numeric/.test(col.type)) return 1;
  if (col.type === 'jsonb') return {};
  if (col.type === 'ARRAY') return col.udt === '_uuid' ? [] : ['x'];
  return `x${serial}`.slice(0, col.len ?? 20);
}

/** The SQLSTATE and constraint of a failed statement (TypeORM wraps pg's error). */
async function failure(run: () => Promise<unknown>): Promise<{ code?: string; constraint?: string } | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const e = error as { driverError?: { code?: string; constraint?: string } };
    return { code: e.driverError?.code, constraint: e.driverError?.constraint };
  }
}

describe('foreign keys (migration ForeignKeys)', () => {
  let t: TestApp;
  let db: DataSource;
  let columns: Column[];
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
    columns = (
      await db.query(
        `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, is_nullable = 'YES' AS nullable, column_default IS NOT NULL AS has_default
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
      )
    ).map((c: Record<string, unknown>) => ({
      table: c.table_name,
      column: c.column_name,
      type: c.data_type,
      udt: c.udt_name,
      len: c.character_maximum_length,
      nullable: c.nullable,
      hasDefault: c.has_default,
    }));
  });
  afterAll(() => t.close());

  it('every reference column has a key, validated, to its parent id with the declared ON DELETE; the outbox is gone', async () => {
    const keys: { table: string; column: string; name: string; parent: string; parentColumn: string; validated: boolean; onDelete: string; deferred: boolean }[] = await db.query(
      `SELECT c.conrelid::regclass::text AS table, a.attname AS column, c.conname AS name, c.confrelid::regclass::text AS parent,
              pa.attname AS "parentColumn", c.convalidated AS validated, c.confdeltype AS "onDelete", c.condeferred AS deferred
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    for (const r of FOREIGN_KEYS) {
      const key = keys.find((k) => k.name === foreignKeyName(r));
      expect({ ...key }).toEqual({
        table: r.table,
        column: r.column,
        name: foreignKeyName(r),
        parent: r.parent,
        parentColumn: 'id',
        validated: true, // the demo data has no dangling reference
        onDelete: r.onDelete === 'CASCADE' ? 'c' : 'r',
        deferred: r.deferred === true,
      });
    }
    // Completeness: a uuid column named like a reference, anywhere, has a key or is a stated exception.
    const keyed = new Set(keys.map((k) => `${k.table.replace(/"/g, '')}.${k.column}`));
    const references = columns.filter((c) => (c.type === 'uuid' || c.udt === '_uuid') && /Ids?$/.test(c.column)).map((c) => `${c.table}.${c.column}`);
    const unkeyed = references.filter((name) => !keyed.has(name) && !UNKEYED.includes(name) && name !== 'iks_referral.memberIds');
    expect(unkeyed).toEqual([]);
    expect((await db.query(`SELECT to_regclass('public.outbox') AS t`))[0].t).toBeNull();
  });

  it('each key bites: a row naming a missing parent is refused, the same row with the parent is accepted', async () => {
    const q = db.createQueryRunner();
    await q.connect();
    await q.startTransaction();
    try {
      const rows = new RowMaker(q, columns);
      const refused: string[] = [];
      for (const r of FOREIGN_KEYS) {
        const values = await rows.values(r.table, true);
        await q.query('SAVEPOINT row');
        // The control: every reference valid → inserted (so the refusal below is the key's doing).
        expect(await failure(() => rows.insert(r.table, values))).toBeNull();
        await q.query('ROLLBACK TO SAVEPOINT row');
        values.set(r.column, randomUUID());
        // A deferred key is checked at commit: ask for the check now instead.
        const error = await failure(async () => {
          await rows.insert(r.table, values);
          if (r.deferred) await q.query(`SET CONSTRAINTS "${foreignKeyName(r)}" IMMEDIATE`);
        });
        await q.query('ROLLBACK TO SAVEPOINT row');
        if (r.deferred) await q.query(`SET CONSTRAINTS "${foreignKeyName(r)}" DEFERRED`);
        if (error?.code === '23503' && error.constraint === foreignKeyName(r)) refused.push(foreignKeyName(r));
      }
      expect(refused).toEqual(FOREIGN_KEYS.map(foreignKeyName));
    } finally {
      await q.rollbackTransaction();
      await q.release();
    }
  });

  it('ON DELETE: a case with a log entry cannot be deleted; deleting a user takes their roles and e-mail setting with them', async () => {
    const q = db.createQueryRunner();
    await q.connect();
    await q.startTransaction();
    try {
      const rows = new RowMaker(q, columns);
      const caseId = await rows.parent('bti_case');
      await rows.insert('case_log_entry', await rows.values('case_log_entry', false));
      const deleteCase = await failure(() => q.query(`DELETE FROM bti_case WHERE id = $1`, [caseId]));
      expect(deleteCase).toEqual({ code: '23001', constraint: 'FK_case_log_entry_caseId' }); // restrict_violation
      await q.rollbackTransaction();
      await q.startTransaction();
      const fresh = new RowMaker(q, columns);
      const municipalityId = await fresh.parent('municipality');
      const [user] = await q.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, 'x') RETURNING id`, [municipalityId, `fk-${randomUUID()}`]);
      await q.query(`INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, 'staff', 'municipality', $2)`, [user.id, municipalityId]);
      await q.query(`INSERT INTO notification_setting ("userId", "emailMode") VALUES ($1, 'daily_digest')`, [user.id]);
      await q.query(`DELETE FROM app_user WHERE id = $1`, [user.id]);
      expect(await q.query(`SELECT 1 FROM role_assignment WHERE "userId" = $1 UNION ALL SELECT 1 FROM notification_setting WHERE "userId" = $1`, [user.id])).toEqual([]);
    } finally {
      if (q.isTransactionActive) await q.rollbackTransaction();
      await q.release();
    }
  });
});

describe('migration ForeignKeys on existing rows', () => {
  const name = `bti_fk_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let admin: DataSource;
  let url: string;
  beforeAll(async () => {
    admin = await createDataSource(process.env.DATABASE_URL!, { entities: [], migrations: [] }).initialize();
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.destroy();
  });

  it('keeps a row that names a missing case, leaves only its keys NOT VALID, says so, and checks new rows at once', async () => {
    const at = MIGRATIONS.indexOf(ForeignKeys1796024869178);
    const old = await createDataSource(url, { migrations: MIGRATIONS.slice(0, at) }).initialize();
    let caseId: string;
    try {
      await runMigrations(old);
      const [m] = await old.query(`INSERT INTO municipality (code, name, profile) VALUES ('m', 'M', '{}') RETURNING id`);
      const [user] = await old.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, 'u', 'U') RETURNING id`, [m.id]);
      caseId = randomUUID(); // a consent whose case is gone
      await old.query(
        `INSERT INTO consent ("caseId", "givenByName", "givenByRelation", recipients, purpose, form, "recordedById", "validFrom")
         VALUES ($1, 'Forelder', 'mor', '{tfa}', 'Samarbeid', 'written', $2, now())`,
        [caseId, user.id],
      );
    } finally {
      await old.destroy();
    }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ds = await createDataSource(url, { migrations: MIGRATIONS.slice(0, at + 1) }).initialize();
    try {
      expect(await runMigrations(ds)).toEqual(['ForeignKeys1796024869178']);
      const lines = warn.mock.calls.map((c) => String(c[0]));
      expect(lines).toEqual([expect.stringContaining('FK_consent_caseId: 1 row(s) name a missing bti_case; the key stays NOT VALID')]);
      expect(lines[0]).not.toContain(caseId); // counts and names only
      const invalid = await ds.query(`SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated ORDER BY conname`);
      expect(invalid).toEqual([{ conname: 'FK_consent_caseId' }]);
      expect(await ds.query(`SELECT count(*)::int AS n FROM consent WHERE "caseId" = $1`, [caseId])).toEqual([{ n: 1 }]);
      const [user] = await ds.query(`SELECT id FROM app_user`);
      const refused = await failure(() =>
        ds.query(
          `INSERT INTO consent ("caseId", "givenByName", "givenByRelation", recipients, purpose, form, "recordedById", "validFrom")
           VALUES ($1, 'Forelder', 'mor', '{tfa}', 'Samarbeid', 'written', $2, now())`,
          [randomUUID(), user.id],
        ),
      );
      expect(refused).toEqual({ code: '23503', constraint: 'FK_consent_caseId' });
    } finally {
      warn.mockRestore();
      await ds.destroy();
    }
  });
});
