import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: string;
  actorId: string;
  actorUsername: string;
  action: string;
  caseId: string | null;
  at: Date;
  requestId: string;
  purpose: string;
}

/** The hash of one audit row: its content and the previous row's hash. */
export function chainHash(prevHash: string, e: ChainedFields): string {
  const content = [prevHash, e.id, e.actorId, e.actorUsername, e.action, e.caseId ?? '', e.at.toISOString(), e.requestId, e.purpose];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export interface ChainCheck {
  valid: boolean;
  checked: number;
  /** The first row whose hash or link does not match, when invalid. */
  brokenAtId: string | null;
}

/** Walks rows in id order, continuing from `prevHash`; returns where the chain breaks. */
export function verifyChain(rows: (ChainedFields & { prevHash: string; hash: string })[], prevHash = GENESIS_HASH): ChainCheck & { lastHash: string } {
  let last = prevHash;
  for (const row of rows) {
    if (row.prevHash !== last || chainHash(last, row) !== row.hash) {
      return { valid: false, checked: rows.indexOf(row), brokenAtId: row.id, lastHash: last };
    }
    last = row.hash;
  }
  return { valid: true, checked: rows.length, brokenAtId: null, lastHash: last };
}
