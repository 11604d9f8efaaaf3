import type { DataSource } from 'typeorm';
import { AuditSealer } from '../../apps/worker/src/audit/audit-sealer.js';
import type { TestApp } from './test-app.js';

/** Runs the worker's sealer (the real class) until every sealable row is sealed; returns rows sealed. */
export async function sealAll(db: DataSource, batchSize = 200): Promise<number> {
  const sealer = new AuditSealer(db, { intervalMs: 0, batchSize });
  let total = 0;
  for (;;) {
    const { sealed, more } = await sealer.sealOnce();
    total += sealed;
    if (!more) return total;
  }
}

export interface VerifyResult {
  valid: boolean;
  brokenAtId: string | null;
  brokenAtSeq: string | null;
  checked: number;
  pages: number;
  unsealed: number;
}

/** Walks every page of the auditor's chain through `GET /audit/verify`, as a client would. */
export async function verifyThroughApi(t: TestApp, auditor: string, limit = 50): Promise<VerifyResult> {
  const headers = await t.auth(auditor);
  let afterSeq = '0';
  let checked = 0;
  for (let pages = 1; ; pages++) {
    const res = await t.http.get(`/api/v1/audit/verify?afterSeq=${afterSeq}&limit=${limit}`).set(headers);
    if (res.status !== 200) throw new Error(`GET /audit/verify ${res.status}: ${JSON.stringify(res.body)}`);
    checked += res.body.checked;
    if (!res.body.valid || res.body.nextAfterSeq === null) {
      return { valid: res.body.valid, brokenAtId: res.body.brokenAtId, brokenAtSeq: res.body.brokenAtSeq, checked, pages, unsealed: res.body.unsealed };
    }
    afterSeq = res.body.nextAfterSeq;
  }
}
