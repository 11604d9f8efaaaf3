/**
 * Row-level security beyond the need-to-know reads of earlier migrations: what each role may
 * write (real WITH CHECK), the tables that had none, and the worker's own rows. Policies name
 * their role; a login that is none of them sees no row of a table under row-level security.
 */
const me = `nullif(current_setting('bti.user_id', true), '')::uuid`;
const municipality = `nullif(current_setting('bti.municipality_id', true), '')::uuid`;
/** The caller holds `role` for their own municipality (scopes read once per statement). */
const holds = (role: string) => `${municipality} = ANY ((SELECT bti_my_scopes('${role}', 'municipality'))::uuid[])`;
/**
 * A row of a case of the caller's municipality: no other municipality's case has its id (the
 * function reads cases as their owner). Said the negative way because a case written by the same
 * statement (POST /cases writes the case and its first rows in one) is not visible to the check
 * yet; that case passed its own WITH CHECK, and the foreign key makes sure the case exists.
 */
const ofMyMunicipality = (column = '"caseId"') => `bti_case_of_my_municipality(${column})`;
/** A recipient who is a user of the caller's municipality. */
const recipientHere = `EXISTS (SELECT 1 FROM app_user u WHERE u.id = "recipientId" AND u."municipalityId" = ${municipality})`;
/** The worker sees a case and what hangs off it while the case has reminders (its jobs). */
const hasReminders = (caseColumn: string) => `EXISTS (SELECT 1 FROM scheduled_reminder r WHERE r."caseId" = ${caseColumn})`;

/** A row of a case linked to the calling citizen and not hidden from them (migration FamilyAccess). */
const citizenCase = (column = '"caseId"') => `(SELECT bti_citizen_hmac()) IS NOT NULL AND bti_citizen_relation(${column}) IS NOT NULL`;

export const FUNCTIONS = [
  `CREATE OR REPLACE FUNCTION bti_case_of_my_municipality(p_case uuid) RETURNS boolean
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
     SELECT NOT EXISTS (SELECT 1 FROM bti_case c WHERE c.id = p_case AND c."municipalityId" IS DISTINCT FROM ${municipality})
   $$`,
];

/** The need-to-know policies of earlier migrations, now for bti_app alone, with a WITH CHECK. */
export const APP_NEED_TO_KNOW: Record<string, { policy: string; check: string }[]> = {
  bti_case: [
    { policy: 'bti_case_need_to_know', check: `"municipalityId" = ${municipality}` },
    { policy: 'bti_case_transfer_offered', check: `"municipalityId" = ${municipality}` },
  ],
  child: [{ policy: 'child_need_to_know', check: `"municipalityId" = ${municipality}` }],
  concern: [{ policy: 'concern_need_to_know', check: ofMyMunicipality() }],
  case_log_entry: [{ policy: 'case_log_entry_need_to_know', check: ofMyMunicipality() }],
  case_task: [{ policy: 'case_task_need_to_know', check: ofMyMunicipality() }],
  consent: [{ policy: 'consent_need_to_know', check: ofMyMunicipality() }],
  child_voice: [{ policy: 'child_voice_need_to_know', check: ofMyMunicipality() }],
  child_welfare_report: [{ policy: 'child_welfare_report_need_to_know', check: `"municipalityId" = ${municipality} AND ${ofMyMunicipality()}` }],
  measure: [{ policy: 'measure_need_to_know', check: ofMyMunicipality() }],
  measure_evaluation: [{ policy: 'measure_evaluation_need_to_know', check: ofMyMunicipality() }],
  case_guardian: [{ policy: 'case_guardian_need_to_know', check: ofMyMunicipality() }],
  youth_sharing: [{ policy: 'youth_sharing_need_to_know', check: ofMyMunicipality() }],
  consent_request: [{ policy: 'consent_request_need_to_know', check: ofMyMunicipality() }],
  consent_request_answer: [{ policy: 'consent_request_answer_need_to_know', check: `EXISTS (SELECT 1 FROM consent_request r WHERE r.id = "requestId")` }],
};

