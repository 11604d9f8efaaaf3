import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { startOfOsloDay } from '@app/domain';
import { ProblemException, problems } from '../common/problem.js';
import { notify } from '../case-core/notify.js';
import { RowSecurity } from '../database/row-security.js';
import { auditCitizen, citizenActorName } from './citizen-audit.js';
import type { CitizenPrincipal } from '../auth/citizen-principal.js';
import { isReadAction, roleText, routeText, statusText } from './citizen-words.js';
import type {
  CitizenAccessLogResponse,
  CitizenCaseResponse,
  CitizenChildrenResponse,
  CitizenLogItem,
  CitizenLogResponse,
  CitizenSharing,
} from './citizen.dto.js';

/** How the citizen is linked to a case they may see (migration FamilyAccess: `bti_citizen_relation`). */
export type CitizenRelation = 'guardian' | 'youth';

/**
 * What the family sees of its cases (DESIGN 12.4). Every query runs as the citizen
 * (`RowSecurity.asCitizen`): the citizen policies decide which cases and log entries exist for them,
 * so a hidden case or a withheld entry is absent, not filtered here. Unlinked → 404.
 */
@Injectable()
export class CitizenCasesService {
  constructor(private readonly rowSecurity: RowSecurity) {}

  async children(citizen: CitizenPrincipal): Promise<CitizenChildrenResponse> {
    return this.rowSecurity.asCitizen(citizen, async (em) => {
      const rows: { caseId: string; reference: string; status: string; childId: string; firstName: string; childHash: string | null; youth: boolean }[] = await em.query(
        `WITH linked AS (
           SELECT g."caseId" AS id FROM case_guardian g WHERE g."nationalIdHash" = $1
           UNION SELECT c.id FROM child ch JOIN bti_case c ON c."childId" = ch.id WHERE ch."nationalIdHash" = $1)
         SELECT c.id AS "caseId", c.reference, c.status, ch.id AS "childId", ch."firstName", ch."nationalIdHash" AS "childHash",
                coalesce(ch."nationalIdHash" = $1, false) AS youth
         FROM bti_case c JOIN child ch ON ch.id = c."childId"
         WHERE c.id IN (SELECT id FROM linked)
         ORDER BY c."createdAt" DESC, c.id`,
        [citizen.hmac],
      );
      // One child per national id (12.8.7); a child without one stands alone.
      const byChild = new Map<string, CitizenChildrenResponse['items'][number]>();
      for (const r of rows) {
        const key = r.childHash ?? r.childId;
        let child = byChild.get(key);
        if (!child) byChild.set(key, (child = { childId: r.childId, firstName: r.firstName, relation: r.youth ? 'youth' : 'guardian', cases: [] }));
        child.cases.push({ caseId: r.caseId, reference: r.reference, status: r.status, statusText: statusText(r.status) });
      }
      await auditCitizen(em, citizen, 'citizen.children', rows.map((r) => r.caseId));
      return { items: [...byChild.values()] };
    });
  }

  async case(citizen: CitizenPrincipal, caseId: string): Promise<CitizenCaseResponse> {
    return this.rowSecurity.asCitizen(citizen, async (em) => {
      const relation = await requireLinked(em, caseId);
      const [c] = await em.query(
        `SELECT c.id, c.reference, c.status, c.level, c.route, ch."firstName", u.name AS "unitName", a."displayName" AS "coordinatorName"
         FROM bti_case c JOIN child ch ON ch.id = c."childId" JOIN unit u ON u.id = c."unitId" LEFT JOIN app_user a ON a.id = c."assigneeId"
         WHERE c.id = $1`,
        [caseId],
      );
      // A measure (and its evaluation) follows the rule of the log entry that recorded it (12.4): never
      // confidential, so only the youth's selfConsentAge and sharing matter. Row security says the same.
      const measures: { title: string; status: string; startDate: string; evaluationDate: string; evaluations: string[] }[] = await em.query(
        `SELECT m.title, m.status, m."startDate"::text AS "startDate", m."evaluationDate"::text AS "evaluationDate",
                coalesce((SELECT array_agg(e.outcome::text ORDER BY e."createdAt") FROM measure_evaluation e
                          WHERE e."measureId" = m.id AND bti_citizen_sees_entry(e."caseId", e."createdAt", NULL)), '{}') AS evaluations
         FROM measure m WHERE m."caseId" = $1 AND bti_citizen_sees_entry(m."caseId", m."createdAt", NULL)
         ORDER BY m."startDate", m."createdAt"`,
        [caseId],
      );
      const consents: { id: string; recipients: string[]; decision: string; form: string; validUntil: Date | null; withdrawnAt: Date | null }[] = await em.query(
        `SELECT id, recipients, decision, form, "validUntil", "withdrawnAt" FROM consent WHERE "caseId" = $1 ORDER BY "createdAt", id`,
        [caseId],
      );
      const now = Date.now();
      const deadlines = [
        ...measures.filter((m) => m.status === 'active').map((m) => ({ kind: 'measure_evaluation', dueAt: startOfOsloDay(m.evaluationDate) })),
        ...consents
          .filter((k) => k.decision === 'given' && !k.withdrawnAt && k.validUntil && k.validUntil.getTime() > now)
          .map((k) => ({ kind: 'consent_expiry', dueAt: k.validUntil! })),
      ].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      const sharing = relation === 'youth' ? await youthSharing(em, caseId) : null;
      await auditCitizen(em, citizen, 'citizen.case.read', [caseId]);
      return {
        caseId: c.id,
        relation,
        sharing,
        reference: c.reference,
        firstName: c.firstName,
        status: c.status,
        statusText: statusText(c.status),
        level: c.level,
        route: c.route,
        routeText: routeText(c.route),
        unitName: c.unitName,
        coordinator: c.coordinatorName ? { name: c.coordinatorName, unitName: c.unitName } : null,
        measures,
        consents: consents.map((k) => ({ id: k.id, services: k.recipients, decision: k.decision, form: k.form, validUntil: k.validUntil, withdrawnAt: k.withdrawnAt })),
        deadlines,
      };
    });
  }

