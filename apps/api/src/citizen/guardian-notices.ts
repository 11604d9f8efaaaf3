import type { EntityManager } from 'typeorm';

/**
 * E-mail notices to guardians (DESIGN 12.8.11: the kind of notice only, nothing about the case or
 * the child), written in the request's transaction and sent by the worker's mail pipeline. At most
 * one of each kind per guardian and Oslo day (`UQ_citizen_notice_daily`): a busy day is one e-mail.
 * Only guardians with an address, linked by national id, who would see the thing in the portal
 * (decided in SQL: migration FamilyNoticesAndOverrides, `bti_notice_guardians`).
 */
export async function noticeGuardiansOfConsentRequest(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`SELECT bti_notice_guardians($1, 'consent_request', NULL, NULL)`, [caseId]);
}

/** A log entry the guardians may now see (written, or cleared of `confidential`). */
export async function noticeGuardiansOfEntry(em: EntityManager, caseId: string, entry: { at: Date; confidential: string | null }): Promise<void> {
  await em.query(`SELECT bti_notice_guardians($1, 'log_shared', $2, $3)`, [caseId, entry.at, entry.confidential]);
}
