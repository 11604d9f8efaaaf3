import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit without a global lock (DESIGN 11). Requests insert audit rows unsealed, with one
 * statement; the worker's sealer chains them per municipality into `audit_seal`, with
 * `audit_chain` as each chain's head and the sealer's cursor. Hand-written.
 *
 * Order of a chain: (txid, id), where `txid` is the inserting transaction. The sealer takes only
 * rows with `txid < pg_snapshot_xmin(pg_current_snapshot())`: every transaction older than that
 * has ended, so no row can still appear before the cursor, and a late-committing older
 * transaction holds the cursor back instead of being skipped.
 *
 * Existing rows: `municipalityId` is filled from the actor (the append-only trigger is switched
 * off for that one UPDATE); they all get this migration's txid, so the sealer chains them first,
 * in id order. Their round-one global chain stays in `legacyPrevHash`/`legacyHash`.
 */
export class AuditSealing1796014136718 implements MigrationInterface {
  name = 'AuditSealing1796014136718';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_event" ADD "municipalityId" uuid`);
    await q.query(`ALTER TABLE "audit_event" DISABLE TRIGGER audit_event_append_only`);
    await q.query(`UPDATE "audit_event" a SET "municipalityId" = u."municipalityId" FROM "app_user" u WHERE u.id = a."actorId"`);
    await q.query(`ALTER TABLE "audit_event" ENABLE TRIGGER audit_event_append_only`);
    await q.query(`ALTER TABLE "audit_event" ALTER COLUMN "municipalityId" SET NOT NULL`);
    await q.query(`ALTER TABLE "audit_event" ADD CONSTRAINT "FK_audit_event_municipality" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id")`);
    await q.query(`ALTER TABLE "audit_event" ADD "txid" xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`ALTER TABLE "audit_event" RENAME COLUMN "prevHash" TO "legacyPrevHash"`);
    await q.query(`ALTER TABLE "audit_event" RENAME COLUMN "hash" TO "legacyHash"`);
    await q.query(`ALTER TABLE "audit_event" ALTER COLUMN "legacyPrevHash" DROP NOT NULL, ALTER COLUMN "legacyHash" DROP NOT NULL`);
    await q.query(`ALTER SEQUENCE "audit_event_id_seq" OWNED BY "audit_event"."id"`);
    await q.query(`ALTER TABLE "audit_event" ALTER COLUMN "id" SET DEFAULT nextval('audit_event_id_seq')`);
    await q.query(`CREATE INDEX "IDX_audit_event_chain_order" ON "audit_event" ("municipalityId", "txid", "id")`);

    await q.query(`
      CREATE TABLE "audit_seal" (
        "municipalityId" uuid NOT NULL,
        "seq" bigint NOT NULL,
        "eventId" bigint NOT NULL,
        "prevHash" character(64) NOT NULL,
        "hash" character(64) NOT NULL,
        "sealedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_audit_seal" PRIMARY KEY ("municipalityId", "seq"),
        CONSTRAINT "UQ_audit_seal_event" UNIQUE ("eventId"),
        CONSTRAINT "FK_audit_seal_event" FOREIGN KEY ("eventId") REFERENCES "audit_event"("id"),
        CONSTRAINT "FK_audit_seal_municipality" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id")
      )`);
    await q.query(`
      CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_seal"
      FOR EACH STATEMENT EXECUTE FUNCTION bti_audit_is_append_only()`);
    await q.query(`
      CREATE TABLE "audit_chain" (
        "municipalityId" uuid NOT NULL,
        "lastSeq" bigint NOT NULL DEFAULT 0,
        "lastHash" character(64) NOT NULL DEFAULT repeat('0', 64),
        "lastTxid" xid8 NOT NULL DEFAULT '0',
        "lastEventId" bigint NOT NULL DEFAULT 0,
        "sealedAt" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_audit_chain" PRIMARY KEY ("municipalityId"),
        CONSTRAINT "FK_audit_chain_municipality" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id")
      )`);
    await q.query(`INSERT INTO "audit_chain" ("municipalityId") SELECT id FROM "municipality"`);
    // Requests write audit rows; only the worker (the owner) seals them.
    await q.query(`REVOKE ALL ON "audit_seal", "audit_chain" FROM bti_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_chain"`);
    await q.query(`DROP TABLE "audit_seal"`);
    await q.query(`DROP INDEX "IDX_audit_event_chain_order"`);
    await q.query(`ALTER TABLE "audit_event" ALTER COLUMN "id" DROP DEFAULT`);
    await q.query(`ALTER TABLE "audit_event" RENAME COLUMN "legacyPrevHash" TO "prevHash"`);
    await q.query(`ALTER TABLE "audit_event" RENAME COLUMN "legacyHash" TO "hash"`);
    await q.query(`ALTER TABLE "audit_event" DROP COLUMN "txid"`);
    await q.query(`ALTER TABLE "audit_event" DROP CONSTRAINT "FK_audit_event_municipality"`);
    await q.query(`ALTER TABLE "audit_event" DROP COLUMN "municipalityId"`);
  }
}