  async log(citizen: CitizenPrincipal, caseId: string): Promise<CitizenLogResponse> {
    return this.rowSecurity.asCitizen(citizen, async (em) => {
      await requireLinked(em, caseId);
      // Row-level security leaves out what 12.4 withholds (confidential; after selfConsentAge unless shared).
      const rows: { id: string; type: string; at: Date; text: string; citizenHmac: string | null; author: string | null; data: Record<string, unknown> }[] = await em.query(
        `SELECT e.id, e.type, e.at, e.text, e."citizenHmac", a."displayName" AS author, e.data
         FROM case_log_entry e LEFT JOIN app_user a ON a.id = e."actorId"
         WHERE e."caseId" = $1 ORDER BY e.at, e.id`,
        [caseId],
      );
      await auditCitizen(em, citizen, 'citizen.log.read', [caseId]);
      return { items: rows.map((r) => present(r, citizen)) };
    });
  }

  async accessLog(citizen: CitizenPrincipal, caseId: string): Promise<CitizenAccessLogResponse> {
    return this.rowSecurity.asCitizen(citizen, async (em) => {
      await requireLinked(em, caseId);
      const rows: { at: Date; action: string; actorUsername: string; displayName: string | null; role: string | null; unitName: string | null }[] = await em.query(
        `SELECT e.at, e.action, e."actorUsername", a."displayName",
                (SELECT r.role FROM role_assignment r WHERE r."userId" = e."actorId" ORDER BY (r."scopeId" = c."unitId") DESC, r.role LIMIT 1) AS role,
                (SELECT u.name FROM role_assignment r JOIN unit u ON u.id = r."scopeId"
                  WHERE r."userId" = e."actorId" AND r."scopeType" = 'unit' ORDER BY (r."scopeId" = c."unitId") DESC LIMIT 1) AS "unitName"
         FROM audit_event e JOIN bti_case c ON c.id = e."caseId" LEFT JOIN app_user a ON a.id = e."actorId"
         WHERE e."caseId" = $1 ORDER BY e.at DESC, e.id DESC LIMIT 500`,
        [caseId],
      );
      await auditCitizen(em, citizen, 'citizen.access_log.read', [caseId]);
      const me = citizenActorName(citizen.hmac);
      return {
        items: rows.map((r) => {
          const kind = isReadAction(r.action) ? ('read' as const) : ('change' as const);
          if (r.actorUsername === me) return { at: r.at, name: 'du', role: null, unitName: null, kind };
          if (r.actorUsername.startsWith('citizen:')) return { at: r.at, name: 'en annen i familien', role: 'foresatt eller ungdom', unitName: null, kind };
          if (!r.displayName) return { at: r.at, name: 'BTI (automatisk)', role: null, unitName: null, kind };
          return { at: r.at, name: r.displayName, role: roleText(r.role), unitName: r.unitName, kind };
        }),
      };
    });
  }