/** New policies: [name, table, command, role, USING, WITH CHECK]. */
export type Policy = [string, string, 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE', string, string | null, string | null];

export const POLICIES: Policy[] = [
  // The API (bti_app), with the caller's identity.
  ['iks_referral_municipality', 'iks_referral', 'ALL', 'bti_app', `"municipalityId" = ${municipality}`, `"municipalityId" = ${municipality}`],
  ['iks_competence_order_municipality', 'iks_competence_order', 'ALL', 'bti_app', ofMyMunicipality(), ofMyMunicipality()],
  ['scheduled_reminder_municipality', 'scheduled_reminder', 'ALL', 'bti_app', ofMyMunicipality(), ofMyMunicipality()],
  ['audit_event_auditor', 'audit_event', 'SELECT', 'bti_app', `"municipalityId" = ${municipality} AND ${holds('auditor')}`, null],
  ['audit_event_own', 'audit_event', 'INSERT', 'bti_app', null, `"municipalityId" = ${municipality} AND "actorId" = ${me}`],
  ['notification_own', 'notification', 'SELECT', 'bti_app', `"recipientId" = ${me}`, null],
  ['notification_own_read', 'notification', 'UPDATE', 'bti_app', `"recipientId" = ${me}`, `"recipientId" = ${me}`],
  ['notification_send', 'notification', 'INSERT', 'bti_app', null, `${recipientHere} AND ${ofMyMunicipality()}`],
  ['notification_setting_own', 'notification_setting', 'ALL', 'bti_app', `"userId" = ${me}`, `"userId" = ${me}`],
  ['notification_delivery_admin', 'notification_delivery', 'SELECT', 'bti_app', `${holds('admin')} AND ${recipientHere}`, null],
  ['mail_digest_admin', 'mail_digest', 'SELECT', 'bti_app', `${holds('admin')} AND ${recipientHere}`, null],

  // A citizen (bti.citizen_hmac, DESIGN 12.4) writes what their own requests do, on the cases linked to them;
  // the restrictive policies of migration FamilyAccess narrow these further (log types, own HMAC).
  ['case_log_entry_citizen', 'case_log_entry', 'INSERT', 'bti_app', null, citizenCase()],
  ['consent_citizen', 'consent', 'ALL', 'bti_app', citizenCase(), citizenCase()],
  ['youth_sharing_citizen', 'youth_sharing', 'INSERT', 'bti_app', null, `bti_citizen_relation("caseId") = 'youth'`],
  ['consent_request_citizen', 'consent_request', 'UPDATE', 'bti_app', citizenCase(), citizenCase()],
  ['consent_request_answer_citizen', 'consent_request_answer', 'INSERT', 'bti_app', null, `"citizenHmac" = (SELECT bti_citizen_hmac())`],
  ['scheduled_reminder_citizen', 'scheduled_reminder', 'ALL', 'bti_app', citizenCase(), citizenCase()],
  ['notification_citizen', 'notification', 'INSERT', 'bti_app', null,
    `${citizenCase()} AND EXISTS (SELECT 1 FROM app_user u JOIN bti_case c ON c.id = "caseId" WHERE u.id = "recipientId" AND u."municipalityId" = c."municipalityId")`],
  // Who has looked (the case's audit rows) and the citizen's own audit rows, in the case's municipality's chain.
  ['audit_event_citizen_read', 'audit_event', 'SELECT', 'bti_app', citizenCase(), null],
  ['audit_event_citizen', 'audit_event', 'INSERT', 'bti_app', null,
    `"actorUsername" = 'citizen:' || (SELECT bti_citizen_hmac()) AND ${citizenCase()} AND "municipalityId" = (SELECT c."municipalityId" FROM bti_case c WHERE c.id = "caseId")`],

  // The worker (bti_worker): the rows its jobs process, across municipalities.
  ['bti_case_worker', 'bti_case', 'SELECT', 'bti_worker', hasReminders('bti_case.id'), null],
  // request_evaluation: an acting case with reminders moves to evaluating (row locks need the USING too).
  ['bti_case_worker_evaluation', 'bti_case', 'UPDATE', 'bti_worker', hasReminders('bti_case.id'), `status = 'evaluating'`],
  ['case_log_entry_worker', 'case_log_entry', 'INSERT', 'bti_worker', null, `"actorId" IS NULL AND type = 'request_evaluation'`],
  ['case_task_worker', 'case_task', 'SELECT', 'bti_worker', hasReminders('case_task."caseId"'), null],
  ['consent_worker', 'consent', 'SELECT', 'bti_worker', hasReminders('consent."caseId"'), null],
  ['measure_worker', 'measure', 'SELECT', 'bti_worker', hasReminders('measure."caseId"'), null],
  ['measure_evaluation_worker', 'measure_evaluation', 'SELECT', 'bti_worker', hasReminders('measure_evaluation."caseId"'), null],
  ['iks_referral_worker', 'iks_referral', 'SELECT', 'bti_worker', hasReminders('iks_referral."caseId"'), null],
  ['child_welfare_report_worker', 'child_welfare_report', 'SELECT', 'bti_worker', `status IN ('recorded', 'sent')`, null],
  ['child_welfare_report_worker_status', 'child_welfare_report', 'UPDATE', 'bti_worker', `status IN ('recorded', 'sent')`, `status IN ('sent', 'acknowledged')`],
  ['scheduled_reminder_worker', 'scheduled_reminder', 'ALL', 'bti_worker', 'true', 'true'],
  // The sealer reads every municipality's rows; the system's own events (request_evaluation) are written by it.
  ['audit_event_worker_seal', 'audit_event', 'SELECT', 'bti_worker', 'true', null],
  ['audit_event_worker_system', 'audit_event', 'INSERT', 'bti_worker', null, `"actorId" = '00000000-0000-0000-0000-000000000000' AND "actorUsername" = 'system'`],
  ['notification_worker', 'notification', 'SELECT', 'bti_worker', 'true', null],
  ['notification_worker_reminder', 'notification', 'INSERT', 'bti_worker', null, `"jobKey" IS NOT NULL`],
  ['notification_setting_worker', 'notification_setting', 'SELECT', 'bti_worker', 'true', null],
  ['notification_delivery_worker', 'notification_delivery', 'ALL', 'bti_worker', 'true', 'true'],
  ['mail_digest_worker', 'mail_digest', 'ALL', 'bti_worker', 'true', 'true'],
  // Extractions and the deletion report are written by the worker's jobs for every municipality.
  ['archive_extraction_worker', 'archive_extraction', 'ALL', 'bti_worker', 'true', 'true'],
  ['retention_deletion_worker', 'retention_deletion', 'ALL', 'bti_worker', 'true', 'true'],
];
