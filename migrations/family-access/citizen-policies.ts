/**
 * Row-level security for a citizen identity (DESIGN 12.4): `bti.citizen_hmac` names the citizen
 * by their national id's HMAC; `bti.user_id` is then unset, so no staff policy lets a row through.
 * A citizen sees a case through `bti_case_citizen`; what hangs off it passes the staff tables'
 * case-visibility policies and is then narrowed by the restrictive policies below, which a staff
 * caller (no citizen identity) passes at once.
 */
const hmac = `(SELECT bti_citizen_hmac())`;
/**
 * Not a citizen's request: no citizen identity, or not the API's role (an owner-defined function
 * reading for a policy runs as the owner, a member of bti_app, and must read unnarrowed).
 */
const staff = `(current_user <> 'bti_app' OR ${hmac} IS NULL)`;

export const CITIZEN_FUNCTIONS = [
  `CREATE FUNCTION bti_citizen_hmac() RETURNS text LANGUAGE sql STABLE AS $$
     SELECT nullif(current_setting('bti.citizen_hmac', true), '')
   $$`,
  // 'youth' (the child's own national id), 'guardian' (a registered guardian) or null: not linked, or
  // hidden (anonymous; flagged, or reported without informing the guardians, until released).
  // Reads as the owner, whom the restrictive policies below do not narrow (they test current_user).
  `CREATE FUNCTION bti_citizen_relation_of(p_case uuid, p_hmac text) RETURNS text
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
     SELECT CASE
       WHEN p_hmac IS NULL OR c.anonymous THEN NULL
       WHEN ch."nationalIdHash" = p_hmac THEN
         CASE WHEN c."suspectedViolenceOrAbuse" AND c."guardiansMayBeInformedAt" IS NULL THEN NULL ELSE 'youth' END
       WHEN EXISTS (SELECT 1 FROM case_guardian g WHERE g."caseId" = c.id AND g."nationalIdHash" = p_hmac) THEN
         CASE WHEN c."guardiansMayBeInformedAt" IS NULL AND (c."suspectedViolenceOrAbuse"
                OR EXISTS (SELECT 1 FROM child_welfare_report r WHERE r."caseId" = c.id AND NOT r."guardiansInformed"))
              THEN NULL ELSE 'guardian' END
     END
     FROM bti_case c JOIN child ch ON ch.id = c."childId"
     WHERE c.id = p_case
   $$`,
  `CREATE FUNCTION bti_citizen_relation(p_case uuid) RETURNS text LANGUAGE sql STABLE AS $$
     SELECT bti_citizen_relation_of(p_case, nullif(current_setting('bti.citizen_hmac', true), ''))
   $$`,
  // A log entry as a citizen may see it: never a confidential one; a guardian not what was written
  // from the child's selfConsentAge unless the youth shares (the latest youth_sharing record).
  `CREATE FUNCTION bti_citizen_sees_entry_of(p_case uuid, p_at timestamptz, p_confidential varchar, p_hmac text) RETURNS boolean
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
     SELECT p_confidential IS NULL AND CASE bti_citizen_relation_of(p_case, p_hmac)
       WHEN 'youth' THEN true
       WHEN 'guardian' THEN (
         SELECT p_at < ((ch."birthDate" + make_interval(years => coalesce((pv.document->>'selfConsentAge')::int, 16)))::timestamp AT TIME ZONE 'Europe/Oslo')
           OR coalesce((SELECT y."sharesWithGuardians" FROM youth_sharing y WHERE y."caseId" = c.id ORDER BY y.at DESC, y.id DESC LIMIT 1), false)
         FROM bti_case c JOIN child ch ON ch.id = c."childId"
         LEFT JOIN municipality_profile_version pv ON pv."municipalityId" = c."municipalityId" AND pv.version = c."profileVersion"
         WHERE c.id = p_case)
       ELSE false END
   $$`,
  `CREATE FUNCTION bti_citizen_sees_entry(p_case uuid, p_at timestamptz, p_confidential varchar) RETURNS boolean LANGUAGE sql STABLE AS $$
     SELECT bti_citizen_sees_entry_of(p_case, p_at, p_confidential, nullif(current_setting('bti.citizen_hmac', true), ''))
   $$`,
];

/** The log entries a citizen's request writes: their statements and their consent answers. */
export const CITIZEN_LOG_TYPES = ['guardian_statement', 'youth_statement', 'consent_recorded', 'consent_refused', 'consent_withdrawn'];

/** Restrictive policies: [name, table, command, USING, WITH CHECK]. */
export const CITIZEN_RESTRICTIONS: [string, string, 'SELECT' | 'INSERT' | 'UPDATE' | 'ALL', string | null, string | null][] = [
  ['case_log_entry_citizen_read', 'case_log_entry', 'SELECT',
    `${staff} OR bti_citizen_sees_entry("caseId", at, CASE WHEN "confidentialClearedAt" IS NULL THEN confidential END)`, null],
  ['case_log_entry_citizen_statement', 'case_log_entry', 'INSERT', null,
    `${staff} OR (type IN (${CITIZEN_LOG_TYPES.map((t) => `'${t}'`).join(', ')}) AND "actorId" IS NULL AND "citizenHmac" = ${hmac} AND bti_citizen_relation("caseId") IS NOT NULL)`],
  ['bti_case_citizen_insert', 'bti_case', 'INSERT', null, staff],
  ['consent_citizen_insert', 'consent', 'INSERT', null, `${staff} OR (form = 'digital' AND ${hmac} = ANY ("citizenHmacs"))`],
  ['case_guardian_citizen_insert', 'case_guardian', 'INSERT', null, staff],
  ['case_guardian_citizen_update', 'case_guardian', 'UPDATE', staff, staff],
  ['youth_sharing_citizen_insert', 'youth_sharing', 'INSERT', null,
    `${staff} OR ("decidedBy" = 'youth' AND "citizenHmac" = ${hmac} AND bti_citizen_relation("caseId") = 'youth')`],
  ['consent_request_citizen_insert', 'consent_request', 'INSERT', null, staff],
  ['consent_request_answer_citizen_insert', 'consent_request_answer', 'INSERT', null, `${staff} OR "citizenHmac" = ${hmac}`],
];

/** Tables no citizen reads (the concern's text, tasks, the child's voice, the report). */
export const NOT_CITIZEN = staff;

export const CITIZEN_TABLES_HIDDEN = ['concern', 'case_task', 'child_voice', 'child_welfare_report'];

/** A citizen's change of a case they see (a withdrawal's route change). */
export const CITIZEN_CASE_UPDATE = `${hmac} IS NOT NULL AND bti_citizen_relation(id) IS NOT NULL`;
