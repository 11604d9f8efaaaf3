import { Injectable } from '@nestjs/common';
import { noticeGuardiansOfConsentRequest } from './guardian-notices.js';
import { isUUID } from 'class-validator';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import {
  OSLO,
  consentRequestStatus,
  mayAnswer,
  mayCitizenWithdraw,
  onConsentWithdrawn,
  startOfOsloDay,
  remindersOnConsentRecorded,
  remindersOnConsentWithdrawn,
  type ConsentRequestFacts,
} from '@app/domain';
import { ConsentRequestRow, ConsentRow, toCaseState, toDomainConsent, writeReminderEffects, type BtiCase } from '@app/persistence';
import { loadReferenceData, serviceNames } from '@app/platform';
import type { Principal } from '../auth/principal.js';
import { ProblemException, problems, type FieldError } from '../common/problem.js';
import { CasePeopleStore } from '../case-core/case-people-store.js';
import { CaseCommandRunner } from '../case-core/case-command-runner.js';
import { ageInYears } from '../case-core/child-age.js';
import type { CasePrecondition } from '../case-core/if-match.js';
import { notify } from '../case-core/notify.js';
import { RowSecurity } from '../database/row-security.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { auditCitizen } from './citizen-audit.js';
import { refuseClosedCase, requireLinked } from './citizen-cases.service.js';
import type { CitizenPrincipal } from '../auth/citizen-principal.js';
import type { CitizenConsentRequest, CitizenConsentRequestList } from './citizen.dto.js';
import type { ConsentRequestView, CreateConsentRequestDto } from './consent-request.dto.js';

const DEFAULT_SELF_CONSENT_AGE = 16;

/**
 * Digital consent (DESIGN 12.4): the stafettholder asks; the guardians with parental responsibility
 * (or, from selfConsentAge, the youth) answer in the portal; it takes effect by the profile's
 * `consentRequires` and is recorded as a consent of form `digital` with the answerers' HMACs and acr.
 */