  async addStatement(citizen: CitizenPrincipal, caseId: string, text: string): Promise<CitizenLogItem> {
    return this.rowSecurity.asCitizen(citizen, async (em) => {
      const relation = await requireLinked(em, caseId);
      await refuseClosedCase(em, caseId);
      const [c] = await em.query(`SELECT "assigneeId" FROM bti_case WHERE id = $1`, [caseId]);
      const type = relation === 'youth' ? 'youth_statement' : 'guardian_statement';
      const [entry] = await em.query(
        `INSERT INTO case_log_entry ("caseId", type, "actorId", text, data, "citizenHmac") VALUES ($1, $2, NULL, $3, $4, $5)
         RETURNING id, type, at, text, "citizenHmac", data`,
        [caseId, type, text.trim(), JSON.stringify({ author: relation }), citizen.hmac],
      );
      // The stafettholder hears of it (no personal data in the notice).
      if (c.assigneeId) await notify(em, caseId, { recipientIds: [c.assigneeId], type: 'citizen_statement', message: 'Familien har skrevet i sakens logg.' });
      await auditCitizen(em, citizen, 'citizen.statement', [caseId]);
      return present({ ...entry, author: null }, citizen);
    });
  }
}

/** The youth's choice whether guardians see what was written from their selfConsentAge (12.8.7). */
export async function recordYouthSharing(rowSecurity: RowSecurity, citizen: CitizenPrincipal, caseId: string, share: boolean): Promise<{ shareWithGuardians: boolean; at: Date }> {
  return rowSecurity.asCitizen(citizen, async (em) => {
    const relation = await requireLinked(em, caseId);
    if (relation !== 'youth') throw problems.notFound('Fant ikke saken.');
    const [row] = await em.query(
      `INSERT INTO youth_sharing ("caseId", "sharesWithGuardians", "decidedBy", "citizenHmac") VALUES ($1, $2, 'youth', $3) RETURNING at`,
      [caseId, share, citizen.hmac],
    );
    await auditCitizen(em, citizen, 'citizen.sharing', [caseId]);
    return { shareWithGuardians: share, at: row.at };
  });
}

/**
 * The youth's sharing choice as it stands (12.8.7): from which day it decides what the guardians see
 * (the birthday of the profile's selfConsentAge, as the row-level security computes it) and the latest record.
 */
async function youthSharing(em: EntityManager, caseId: string): Promise<CitizenSharing> {
  const [row]: { decidesFrom: string; shareWithGuardians: boolean | null; decidedAt: Date | null; decidedBy: 'youth' | 'unit_leader' | null }[] = await em.query(
    `SELECT (ch."birthDate" + make_interval(years => coalesce((pv.document->>'selfConsentAge')::int, 16)))::date::text AS "decidesFrom",
            y."sharesWithGuardians" AS "shareWithGuardians", y.at AS "decidedAt", y."decidedBy"
     FROM bti_case c JOIN child ch ON ch.id = c."childId"
     LEFT JOIN municipality_profile_version pv ON pv."municipalityId" = c."municipalityId" AND pv.version = c."profileVersion"
     LEFT JOIN LATERAL (SELECT * FROM youth_sharing s WHERE s."caseId" = c.id ORDER BY s.at DESC, s.id DESC LIMIT 1) y ON true
     WHERE c.id = $1`,
    [caseId],
  );
  return { decidesFrom: row.decidesFrom, shareWithGuardians: row.shareWithGuardians ?? false, decidedAt: row.decidedAt, decidedBy: row.decidedBy };
}

/** The caller's link to the case, or 404 for an unlinked citizen, a hidden case or a malformed id. */
export async function requireLinked(em: EntityManager, caseId: string): Promise<CitizenRelation> {
  if (!isUUID(caseId)) throw problems.notFound('Fant ikke saken.');
  const [row] = await em.query(`SELECT bti_citizen_relation(c.id) AS relation FROM bti_case c WHERE c.id = $1`, [caseId]);
  if (!row?.relation) throw problems.notFound('Fant ikke saken.');
  return row.relation;
}

/** A closed case is read-only for the family too (12.5): the same answer as the staff's commands. */
export async function refuseClosedCase(em: EntityManager, caseId: string): Promise<void> {
  const [c] = await em.query(`SELECT status FROM bti_case WHERE id = $1`, [caseId]);
  if (c?.status === 'closed') throw new ProblemException(422, 'TRANSITION_NOT_ALLOWED', 'Saken er avsluttet og kan ikke endres. Ta kontakt med enheten.');
}

function present(r: { id: string; type: string; at: Date; text: string; citizenHmac: string | null; author: string | null; data: Record<string, unknown> }, citizen: CitizenPrincipal): CitizenLogItem {
  const author =
    r.citizenHmac === citizen.hmac ? 'du' : r.citizenHmac ? (r.data?.author === 'youth' ? 'ungdommen' : 'foresatt') : (r.author ?? 'BTI (automatisk)');
  return { id: r.id, type: r.type, at: r.at, text: r.text, author };
}
