import { MigrationInterface, QueryRunner } from 'typeorm';

/** libs/domain TEAM_SERVICE_CODES as of this migration (a migration is a snapshot: no live import). */
const TEAM_SERVICE_CODES = ['ppt', 'health_station', 'child_welfare', 'family_service', 'nav', 'bup', 'municipal_psychologist', 'child_coordinator', 'culture', 'police', 'slt'];

/**
 * Round two's practice rules (DESIGN 8.1-8.5). Hand-written.
 *
 * - `app_user.service`: the service a team, TFA or IKS member works in. Existing TFA and IKS
 *   coordinators get `tfa` / `iks` (their arena is their service); team members keep null until an
 *   administrator names their service, and until then see team cases anonymised.
 * - `consent.decision`: `given` | `refused`; every existing row was given. Round-one rows naming the
 *   `interdisciplinary_team` arena are NOT rewritten: the rules (libs/domain `consentNamesService`,
 *   and `bti_consent_names` below) read them as naming every service of the cluster's team, so the
 *   stored consent keeps saying what the guardian signed.
 * - `bti_case.pendingAssigneeId` (handover awaiting acceptance) and `anonymousSummary` (the only
 *   text an anonymised team reads). Existing anonymous consultations get a neutral placeholder
 *   summary, so from now on the team no longer reads the description they used to see.
 * - `child_voice`: the child's and guardians' voice, one row per event that records it.
 * - Row-level security follows libs/domain `caseViewOf` (and keeps CaseLifecycle's rules: the
 *   reporter's access ends with a transfer; the receiving leader's own policy is untouched): a proposed coordinator sees the case; a
 *   refusal grants nothing; the team sees a case under an anonymous consultation or a consent naming
 *   a team service; TFA and IKS need the route's consent and one naming their own service.
 */
export class PracticeRules1796021701022 implements MigrationInterface {
  name = 'PracticeRules1796021701022';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "service" character varying(40)`);
    await q.query(`UPDATE "app_user" u SET "service" = 'tfa' WHERE u."service" IS NULL
      AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId" = u.id AND r.role = 'tfa_coordinator')`);
    await q.query(`UPDATE "app_user" u SET "service" = 'iks' WHERE u."service" IS NULL
      AND EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId" = u.id AND r.role = 'iks_coordinator')`);

    await q.query(`ALTER TABLE "consent" ADD "decision" character varying(10) NOT NULL DEFAULT 'given'`);
    await q.query(`ALTER TABLE "consent" ADD CONSTRAINT "CHK_consent_decision" CHECK ("decision" IN ('given', 'refused'))`);

    await q.query(`ALTER TABLE "bti_case" ADD "pendingAssigneeId" uuid`);
    await q.query(`ALTER TABLE "bti_case" ADD "anonymousSummary" text`);
    await q.query(`UPDATE "bti_case" SET "anonymousSummary" = $1 WHERE anonymous AND "anonymousSummary" IS NULL`, [
      'Anonym drøfting registrert før anonym oppsummering ble innført. Be enheten om en oppsummering uten opplysninger som kan identifisere barnet.',
    ]);

    await q.query(`
      CREATE TABLE "child_voice" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "caseId" uuid NOT NULL,
        "event" character varying(40) NOT NULL,
        "heard" boolean,
        "view" text,
        "reasonNotHeard" text,
        "weight" text,
        "guardiansView" text,
        "actorId" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_child_voice" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_child_voice_case_at" ON "child_voice" ("caseId", "at")`);
    await q.query(`GRANT SELECT, INSERT ON "child_voice" TO bti_app`);
    await q.query(`ALTER TABLE "child_voice" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY "child_voice_need_to_know" ON "child_voice"
      USING (EXISTS (SELECT 1 FROM bti_case c WHERE c.id = "child_voice"."caseId")) WITH CHECK (true)`);

