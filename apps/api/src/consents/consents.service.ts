import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import {
  OSLO,
  consentGiverRefusal,
  consentStatus,
  maySeeCase,
  step,
  CONSENT_LIFECYCLE,
  onConsentWithdrawn,
  remindersOnConsentRecorded,
  remindersOnConsentWithdrawn,
  startOfOsloDay,
} from '@app/domain';
import { ConsentRow, toCaseState, toDomainConsent, type BtiCase } from '@app/persistence';
import { serviceNames } from '@app/platform';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { toActor, type Principal } from '../auth/principal.js';
import { ProblemException, problems } from '../common/problem.js';
import { CaseAccessPolicy, type CaseView } from '../case-core/case-access.policy.js';
import { CaseCommandRunner } from '../case-core/case-command-runner.js';
import type { NotificationToSend } from '../case-core/notify.js';
import { versionMismatch, type CasePrecondition } from '../case-core/if-match.js';
import { RowSecurity } from '../database/row-security.js';
import { CasePeopleStore } from '../case-core/case-people-store.js';
import { CaseStore } from '../case-core/case-store.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { ageInYears } from '../case-core/child-age.js';

import type { ConsentListResponse, ConsentView, ConsentWithdrawalResponse, RecordConsentDto, WithdrawConsentDto } from './consent.dto.js';

/** When a municipality profile does not say (both seed plans are silent): 16 (municipalities.json note). */
const DEFAULT_SELF_CONSENT_AGE = 16;

/** Samtykke: recorded and withdrawn by the unit's own people on the case; withdrawal acts at once. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly runner: CaseCommandRunner,
    private readonly profiles: MunicipalityProfiles,
    private readonly policy: CaseAccessPolicy,
    private readonly audit: AuditTrail,
    private readonly people: CasePeopleStore,
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
    return this.runner.run(principal, caseId, {
      action: 'consent.record',
      requires: 'consent.manage',
      precondition,
      decide: async (em, loaded, now) => {
        const today = DateTime.fromJSDate(now, { zone: OSLO }).toISODate()!;
        const refused = dto.decision === 'refused';
        const errors: { field: string; message: string }[] = [];
        // Who may consent (8.3): parental responsibility, or the child from the municipality's selfConsentAge.
        const profile = await this.profiles.get(loaded.row.municipalityId, loaded.row.profileVersion);
        const giver = consentGiverRefusal(dto.givenBy.relation, ageInYears(loaded.child.birthDate, now), profile.selfConsentAge ?? DEFAULT_SELF_CONSENT_AGE);
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
        const form = dto.form === 'oral' ? 'muntlig' : 'skriftlig';
        const text = refused
          ? `Samtykke nektet (${form}) for: ${serviceNames(row.recipients)}. Opplysninger deles ikke med disse tjenestene.`
          : `Samtykke (${form}) registrert for: ${serviceNames(row.recipients)}.`;
        return {
          case: {},
          log: { type: refused ? 'consent_refused' : 'consent_recorded', text, data: { consentId: row.id } },
          reminders: refused ? [] : remindersOnConsentRecorded(toDomainConsent(row), now, await this.profiles.reminderDurations(loaded.row.municipalityId, loaded.row.profileVersion)),
          respond: () => present(row, 'full'),
        };
      },
    });
  }

  /** Acts at once: `If-Match` is checked only when sent (a guardian's withdrawal must not wait on a stale page). */
  async withdraw(
    principal: Principal,
    caseId: string,
    consentId: string,
    dto: WithdrawConsentDto,
    expectedVersion: () => number | undefined = () => undefined,
  ): Promise<ConsentWithdrawalResponse> {
    return this.runner.run(principal, caseId, {
      action: 'consent.withdraw',
      requires: 'consent.manage',
      precondition: {
        check: (current) => {
          const expected = expectedVersion();
          if (expected !== undefined && expected !== current) throw versionMismatch(current);
        },
      },
      decide: async (em, loaded, now) => {
        const consent = isUUID(consentId) ? await em.findOneBy(ConsentRow, { id: consentId, caseId }) : null;
        if (!consent) throw problems.notFound('Fant ikke samtykket.');
        const state = consent.decision === 'refused' && !consent.withdrawnAt ? 'refused' : consentStatus(toDomainConsent(consent), now);
        if (!step(CONSENT_LIFECYCLE, 'withdraw', state)) throw new ProblemException(409, 'CONSENT_ALREADY_WITHDRAWN', 'Samtykket er allerede trukket tilbake.');
        Object.assign(consent, { withdrawnAt: now, withdrawnById: principal.userId, withdrawalReason: dto.reason });
        await em.save(consent);

        const remaining = loaded.consents.map((c) => (c.id === consent.id ? toDomainConsent(consent) : c));
        const outcome = onConsentWithdrawn(toCaseState(loaded.row), remaining, now, consent.id);
        const transferOff = outcome.next.transfer === null && loaded.row.transferToUnitId !== null;
        const changed = outcome.next.route !== loaded.row.route || outcome.next.anonymous !== loaded.row.anonymous || transferOff;
        const fellBack = outcome.next.route !== loaded.row.route;
        // The receiving unit's leader who stops the transfer no longer sees the case: their own
        // UPDATE would be refused by row-level security, so the thin definer write makes it.
        const leftView = !maySeeCase(toActor(principal), outcome.next, remaining, now);
        if (leftView) {
          const { next } = outcome;
          const { ok } = await this.store.writeLeavingSight(em, 'bti_case_drop_transfer', loaded.row.id, loaded.row.version, [next.route, next.level, next.anonymous]);
          if (!ok) throw versionMismatch(loaded.row.version + 1);
        }
        const columns = {
          route: outcome.next.route,
          level: outcome.next.level,
          anonymous: outcome.next.anonymous,
          // A proposed transfer stops with the guardians' permission (DESIGN 8.7).
          ...(transferOff ? { transferToUnitId: null, transferToClusterId: null } : {}),
        };
        return {
          case: leftView ? { writtenByCommand: columns } : changed
            ? columns
            : 'unchanged',
          log: { type: 'consent_withdrawn', text: outcome.logText, data: { consentId: consent.id } },
          // Through CaseEffects, so a route that fell back also ends an open IKS referral.
          effects: [...outcome.effects, ...remindersOnConsentWithdrawn(consent.id)],
          notifications: [await this.withdrawalNotice(em, loaded.row, fellBack)],
          respond: (written) => ({
            consent: present(consent, 'full'),
            case: { route: outcome.next.route, level: outcome.next.level, version: written.row.version },
            leftView,
          }),
        };
      },
    });
  }

  /** The assignee and the unit leader(s) hear of a withdrawal at once. */
  private async withdrawalNotice(em: EntityManager, row: BtiCase, fellBack: boolean): Promise<NotificationToSend> {
    const leaders = await this.people.holders(em, 'unit_leader', toCaseState(row));
    return {
      recipientIds: [...(row.assigneeId ? [row.assigneeId] : []), ...leaders],
      type: 'consent_withdrawn',
      message: fellBack
        ? 'Et samtykke er trukket tilbake. Saken er tilbakeført til egen enhet, og andre tjenester har ikke lenger tilgang.'
        : 'Et samtykke er trukket tilbake.',
    };
  }
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

