import { chainHash, type SealedFields } from '@app/persistence';
import type { DataSource, EntityManager } from 'typeorm';

export interface AuditSealerOptions {
  /** Poll interval when the last tick found nothing more to seal (ms). */
  intervalMs: number;
  /** Rows sealed per municipality per transaction. */
  batchSize: number;
}

interface Head {
  lastSeq: string;
  lastHash: string;
  lastTxid: string;
  lastEventId: string;
}

type EventRow = Omit<SealedFields, 'seq' | 'eventId'> & { id: string; txid: string };

/**
 * Chains committed audit rows into their municipality's hash chain, in (txid, id) order, in
 * batches, outside the request path.
 *
 * Why a row is never skipped: a row is taken only when its transaction id is below
 * `pg_snapshot_xmin(pg_current_snapshot())`, i.e. every transaction that started writing before
 * it has ended. Any transaction still in flight has a larger txid than every sealed row, so
 * whatever it commits lands after the cursor. A long transaction holds sealing back (the lag
 * grows) but cannot be overtaken.
 *
 * Several workers may run this: each municipality's head row is locked with SKIP LOCKED, so one
 * sealer at a time extends a chain and the others move on to other municipalities.
 */
export class AuditSealer {
  constructor(
    private readonly ds: DataSource,
    private readonly options: AuditSealerOptions,
  ) {}

  /** One pass over every municipality with sealable rows; returns rows sealed and whether a batch was full. */
  async sealOnce(): Promise<{ sealed: number; more: boolean }> {
    // A municipality created since the last pass gets its (empty) chain head.
    await this.ds.query(
      `INSERT INTO audit_chain ("municipalityId")
       SELECT m.id FROM municipality m WHERE NOT EXISTS (SELECT 1 FROM audit_chain h WHERE h."municipalityId" = m.id)
       ON CONFLICT DO NOTHING`,
    );
    const pending: { municipalityId: string }[] = await this.ds.query(
      `SELECT h."municipalityId" FROM audit_chain h WHERE EXISTS (
         SELECT 1 FROM audit_event e WHERE e."municipalityId" = h."municipalityId"
           AND (e.txid, e.id) > (h."lastTxid", h."lastEventId") AND e.txid < pg_snapshot_xmin(pg_current_snapshot()))`,
    );
    let sealed = 0;
    let more = false;
    for (const { municipalityId } of pending) {
      const n = await this.ds.transaction((em) => this.sealBatch(em, municipalityId));
      sealed += n;
      if (n === this.options.batchSize) more = true;
    }
    return { sealed, more };
  }

  /** Seals up to one batch of a municipality's rows in the caller's transaction. */
  private async sealBatch(em: EntityManager, municipalityId: string): Promise<number> {
    const [head]: Head[] = await em.query(
      `SELECT "lastSeq"::text AS "lastSeq", "lastHash", "lastTxid"::text AS "lastTxid", "lastEventId"::text AS "lastEventId"
       FROM audit_chain WHERE "municipalityId" = $1 FOR UPDATE SKIP LOCKED`,
      [municipalityId],
    );
    if (!head) return 0; // another sealer is extending this chain
    // ORDER BY names the table's columns (e.txid, e.id): a bare `txid, id` would sort by the text
    // output columns of the same names, '1000' before '999', and chain a batch out of order.
    const rows: EventRow[] = await em.query(
      `SELECT e.id::text AS id, e.txid::text AS txid, e."municipalityId", e."actorId", e."actorUsername", e.action, e."caseId", e.at, e."requestId", e.purpose, e.detail
       FROM audit_event e
       WHERE e."municipalityId" = $1 AND (e.txid, e.id) > ($2::xid8, $3::bigint) AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY e.txid, e.id LIMIT $4`,
      [municipalityId, head.lastTxid, head.lastEventId, this.options.batchSize],
    );
    if (!rows.length) return 0;
    const seqs: string[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    let prevHash = head.lastHash;
    let seq = BigInt(head.lastSeq);
    for (const row of rows) {
      seq += 1n;
      const hash = chainHash(prevHash, { ...row, seq: String(seq), eventId: row.id });
      seqs.push(String(seq));
      prevHashes.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    await em.query(
      `INSERT INTO audit_seal ("municipalityId", seq, "eventId", "prevHash", hash)
       SELECT $1, s.seq, s.event, s.prev, s.hash FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) AS s(seq, event, prev, hash)`,
      [municipalityId, seqs, rows.map((r) => r.id), prevHashes, hashes],
    );
    const last = rows[rows.length - 1];
    await em.query(
      `UPDATE audit_chain SET "lastSeq" = $2, "lastHash" = $3, "lastTxid" = $4::xid8, "lastEventId" = $5, "sealedAt" = now() WHERE "municipalityId" = $1`,
      [municipalityId, String(seq), prevHash, last.txid, last.id],
    );
    return rows.length;
  }
}