    const teamServices = `ARRAY[${TEAM_SERVICE_CODES.map((s) => `'${s}'`).join(', ')}, 'interdisciplinary_team']::text[]`;
    const active = `k."caseId" = p_case AND k.decision = 'given' AND k."validFrom" <= now()
          AND (k."validUntil" IS NULL OR k."validUntil" > now()) AND (k."withdrawnAt" IS NULL OR k."withdrawnAt" > now())`;
    await q.query(`
      CREATE OR REPLACE FUNCTION bti_consent_covers(p_case uuid, p_recipient text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM consent k WHERE ${active} AND p_recipient = ANY(k.recipients))
      $$`);
    // libs/domain consentNamesService: the service itself, or round one's team arena for a team service.
    await q.query(`
      CREATE FUNCTION bti_consent_names(p_case uuid, p_service text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT p_service IS NOT NULL AND EXISTS (SELECT 1 FROM consent k WHERE ${active}
          AND (p_service = ANY(k.recipients) OR ('interdisciplinary_team' = ANY(k.recipients) AND p_service = ANY(${teamServices}))))
      $$`);
    // libs/domain hasTeamConsent: a consent naming at least one team service.
    await q.query(`
      CREATE FUNCTION bti_team_consent(p_case uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM consent k WHERE ${active} AND k.recipients && ${teamServices})
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION bti_case_visible(c bti_case) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c."municipalityId"::text = current_setting('bti.municipality_id', true) AND (
          -- CaseLifecycle: a transfer to another unit ends the reporter's access.
          (c."reporterId"::text = current_setting('bti.user_id', true) AND c."reporterUnitId" = c."unitId")
          OR c."assigneeId"::text = current_setting('bti.user_id', true)
          OR c."pendingAssigneeId"::text = current_setting('bti.user_id', true)
          OR EXISTS (SELECT 1 FROM role_assignment r JOIN app_user u ON u.id = r."userId"
            WHERE r."userId"::text = current_setting('bti.user_id', true) AND (
               (r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."unitId")
            OR (c.route = 'interdisciplinary_team' AND r.role = 'team_member'
                AND ((r."scopeType" = 'unit' AND r."scopeId" = c."unitId") OR (r."scopeType" = 'cluster' AND r."scopeId" = c."clusterId")
                     OR (r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"))
                AND (c.anonymous OR bti_team_consent(c.id)))
            OR (c.route = 'tfa' AND r.role = 'tfa_coordinator' AND r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"
                AND bti_consent_covers(c.id, 'tfa') AND bti_consent_names(c.id, u.service))
            OR (c.route = 'iks' AND r.role IN ('iks_coordinator', 'iks_member') AND r."scopeType" = 'municipality'
                AND r."scopeId" = c."municipalityId" AND bti_consent_covers(c.id, 'iks') AND bti_consent_names(c.id, u.service))
          ))
        )
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION bti_case_visible(c bti_case) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c."municipalityId"::text = current_setting('bti.municipality_id', true) AND (
          (c."reporterId"::text = current_setting('bti.user_id', true) AND c."reporterUnitId" = c."unitId")
          OR c."assigneeId"::text = current_setting('bti.user_id', true)
          OR EXISTS (SELECT 1 FROM role_assignment r WHERE r."userId"::text = current_setting('bti.user_id', true) AND (
               (r.role = 'unit_leader' AND r."scopeType" = 'unit' AND r."scopeId" = c."unitId")
            OR (c.route = 'interdisciplinary_team' AND r.role = 'team_member'
                AND (r."scopeId" IN (c."unitId", c."clusterId") OR (r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"))
                AND (c.anonymous OR bti_consent_covers(c.id, 'interdisciplinary_team')))
            OR (c.route = 'tfa' AND r.role = 'tfa_coordinator' AND r."scopeType" = 'municipality' AND r."scopeId" = c."municipalityId"
                AND bti_consent_covers(c.id, 'tfa'))
            OR (c.route = 'iks' AND r.role IN ('iks_coordinator', 'iks_member') AND r."scopeType" = 'municipality'
                AND r."scopeId" = c."municipalityId" AND bti_consent_covers(c.id, 'iks'))
          ))
        )
      $$`);
    await q.query(`DROP FUNCTION bti_team_consent(uuid)`);
    await q.query(`DROP FUNCTION bti_consent_names(uuid, text)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION bti_consent_covers(p_case uuid, p_recipient text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM consent k WHERE k."caseId" = p_case AND p_recipient = ANY(k.recipients)
          AND k."validFrom" <= now() AND (k."validUntil" IS NULL OR k."validUntil" > now())
          AND (k."withdrawnAt" IS NULL OR k."withdrawnAt" > now()))
      $$`);
    await q.query(`DROP TABLE "child_voice"`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "anonymousSummary"`);
    await q.query(`ALTER TABLE "bti_case" DROP COLUMN "pendingAssigneeId"`);
    await q.query(`ALTER TABLE "consent" DROP CONSTRAINT "CHK_consent_decision"`);
    await q.query(`ALTER TABLE "consent" DROP COLUMN "decision"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "service"`);
  }
}