@Injectable()
export class ConsentRequestsService {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly runner: CaseCommandRunner,
    private readonly profiles: MunicipalityProfiles,
    private readonly people: CasePeopleStore,
  ) {}

  async create(principal: Principal, caseId: string, dto: CreateConsentRequestDto, precondition: CasePrecondition): Promise<ConsentRequestView> {
    return this.runner.run(principal, caseId, {
      action: 'consent.request',
      requires: 'consent.request',
      precondition,
      decide: async (em, loaded, now) => {
        const known = new Set(loadReferenceData().services.map((s) => s.code));
        const errors: FieldError[] = dto.services.flatMap((s, i) => (known.has(s) ? [] : [{ field: `services[${i}]`, message: 'er ikke en tjeneste i services.json' }]));
        const today = DateTime.fromJSDate(now, { zone: OSLO }).toISODate()!;
        if (dto.validUntil < today) errors.push({ field: 'validUntil', message: 'kan ikke være før i dag' });
        if (errors.length) throw problems.validation(errors);
        const profile = await this.profiles.get(loaded.row.municipalityId, loaded.row.profileVersion);
        const askYouth = ageInYears(loaded.child.birthDate, now) >= (profile.selfConsentAge ?? DEFAULT_SELF_CONSENT_AGE);
        const [row]: ConsentRequestRow[] = await em.query(
          `INSERT INTO consent_request ("caseId", services, purpose, "validUntil", requires, "askYouth", "requestedById")
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [caseId, [...new Set(dto.services)], dto.purpose.trim(), startOfOsloDay(dto.validUntil, 1), profile.consentRequires ?? 'all_with_responsibility', askYouth, principal.userId],
        );
        if (!askYouth) await noticeGuardiansOfConsentRequest(em, caseId);
        const asked = askYouth ? 'ungdommen' : 'foresatte med foreldreansvar';
        return {
          case: {},
          log: { type: 'consent_requested', text: `Samtykke bedt om digitalt fra ${asked} for: ${serviceNames(row.services)}.`, data: { consentRequestId: row.id } },
          respond: () => presentStaff(row),
        };
      },
    });
  }

  async listForCitizen(citizen: CitizenPrincipal): Promise<CitizenConsentRequestList> {
    return this.rowSecurity.asCitizen(citizen, async (em) => {
      const rows: (ConsentRequestRow & { relation: string; myAnswer: string | null })[] = await em.query(
        `WITH linked AS (
           SELECT g."caseId" AS id FROM case_guardian g WHERE g."nationalIdHash" = $1
           UNION SELECT c.id FROM child ch JOIN bti_case c ON c."childId" = ch.id WHERE ch."nationalIdHash" = $1)
         SELECT r.*, bti_citizen_relation(r."caseId") AS relation,
                (SELECT a.answer FROM consent_request_answer a WHERE a."requestId" = r.id AND a."citizenHmac" = $1) AS "myAnswer"
         FROM consent_request r WHERE r."caseId" IN (SELECT id FROM linked) ORDER BY r."createdAt" DESC, r.id`,
        [citizen.hmac],
      );
      // The guardians see the requests put to them; the youth those put to the youth.
      const mine = rows.filter((r) => (r.askYouth ? r.relation === 'youth' : r.relation === 'guardian'));
      await auditCitizen(em, citizen, 'citizen.consent_request.list', [...new Set(mine.map((r) => r.caseId))]);
      return { items: mine.map((r) => presentCitizen(r, r.myAnswer)) };
    });
  }

  async answer(citizen: CitizenPrincipal, requestId: string, answer: 'given' | 'refused'): Promise<CitizenConsentRequest> {
    return this.rowSecurity.asCitizen(citizen, async (em) => {
      const request = await this.lockRequest(em, requestId);
      await refuseClosedCase(em, request.caseId);
      const facts = await this.facts(em, request);
      if (!mayAnswer(facts, citizen.hmac)) {
        throw new ProblemException(403, 'NOT_ASKED', request.askYouth ? 'Ungdommen svarer selv på denne forespørselen.' : 'Bare foresatte med foreldreansvar svarer på denne forespørselen.');
      }
      if (request.status !== 'waiting' || facts.answers.has(citizen.hmac)) {
        throw new ProblemException(409, 'ALREADY_ANSWERED', 'Forespørselen er allerede besvart.');
      }
      if (request.validUntil.getTime() <= Date.now()) throw new ProblemException(409, 'REQUEST_EXPIRED', 'Forespørselen har utløpt. Enheten kan be om samtykke på nytt.');
      await em.query(`INSERT INTO consent_request_answer ("requestId", "citizenHmac", answer, acr) VALUES ($1, $2, $3, $4)`, [request.id, citizen.hmac, answer, citizen.acr]);
      const answers = new Map(facts.answers).set(citizen.hmac, answer);
      const status = consentRequestStatus({ ...facts, answers });
      let consentId: string | null = null;
      if (status === 'in_effect') consentId = await this.recordConsent(em, request, [...answers].filter(([h, a]) => a === 'given' && mayAnswer(facts, h)).map(([h]) => h), citizen);
      if (status === 'refused') {
        await em.query(`INSERT INTO case_log_entry ("caseId", type, "actorId", text, data, "citizenHmac") VALUES ($1, 'consent_refused', NULL, $2, $3, $4)`, [
          request.caseId,
          `Samtykke nektet digitalt for: ${serviceNames(request.services)}. Opplysninger deles ikke med disse tjenestene.`,
          JSON.stringify({ consentRequestId: request.id }),
          citizen.hmac,
        ]);
      }
      if (status !== 'waiting') await em.query(`UPDATE consent_request SET status = $2, "consentId" = $3 WHERE id = $1`, [request.id, status, consentId]);
      await auditCitizen(em, citizen, 'citizen.consent_request.answer', [request.caseId]);
      return presentCitizen({ ...request, status, consentId }, answer);
    });
  }

  /** A guardian with parental responsibility or the youth withdraws (`mayCitizenWithdraw`), and it acts at once (DESIGN 8.3). */
  async withdraw(citizen: CitizenPrincipal, consentId: string, reason: string | undefined): Promise<{ consentId: string; withdrawnAt: Date }> {
    return this.rowSecurity.asCitizen(citizen, async (em) => {
      const consent = isUUID(consentId) ? await em.findOneBy(ConsentRow, { id: consentId }) : null;
      if (!consent) throw problems.notFound('Fant ikke samtykket.');
      const relation = await requireLinked(em, consent.caseId);
      await refuseClosedCase(em, consent.caseId);
      if (!mayCitizenWithdraw(await this.withdrawer(em, consent.caseId, relation, citizen), consent.givenByRelation === 'child')) {
        throw new ProblemException(
          403,
          'NOT_ASKED',
          relation === 'guardian' ? 'Bare den som ga samtykket, eller foresatte med foreldreansvar for et samtykke fra foresatte, kan trekke det.' : 'Samtykket fra foresatte kan du trekke selv først når du er gammel nok til å samtykke selv.',
        );
      }
      if (consent.withdrawnAt) throw new ProblemException(409, 'CONSENT_ALREADY_WITHDRAWN', 'Samtykket er allerede trukket tilbake.');
      const now = new Date();
      await em.query(`UPDATE consent SET "withdrawnAt" = $2, "withdrawalReason" = $3, "withdrawnByCitizenHmac" = $4 WHERE id = $1`, [consent.id, now, reason?.trim() || null, citizen.hmac]);
      const [row]: BtiCase[] = await em.query(`SELECT * FROM bti_case WHERE id = $1 FOR NO KEY UPDATE`, [consent.caseId]);
      const consents: ConsentRow[] = await em.find(ConsentRow, { where: { caseId: consent.caseId } });
      const outcome = onConsentWithdrawn(toCaseState(row), consents.map(toDomainConsent), now, consent.id);
      const transferOff = outcome.next.transfer === null && row.transferToUnitId !== null;
      await em.query(
        `UPDATE bti_case SET route = $2, level = $3, anonymous = $4, "transferToUnitId" = CASE WHEN $5 THEN NULL ELSE "transferToUnitId" END,
           "transferToClusterId" = CASE WHEN $5 THEN NULL ELSE "transferToClusterId" END, version = version + 1, "updatedAt" = $6 WHERE id = $1`,
        [row.id, outcome.next.route, outcome.next.level, outcome.next.anonymous, transferOff, now],
      );
      await em.query(`INSERT INTO case_log_entry ("caseId", type, "actorId", text, data, "citizenHmac") VALUES ($1, 'consent_withdrawn', NULL, $2, $3, $4)`, [
        row.id,
        `${outcome.logText} Trukket av familien i innbyggerportalen.`,
        JSON.stringify({ consentId: consent.id }),
        citizen.hmac,
      ]);
      await writeReminderEffects(em, row.id, [...outcome.effects, ...remindersOnConsentWithdrawn(consent.id)]);
      const leaders = await this.people.holders(em, 'unit_leader', toCaseState(row));
      await notify(em, row.id, {
        recipientIds: [...(row.assigneeId ? [row.assigneeId] : []), ...leaders],
        type: 'consent_withdrawn',
        message: 'Et samtykke er trukket tilbake av familien.',
      });
      await auditCitizen(em, citizen, 'citizen.consent.withdraw', [row.id]);
      return { consentId: consent.id, withdrawnAt: now };
    });
  }

  /** What decides whether this citizen may withdraw: their link, parental responsibility, and the youth's age against selfConsentAge. */
  private async withdrawer(em: EntityManager, caseId: string, relation: 'guardian' | 'youth', citizen: CitizenPrincipal) {
    const [c]: { birthDate: string; municipalityId: string; profileVersion: number; responsible: boolean }[] = await em.query(
      `SELECT ch."birthDate"::text AS "birthDate", c."municipalityId", c."profileVersion",
              EXISTS (SELECT 1 FROM case_guardian g WHERE g."caseId" = c.id AND g."nationalIdHash" = $2 AND g."parentalResponsibility") AS responsible
       FROM bti_case c JOIN child ch ON ch.id = c."childId" WHERE c.id = $1`,
      [caseId, citizen.hmac],
    );
    const profile = await this.profiles.get(c.municipalityId, c.profileVersion);
    return { relation, parentalResponsibility: c.responsible, youthOfAge: ageInYears(c.birthDate, new Date()) >= (profile.selfConsentAge ?? DEFAULT_SELF_CONSENT_AGE) };
  }

  /** The request locked (two guardians answering at once decide in turn), or 404 when the citizen is not linked. */
  private async lockRequest(em: EntityManager, requestId: string): Promise<ConsentRequestRow> {
    if (!isUUID(requestId)) throw problems.notFound('Fant ikke forespørselen.');
    const [request]: ConsentRequestRow[] = await em.query(`SELECT * FROM consent_request WHERE id = $1 FOR UPDATE`, [requestId]);
    if (!request) throw problems.notFound('Fant ikke forespørselen.');
    await requireLinked(em, request.caseId);
    return request;
  }

  private async facts(em: EntityManager, request: ConsentRequestRow): Promise<ConsentRequestFacts> {
    const guardians: { hash: string | null }[] = await em.query(
      `SELECT "nationalIdHash" AS hash FROM case_guardian WHERE "caseId" = $1 AND "parentalResponsibility"`,
      [request.caseId],
    );
    const [child] = await em.query(`SELECT ch."nationalIdHash" AS hash FROM bti_case c JOIN child ch ON ch.id = c."childId" WHERE c.id = $1`, [request.caseId]);
    const answers: { citizenHmac: string; answer: 'given' | 'refused' }[] = await em.query(
      `SELECT "citizenHmac", answer FROM consent_request_answer WHERE "requestId" = $1`,
      [request.id],
    );
    return {
      requires: request.requires,
      askYouth: request.askYouth,
      responsibleGuardians: guardians.map((g) => g.hash),
      youthHmac: child?.hash ?? null,
      answers: new Map(answers.map((a) => [a.citizenHmac, a.answer])),
    };
  }

  /** The consent itself: form `digital`, given by the answerers (names as staff registered them), with the acr of this login. */
  private async recordConsent(em: EntityManager, request: ConsentRequestRow, givers: string[], citizen: CitizenPrincipal): Promise<string> {
    const now = new Date();
    const names: { name: string }[] = request.askYouth
      ? []
      : await em.query(`SELECT name FROM case_guardian WHERE "caseId" = $1 AND "nationalIdHash" = ANY($2) ORDER BY position`, [request.caseId, givers]);
    const consent = await em.save(
      em.create(ConsentRow, {
        caseId: request.caseId,
        givenByName: (request.askYouth ? 'Ungdommen selv' : names.map((n) => n.name).join(', ')).slice(0, 100),
        givenByRelation: request.askYouth ? 'child' : 'guardian',
        recipients: request.services,
        decision: 'given',
        purpose: request.purpose,
        form: 'digital',
        recordedById: null,
        citizenHmacs: givers,
        acr: citizen.acr,
        validFrom: now,
        validUntil: request.validUntil,
        withdrawnAt: null,
        withdrawnById: null,
        withdrawalReason: null,
        withdrawnByCitizenHmac: null,
      }),
    );
    await em.query(`INSERT INTO case_log_entry ("caseId", type, "actorId", text, data, "citizenHmac") VALUES ($1, 'consent_recorded', NULL, $2, $3, $4)`, [
      request.caseId,
      `Samtykke (digitalt) gitt for: ${serviceNames(request.services)}.`,
      JSON.stringify({ consentId: consent.id, consentRequestId: request.id }),
      citizen.hmac,
    ]);
    const [c] = await em.query(`SELECT "municipalityId", "profileVersion" FROM bti_case WHERE id = $1`, [request.caseId]);
    await writeReminderEffects(em, request.caseId, remindersOnConsentRecorded(toDomainConsent(consent), now, await this.profiles.reminderDurations(c.municipalityId, c.profileVersion)));
    return consent.id;
  }
}

function presentStaff(r: ConsentRequestRow): ConsentRequestView {
  return { id: r.id, caseId: r.caseId, services: r.services, purpose: r.purpose, validUntil: r.validUntil, status: r.status, requires: r.requires, askYouth: r.askYouth, consentId: r.consentId };
}

function presentCitizen(r: ConsentRequestRow, myAnswer: string | null): CitizenConsentRequest {
  return {
    id: r.id,
    caseId: r.caseId,
    services: r.services,
    purpose: r.purpose,
    validUntil: r.validUntil,
    status: r.status,
    ...(r.consentId ? { consentId: r.consentId } : {}),
    myAnswer,
  };
}
