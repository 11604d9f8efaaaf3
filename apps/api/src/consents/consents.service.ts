import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import {
  OSLO,
  consentGiverRefusal,
  consentStatus,
  onConsentWithdrawn,
  remindersOnConsentRecorded,
  remindersOnConsentWithdrawn,
} from '@app/domain';
import { ConsentRow, Municipality, Notification, RoleAssignmentRow, toCaseState, toDomainConsent, writeReminderEffects } from '@app/persistence';
import { AuditTrail } from '../audit/audit-trail.service.js';
import type { Principal } from '../auth/principal.js';
import { ProblemException, problems } from '../common/problem.js';
import { CaseAccessPolicy, type CaseView } from '../cases/case-access.policy.js';
import { CaseEffects } from '../cases/case-effects.js';
import { versionMismatch, type CasePrecondition } from '../cases/if-match.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseStore } from '../cases/case-store.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { ageInYears } from '../cases/child-age.js';

/** When a municipality profile does not say (both seed plans are silent): 16 (municipalities.json note). */
const DEFAULT_SELF_CONSENT_AGE = 16;
import type { ConsentListResponse, ConsentView, ConsentWithdrawalResponse, RecordConsentDto, WithdrawConsentDto } from './consent.dto.js';


/** Samtykke: recorded and withdrawn by the unit's own people on the case; withdrawal acts at once. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly profiles: MunicipalityProfiles,
    private readonly policy: CaseAccessPolicy,
    private readonly effects: CaseEffects,
    private readonly audit: AuditTrail,
  ) {}

  async list(principal: Principal, caseId: string): Promise<ConsentListResponse> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.store.loadVisible(em, principal, caseId);
      const view = this.policy.viewOf(principal, loaded.row, loaded.consents, new Date());
      const rows = await em.find(ConsentRow, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
      await this.audit.record(em, principal, 'consent.list', [caseId]);
      return { items: rows.map((r) => present(r, view)), total: rows.length, page: 1, pageSize: rows.length };
    });
  }

  async record(principal: Principal, caseId: string, dto: RecordConsentDto, precondition: CasePrecondition): Promise<ConsentView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.store.loadVisible(em, principal, caseId, true);
      this.requireInsider(principal, loaded.row);
      precondition.check(loaded.row.version);
      if (loaded.row.status === 'closed') throw new ProblemException(422, 'TRANSITION_NOT_ALLOWED', 'Saken er avsluttet.');
      const now = new Date();
      const today = DateTime.fromJSDate(now, { zone: OSLO }).toISODate()!;
      const refused = dto.decision === 'refused';
      const errors: { field: string; message: string }[] = [];
      // Who may consent (8.3): parental responsibility, or the child from the municipality's selfConsentAge.
      const municipality = await em.findOneByOrFail(Municipality, { id: loaded.row.municipalityId });
      const giver = consentGiverRefusal(dto.givenBy.relation, ageInYears(loaded.child.birthDate, now), municipality.profile.selfConsentAge ?? DEFAULT_SELF_CONSENT_AGE);
      if (giver) errors.push({ field: giver.field!, message: giver.message });
      if (!refused && !dto.validUntil) errors.push({ field: 'validUntil', message: 'må oppgis for et samtykke' });
      if (dto.validUntil && dto.validUntil < today) errors.push({ field: 'validUntil', message: 'kan ikke være før i dag' });
      if (dto.validFrom && dto.validUntil && dto.validFrom > dto.validUntil) errors.push({ field: 'validFrom', message: 'må være før eller lik validUntil' });
      if (errors.length) throw problems.validation(errors);
      const row = await em.save(
        em.create(ConsentRow, {
          caseId,
          givenByName: dto.givenBy.name,
          givenByRelation: dto.givenBy.relation,
          recipients: [...new Set(dto.recipients)],
          decision: refused ? 'refused' : 'given',
          purpose: dto.purpose,
          form: dto.form,
          recordedById: principal.userId,
          // A refusal holds from when it was recorded: it grants nothing, so it has no period.
          validFrom: !refused && dto.validFrom && dto.validFrom > today ? startOfOsloDay(dto.validFrom) : now,
          // Inclusive last day → exclusive instant, as libs/domain expects.
          validUntil: !refused && dto.validUntil ? startOfOsloDay(dto.validUntil, 1) : null,
          withdrawnAt: null,
          withdrawnById: null,
          withdrawalReason: null,
        }),
      );
      await this.store.saveVersioned(em, loaded.row, {});
      const form = dto.form === 'oral' ? 'muntlig' : 'skriftlig';
      const text = refused
        ? `Samtykke nektet (${form}) for: ${row.recipients.join(', ')}. Opplysninger deles ikke med disse tjenestene.`
        : `Samtykke (${form}) registrert for: ${row.recipients.join(', ')}.`;
      await this.store.appendLog(em, caseId, refused ? 'consent_refused' : 'consent_recorded', principal.userId, text, { consentId: row.id });
      if (!refused) {
        const durations = await this.profiles.reminderDurations(loaded.row.municipalityId);
        await writeReminderEffects(em, caseId, remindersOnConsentRecorded(toDomainConsent(row), now, durations));
      }
      await this.audit.record(em, principal, 'consent.record', [caseId]);
      return present(row, 'full');
    });
  }

  async withdraw(
    principal: Principal,
    caseId: string,
    consentId: string,
    dto: WithdrawConsentDto,
    expectedVersion: () => number | undefined = () => undefined,
  ): Promise<ConsentWithdrawalResponse> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.store.loadVisible(em, principal, caseId, true);
      this.requireInsider(principal, loaded.row);
      const expected = expectedVersion();
      if (expected !== undefined && expected !== loaded.row.version) throw versionMismatch(loaded.row.version);
      const consent = isUUID(consentId) ? await em.findOneBy(ConsentRow, { id: consentId, caseId }) : null;
      if (!consent) throw problems.notFound('Fant ikke samtykket.');
      if (consent.withdrawnAt) throw new ProblemException(409, 'CONSENT_ALREADY_WITHDRAWN', 'Samtykket er allerede trukket tilbake.');
      const now = new Date();
      Object.assign(consent, { withdrawnAt: now, withdrawnById: principal.userId, withdrawalReason: dto.reason });
      await em.save(consent);

      const remaining = loaded.consents.map((c) => (c.id === consent.id ? toDomainConsent(consent) : c));
      const outcome = onConsentWithdrawn(toCaseState(loaded.row), remaining, now, consent.id);
      const transferOff = outcome.next.transfer === null && loaded.row.transferToUnitId !== null;
      const changed = outcome.next.route !== loaded.row.route || outcome.next.anonymous !== loaded.row.anonymous || transferOff;
      if (changed) {
        await this.store.saveVersioned(em, loaded.row, {
          route: outcome.next.route,
          level: outcome.next.level,
          anonymous: outcome.next.anonymous,
          // A proposed transfer stops with the guardians' permission (DESIGN 8.7).
          ...(transferOff ? { transferToUnitId: null, transferToClusterId: null } : {}),
        });
      }
      await this.store.appendLog(em, caseId, 'consent_withdrawn', principal.userId, outcome.logText, { consentId: consent.id });
      // Through CaseEffects, so a route that fell back also ends an open IKS referral.
      await this.effects.persist(em, caseId, [...outcome.effects, ...remindersOnConsentWithdrawn(consent.id)], principal);
      await this.notifyWithdrawal(em, loaded.row.unitId, loaded.row.assigneeId, caseId, outcome.next.route !== loaded.row.route);
      await this.audit.record(em, principal, 'consent.withdraw', [caseId]);
      const version = changed ? loaded.row.version + 1 : loaded.row.version;
      return { consent: present(consent, 'full'), case: { route: outcome.next.route, level: outcome.next.level, version } };
    });
  }

  /** The assignee and the unit leader(s) hear of a withdrawal at once. */
  private async notifyWithdrawal(em: EntityManager, unitId: string, assigneeId: string | null, caseId: string, fellBack: boolean) {
    const leaders = await em.findBy(RoleAssignmentRow, { role: 'unit_leader', scopeType: 'unit', scopeId: unitId });
    const recipients = [...new Set([...(assigneeId ? [assigneeId] : []), ...leaders.map((l) => l.userId)])];
    const message = fellBack
      ? 'Et samtykke er trukket tilbake. Saken er tilbakeført til egen enhet, og andre tjenester har ikke lenger tilgang.'
      : 'Et samtykke er trukket tilbake.';
    if (recipients.length) {
      await em.insert(
        Notification,
        recipients.map((recipientId) => ({ recipientId, type: 'consent_withdrawn', caseId, dueAt: null, message, urgent: false })),
      );
    }
  }

  private requireInsider(principal: Principal, row: Parameters<CaseAccessPolicy['mayManageConsent']>[1]): void {
    if (!this.policy.mayManageConsent(principal, row)) {
      throw problems.forbidden('Bare melder, koordinator eller enhetsleder kan registrere eller trekke samtykke.');
    }
  }
}

function startOfOsloDay(isoDate: string, plusDays = 0): Date {
  return DateTime.fromISO(isoDate, { zone: OSLO }).plus({ days: plusDays }).startOf('day').toJSDate();
}

/** An anonymised viewer (8.4) sees which services are covered and when, never names or free text. */
function present(row: ConsentRow, view: CaseView): ConsentView {
  const full = view === 'full';
  return {
    id: row.id,
    caseId: row.caseId,
    givenBy: { name: full ? row.givenByName : null, relation: row.givenByRelation },
    recipients: row.recipients,
    decision: row.decision,
    purpose: full ? row.purpose : null,
    form: row.form,
    recordedById: row.recordedById,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status: row.decision === 'refused' ? 'refused' : consentStatus(toDomainConsent(row), new Date()),
    withdrawnAt: row.withdrawnAt,
    withdrawalReason: full ? row.withdrawalReason : null,
    createdAt: row.createdAt,
  };
}

