/**
 * Who may do what, per table: the one place the database's privileges are declared (DESIGN 12.3).
 * Migration LeastPrivilege revokes everything else and refuses to run while a table of the
 * schema is missing here: a new table gets its line (and, with case or person data, `rls: true`
 * and policies in ./policies.ts).
 * - `app`: the role `bti_app`, whose privileges the API's login `bti_api` has.
 * - `worker`: the worker's login `bti_worker`.
 * Values are SQL privilege lists; `UPDATE ("a", "b")` grants those columns only. Append-only
 * tables (the log, the audit trail, consents, reports) grant no UPDATE or DELETE but for their
 * status columns.
 */
export interface TableGrants {
  app?: string;
  worker?: string;
  /** Row-level security, forced (the owner too: it has a policy of its own). */
  rls: boolean;
}

export const TABLE_GRANTS: Record<string, TableGrants> = {
  migrations: { rls: false },
  // Organisation: read by the API (login, names, scopes) and the worker (recipients, e-mail).
  municipality: { app: 'SELECT', worker: 'SELECT', rls: false },
  // The administration (DESIGN 12.7) creates and changes units, clusters, users and role assignments.
  cluster: { app: 'SELECT, INSERT, UPDATE', worker: 'SELECT', rls: false },
  unit: { app: 'SELECT, INSERT, UPDATE', worker: 'SELECT', rls: false },
  app_user: { app: 'SELECT, INSERT, UPDATE', worker: 'SELECT', rls: false },
  role_assignment: { app: 'SELECT, INSERT, DELETE', worker: 'SELECT', rls: false },
  // Profile versions (published rows never change: a trigger), SCIM tokens (hashed), groups and members.
  municipality_profile_version: { app: 'SELECT, INSERT, UPDATE', rls: false },
  scim_token: { app: 'SELECT, INSERT, UPDATE ("revokedAt")', rls: false },
  scim_group: { app: 'SELECT, INSERT, UPDATE, DELETE', rls: false },
  scim_group_member: { app: 'SELECT, INSERT, DELETE', rls: false },
  idempotency_key: { app: 'SELECT, INSERT', worker: 'SELECT, DELETE', rls: false },
  // The case and what hangs off it.
  bti_case: { app: 'SELECT, INSERT, UPDATE', worker: 'SELECT, UPDATE ("status", "version", "updatedAt")', rls: true },
  child: { app: 'SELECT, INSERT, UPDATE', rls: true },
  concern: { app: 'SELECT, INSERT, UPDATE', rls: true },
  case_log_entry: { app: 'SELECT, INSERT', worker: 'INSERT', rls: true },
  case_task: { app: 'SELECT, INSERT, UPDATE', worker: 'SELECT', rls: true },
  consent: { app: 'SELECT, INSERT, UPDATE ("withdrawnAt", "withdrawnById", "withdrawalReason", "withdrawnByCitizenHmac")', worker: 'SELECT', rls: true },
  child_voice: { app: 'SELECT, INSERT', rls: true },
  child_welfare_report: { app: 'SELECT, INSERT', worker: 'SELECT, UPDATE ("status", "sentAt", "acknowledgedAt", "externalId", "updatedAt")', rls: true },
  measure: { app: 'SELECT, INSERT, UPDATE', worker: 'SELECT', rls: true },
  measure_evaluation: { app: 'SELECT, INSERT', worker: 'SELECT', rls: true },
  iks_referral: { app: 'SELECT, INSERT, UPDATE', worker: 'SELECT', rls: true },
  iks_competence_order: { app: 'SELECT, INSERT, UPDATE ("acknowledgedAt", "acknowledgementNote")', rls: true },
  scheduled_reminder: { app: 'SELECT, INSERT, UPDATE', worker: 'SELECT, INSERT, UPDATE, DELETE', rls: true },
  // The family's access (migration FamilyAccess, DESIGN 12.4): citizen links and answers. Retention deletes them with the case.
  case_guardian: { app: 'SELECT, INSERT, UPDATE', rls: true },
  youth_sharing: { app: 'SELECT, INSERT', rls: true },
  consent_request: { app: 'SELECT, INSERT, UPDATE ("status", "consentId")', rls: true },
  consent_request_answer: { app: 'SELECT, INSERT', rls: true },
  // The audit trail: written with each request, sealed by the worker, never changed.
  audit_event: { app: 'SELECT, INSERT', worker: 'SELECT, INSERT', rls: true },
  audit_seal: { app: 'SELECT', worker: 'SELECT, INSERT', rls: false },
  audit_chain: { app: 'SELECT', worker: 'SELECT, INSERT, UPDATE', rls: false },
  // Notices and their e-mail.
  notification: { app: 'SELECT, INSERT, UPDATE ("readAt")', worker: 'SELECT, INSERT', rls: true },
  notification_setting: { app: 'SELECT, INSERT, UPDATE ("emailMode", "updatedAt")', worker: 'SELECT', rls: true },
  notification_delivery: { app: 'SELECT', worker: 'SELECT, INSERT, UPDATE', rls: true },
  mail_digest: { app: 'SELECT', worker: 'SELECT, INSERT, UPDATE', rls: true },
  // Retention and the archive (DESIGN 12.5): the archivist's requests and the worker's runs; ids and counts only.
  archive_extraction: { app: 'SELECT, INSERT, UPDATE ("status", "depositedAt", "depositReference", "depositedById")', worker: 'SELECT, INSERT, UPDATE ("status", "cases", "finishedAt")', rls: true },
  archive_extraction_case: { worker: 'SELECT, INSERT', rls: false },
  retention_deletion: { app: 'SELECT', worker: 'SELECT, INSERT, UPDATE ("cases")', rls: true },
};

/**
 * Owner-defined functions only the worker's login may run (DESIGN 12.3: erasure and extraction);
 * every other function is executable by both roles.
 */
export const WORKER_ONLY_FUNCTIONS = [
  'bti_archive_cases(uuid,date,date,timestamp with time zone,uuid,integer)',
  'bti_retention_due(uuid,integer)',
  'bti_erase_case(uuid,text)',
];

/** Sequences read by `nextval` (every other sequence is the owner's alone). */
export const SEQUENCE_GRANTS: Record<string, { app?: string; worker?: string }> = {
  audit_event_id_seq: { app: 'USAGE', worker: 'USAGE' },
  migrations_id_seq: {},
};
