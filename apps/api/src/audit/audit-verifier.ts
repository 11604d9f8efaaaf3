import type { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH, verifyLinks, type AuditEventContent, type ChainCheck, type StoredLink } from '@app/persistence';

/** One page of a municipality's chain, checked. Continue from `nextAfterSeq` until it is null. */
export interface ChainPage extends ChainCheck {
  municipalityId: string;
  afterSeq: string;
  /** Where the next page starts; null when this page reached the chain's head. */
  nextAfterSeq: string | null;
  /** The head's position: links 1..sealedThrough exist. */
  sealedThrough: string;
  /** Rows written but not sealed yet (the sealer's lag). */
  unsealed: number;
}

interface LinkRow extends AuditEventContent {
  seq: string;
  eventId: string;
  prevHash: string;
  hash: string;
  municipalityId: string | null;
}

export const VERIFY_PAGE_MAX = 5000;

/** Runs `work` in one REPEATABLE READ transaction (the API's: as the auditor, under row-level security). */
export type SnapshotRunner = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

/**
 * Re-computes the hash chains. Paged by chain position, so the API answers each page in a few
 * milliseconds instead of walking millions of rows in one request; the CLI walks every page of
 * every municipality (`verifyAll`). A page and the head it is compared with are read in one
 * REPEATABLE READ snapshot, so a sealer appending meanwhile does not look like a broken chain.
 */
export class AuditVerifier {
  constructor(private readonly dataSource: DataSource) {}

  page(municipalityId: string, afterSeq = '0', limit = 1000, inSnapshot?: SnapshotRunner): Promise<ChainPage> {
    const run: SnapshotRunner = inSnapshot ?? ((work) => this.dataSource.transaction('REPEATABLE READ', work));
    return run(async (em) => {
      const [head] = await em.query(
        `SELECT "lastSeq"::text AS "lastSeq", "lastHash", "lastTxid"::text AS "lastTxid", "lastEventId"::text AS "lastEventId" FROM audit_chain WHERE "municipalityId" = $1`,
        [municipalityId],
      );
      const sealedThrough: string = head?.lastSeq ?? '0';
      const [{ unsealed }] = await em.query(
        `SELECT count(*)::int AS unsealed FROM audit_event WHERE "municipalityId" = $1 AND ("txid", "id") > ($2::xid8, $3::bigint)`,
        [municipalityId, head?.lastTxid ?? '0', head?.lastEventId ?? '0'],
      );
      const base = { municipalityId, afterSeq, sealedThrough, unsealed };
      let prevHash = GENESIS_HASH;
      if (afterSeq !== '0') {
        const [anchor] = await em.query(`SELECT hash FROM audit_seal WHERE "municipalityId" = $1 AND seq = $2`, [municipalityId, afterSeq]);
        if (!anchor) return { ...base, valid: false, checked: 0, brokenAtId: null, brokenAtSeq: afterSeq, nextAfterSeq: null };
        prevHash = anchor.hash;
      }
      const rows: LinkRow[] = await em.query(
        `SELECT s.seq::text AS seq, s."eventId"::text AS "eventId", s."prevHash", s.hash,
                e."municipalityId", e."actorId", e."actorUsername", e.action, e."caseId", e.at, e."requestId", e.purpose, e.detail
         FROM audit_seal s LEFT JOIN audit_event e ON e.id = s."eventId"
         WHERE s."municipalityId" = $1 AND s.seq > $2 ORDER BY s.seq LIMIT $3`,
        [municipalityId, afterSeq, limit],
      );
      const links: StoredLink[] = rows.map((r) => ({
        seq: r.seq,
        eventId: r.eventId,
        prevHash: r.prevHash,
        hash: r.hash,
        event:
          r.municipalityId === null
            ? null
            : { municipalityId: r.municipalityId, actorId: r.actorId, actorUsername: r.actorUsername, action: r.action, caseId: r.caseId, at: r.at, requestId: r.requestId, purpose: r.purpose, detail: r.detail },
      }));
      const check = verifyLinks(municipalityId, links, afterSeq, prevHash);
      const { lastHash, lastSeq, ...result } = check;
      if (!check.valid) return { ...base, ...result, nextAfterSeq: null };
      if (links.length === limit) return { ...base, ...result, nextAfterSeq: lastSeq };
      // The end of the chain must be the head: a cut-off tail (or a head moved back) is a break.
      const headHash = head?.lastHash ?? GENESIS_HASH;
      if (lastSeq !== sealedThrough || lastHash !== headHash) {
        return { ...base, ...result, valid: false, brokenAtId: null, brokenAtSeq: String(BigInt(lastSeq) + 1n), nextAfterSeq: null };
      }
      return { ...base, ...result, nextAfterSeq: null };
    });
  }

  /** Every page of one municipality's chain (CLI and tests, not a request handler). */
  async verifyMunicipality(municipalityId: string, pageSize = VERIFY_PAGE_MAX): Promise<ChainPage & { checkedTotal: number }> {
    let afterSeq = '0';
    let checkedTotal = 0;
    for (;;) {
      const page = await this.page(municipalityId, afterSeq, pageSize);
      checkedTotal += page.checked;
      if (!page.valid || page.nextAfterSeq === null) return { ...page, checkedTotal };
      afterSeq = page.nextAfterSeq;
    }
  }

  /** Every municipality's chain. */
  async verifyAll(pageSize = VERIFY_PAGE_MAX): Promise<(ChainPage & { checkedTotal: number })[]> {
    const heads: { municipalityId: string }[] = await this.dataSource.query(
      `SELECT id AS "municipalityId" FROM municipality ORDER BY code`,
    );
    const out = [];
    for (const { municipalityId } of heads) out.push(await this.verifyMunicipality(municipalityId, pageSize));
    return out;
  }
}
