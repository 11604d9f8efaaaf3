import type { EntityManager } from 'typeorm';

/**
 * E-mail notices to guardians (DESIGN 12.8.11: the kind of notice only, nothing about the case or
 * the child), written in the request's transaction and sent by the worker's mail pipeline. At most
 * one of each kind per guardian and Oslo day (`UQ_citizen_notice_daily`): a busy day is one e-mail.
 * Only guardians with an address, linked by national id, who would see the thing in the portal.
 */
export async function noticeGuardiansOfConsentRequest(em: EntityManager, caseId: string): Promise<void> {
  await em.query(
    `INSERT INTO citizen_notice ("caseId", "guardianId", kind)
     SELECT g."caseId", g.id, 'consent_request' FROM case_guardian g
      WHERE g."caseId" = $1 AND g.email IS NOT NULL AND g."parentalResponsibility"
        AND bti_citizen_relation_of(g."caseId", g."nationalIdHash") = 'guardian'
     ON CONFLICT ("guardianId", kind, "noticeDate") DO NOTHING`,
    [caseId],
  );
}

/** A log entry the guardians may now see (written, or cleared of `confidential`). */
export async function noticeGuardiansOfEntry(em: EntityManager, caseId: string, entry: { at: Date; confidential: string | null }): Promise<void> {
  await em.query(
    `INSERT INTO citizen_notice ("caseId", "guardianId", kind)
     SELECT g."caseId", g.id, 'log_shared' FROM case_guardian g
      WHERE g."caseId" = $1 AND g.email IS NOT NULL AND g."nationalIdHash" IS NOT NULL
        AND bti_citizen_relation_of(g."caseId", g."nationalIdHash") = 'guardian'
        AND bti_citizen_sees_entry_of(g."caseId", $2, $3, g."nationalIdHash")
     ON CONFLICT ("guardianId", kind, "noticeDate") DO NOTHING`,
    [caseId, entry.at, entry.confidential],
  );
}
