import { createHash } from 'node:crypto';

/** The `prevHash` of the first link of every municipality's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit row's content: who did what to which case, when, in which request and why. */
export interface AuditEventContent {
  actorId: string;
  actorUsername: string;
  action: string;
  caseId: string | null;
  at: Date;
  requestId: string;
  purpose: string;
  /** An administrative change's ids, before and after (DESIGN 12.7); null on other events. */
  detail?: unknown;
}

/** What a seal covers: the audit row's content and its place in its municipality's chain. */
export interface SealedFields extends AuditEventContent {
  municipalityId: string;
  /** Position in the municipality's chain: 1, 2, 3, … without gaps. */
  seq: string;
  eventId: string;
}

/** The hash of one link: the previous link's hash, the chain position and the row's content. */
export function chainHash(prevHash: string, e: SealedFields): string {
  const content = [
    prevHash,
    e.municipalityId,
    e.seq,
    e.eventId,
    e.actorId,
    e.actorUsername,
    e.action,
    e.caseId ?? '',
    e.at.toISOString(),
    e.requestId,
    e.purpose,
  ];
  // Only rows with a detail hash it, so links sealed before the column existed still verify.
  if (e.detail !== null && e.detail !== undefined) content.push(JSON.stringify(e.detail));
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** One stored link as verification reads it: the seal, and the audit row it names (null when that row is gone). */
export interface StoredLink {
  seq: string;
  eventId: string;
  prevHash: string;
  hash: string;
  event: Omit<SealedFields, 'seq' | 'eventId'> | null;
}

export interface ChainCheck {
  valid: boolean;
  checked: number;
  /** The audit row at the first link that does not match (altered, removed or moved), when invalid. */
  brokenAtId: string | null;
  /** That link's chain position. */
  brokenAtSeq: string | null;
}

/**
 * Walks links in chain order from `afterSeq` (whose hash is `prevHash`): each must be the next
 * position, name the previous link's hash, still have its row, and hash to what was sealed.
 */
export function verifyLinks(
  municipalityId: string,
  links: readonly StoredLink[],
  afterSeq: string,
  prevHash: string,
): ChainCheck & { lastHash: string; lastSeq: string } {
  let last = prevHash;
  let seq = BigInt(afterSeq);
  for (const [i, link] of links.entries()) {
    seq += 1n;
    const intact =
      link.seq === String(seq) &&
      link.prevHash === last &&
      link.event !== null &&
      link.event.municipalityId === municipalityId &&
      chainHash(last, { ...link.event, seq: link.seq, eventId: link.eventId }) === link.hash;
    if (!intact) {
      return { valid: false, checked: i, brokenAtId: link.eventId, brokenAtSeq: String(seq), lastHash: last, lastSeq: String(seq - 1n) };
    }
    last = link.hash;
  }
  return { valid: true, checked: links.length, brokenAtId: null, brokenAtSeq: null, lastHash: last, lastSeq: String(seq) };
}
