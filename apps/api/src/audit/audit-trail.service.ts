import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEvent } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { chainHash, GENESIS_HASH, verifyChain, type ChainCheck } from './audit-chain.js';

/** Serialises appends, so every row links to the one before it. Held until the request commits. */
const AUDIT_CHAIN_LOCK = 727_002;

/**
 * Writes audit events in the request's own transaction: if the audit write fails, the read or
 * write it describes fails with it. Never silently skipped.
 */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One event per case touched; `caseIds` empty → one event without a case (e.g. an empty list). */
  async record(em: EntityManager, principal: Principal, action: string, caseIds: readonly string[]): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = await em.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    const targets: (string | null)[] = caseIds.length ? [...caseIds] : [null];
    const ids: { id: string }[] = await em.query(`SELECT nextval('audit_event_id_seq')::text AS id FROM generate_series(1, $1)`, [targets.length]);
    const at = new Date();
    let prevHash: string = last?.hash ?? GENESIS_HASH;
    const rows = targets.map((caseId, i) => {
      const fields = {
        id: ids[i].id,
        actorId: principal.userId,
        actorUsername: principal.username,
        action,
        caseId,
        at,
        requestId: principal.requestId,
        purpose: principal.purpose,
      };
      const hash = chainHash(prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await em.insert(AuditEvent, rows);
  }

  /** Re-computes the whole chain in id order (batches of 5 000). */
  async verify(): Promise<ChainCheck> {
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const batch = await this.dataSource
        .getRepository(AuditEvent)
        .createQueryBuilder('a')
        .where('a.id > :afterId', { afterId })
        .orderBy('a.id', 'ASC')
        .take(5000)
        .getMany();
      if (!batch.length) return { valid: true, checked, brokenAtId: null };
      const result = verifyChain(batch, prevHash);
      if (!result.valid) return { valid: false, checked: checked + result.checked, brokenAtId: result.brokenAtId };
      checked += batch.length;
      prevHash = result.lastHash;
      afterId = batch[batch.length - 1].id;
    }
  }
}
