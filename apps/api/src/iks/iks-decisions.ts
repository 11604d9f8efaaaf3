import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IKS_REFERRAL_LIFECYCLE, may, onIksAccepted, onIksEnded, onIksReturned, step, type DomainEffect, type Route } from '@app/domain';
import { toCaseState, type BtiCase, type IksReferral } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { ProblemException, problems } from '../common/problem.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseStore, type LoadedCase } from '../case-core/case-store.js';
import { CasePeopleStore } from '../case-core/case-people-store.js';
import { CaseCommandRunner, type CaseChange } from '../case-core/case-command-runner.js';
import type { NotificationToSend, NotificationType } from '../case-core/notify.js';
import { versionMismatch, type CasePrecondition } from '../case-core/if-match.js';
import { refusalToProblem } from '../case-core/refusal.mapper.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { IKS_PRIORITY_LABEL, type IksPriority } from './iks-priority.js';
import { IksQueue } from './iks-queue.js';
import { lockReferral, requireOnCase } from './iks-referral-access.js';
import { IksReferralStore } from './iks-referral-store.js';
import { requireStep } from './iks-views.js';
import type { AcceptReferralDto, EndReferralDto, IksReferralView, ReturnReferralDto, SetPriorityDto } from './dto/iks.dto.js';

/**
 * The IKS coordinator's decisions on a referral (DESIGN sections 3–4): priority, acceptance,
 * return and end. Those that change the case (accept, return, end) run through the
 * CaseCommandRunner: they bump its version and write the case log; the referral's status moves
 * by its lifecycle table (libs/domain IKS_REFERRAL_LIFECYCLE).
 */
@Injectable()
export class IksDecisions {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly referrals: IksReferralStore,
    private readonly cases: CaseStore,
    private readonly runner: CaseCommandRunner,
    private readonly queue: IksQueue,
    private readonly people: CasePeopleStore,
    private readonly profiles: MunicipalityProfiles,
    private readonly audit: AuditTrail,
  ) {}

  async setPriority(principal: Principal, referralId: string, dto: SetPriorityDto): Promise<IksReferralView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const referral = await lockReferral(this.referrals, em, principal, referralId);
      await requireOnCase(this.cases, em, principal, referral.caseId, 'iks.priority');
      if (!step(IKS_REFERRAL_LIFECYCLE, 'prioritise', referral.status)) {
        throw new ProblemException(422, 'IKS_REFERRAL_CLOSED', 'Bare åpne henvisninger (henvist eller tatt inn) kan prioriteres.');
      }
      await this.referrals.update(em, referral.id, { priority: dto.priority });
      await this.audit.record(em, principal, 'iks.priority', [referral.caseId]);
      return this.queue.reload(em, principal, referral.id);
    });
  }

  async accept(principal: Principal, referralId: string, dto: AcceptReferralDto, precondition: CasePrecondition): Promise<IksReferralView> {
    return this.decide(principal, referralId, 'accept', 'Henvisningen er allerede besvart.', precondition, async (em, loaded, referral, now): Promise<CaseChange<IksReferralView>> => {
      // The case's profile version names its core group (a case follows its version to the end).
      const coreGroup = (await this.profiles.get(loaded.row.municipalityId, loaded.row.profileVersion)).iksCoreGroup ?? [];
      const errors = dto.coreGroup
        .map((code, i) => ({ code, i }))
        .filter(({ code, i }) => !coreGroup.includes(code) || dto.coreGroup.indexOf(code) !== i)
        .map(({ code, i }) => ({
          field: `coreGroup[${i}]`,
          message: coreGroup.includes(code) ? 'er oppgitt flere ganger' : `er ikke en tjeneste i kommunens IKS-kjernegruppe (${coreGroup.join(', ') || 'ingen'})`,
        }));
      const memberIds = [...new Set(dto.memberIds ?? [])];
      // A member is one who may work the IKS queue (the permission table's `iks.queue`).
      const members = await this.cases.actorsOf(em, memberIds, principal.municipalityId);
      for (const id of memberIds) {
        const member = members.get(id);
        if (!member || !may(member, 'iks.queue')) errors.push({ field: `memberIds[${(dto.memberIds ?? []).indexOf(id)}]`, message: 'er ikke et IKS-medlem i kommunen' });
      }
      if (errors.length) throw problems.validation(errors);

      const outcome = onIksAccepted(toCaseState(loaded.row));
      await this.referrals.update(em, referral.id, {
        status: step(IKS_REFERRAL_LIFECYCLE, 'accept', referral.status)!,
        priority: dto.priority,
        coreGroup: dto.coreGroup,
        memberIds,
        entryPlan: dto.entryPlan.trim(),
        exitCriteria: dto.exitCriteria.trim(),
        acceptedAt: now,
        acceptedById: principal.userId,
      });
      return {
        case: {},
        log: {
          type: 'iks_accepted',
          text: `${outcome.logText} Prioritet: ${IKS_PRIORITY_LABEL[dto.priority as IksPriority]}. Kjernegruppe: ${dto.coreGroup.join(', ')}.\nPlan for inngang: ${dto.entryPlan.trim()}\nKriterier for utgang: ${dto.exitCriteria.trim()}`,
          data: { referralId: referral.id, priority: dto.priority, coreGroup: dto.coreGroup },
        },
        reminders: outcome.effects,
        notifications: [await this.unitLeadersNotice(em, loaded.row, 'iks_accepted', 'IKS har tatt inn en sak fra enheten din.')],
        respond: () => this.queue.reload(em, principal, referral.id),
      };
    });
  }

  async returnReferral(principal: Principal, referralId: string, dto: ReturnReferralDto, precondition: CasePrecondition): Promise<IksReferralView> {
    const detail = 'Bare en henvisning som venter på svar kan sendes tilbake; en sak IKS har tatt inn avsluttes i stedet.';
    return this.decide(principal, referralId, 'return', detail, precondition, async (em, loaded, referral, now): Promise<CaseChange<IksReferralView>> => {
      const outcome = onIksReturned(toCaseState(loaded.row), dto.reason);
      const next = outcome.next;
      const columns = { status: next.status, route: next.route, level: next.level, anonymous: next.anonymous };
      // Leaving the IKS route takes the case out of the coordinator's sight: the thin write (iks-referral-store).
      const leavesSight = next.route !== loaded.row.route;
      if (leavesSight && !(await this.referrals.writeCaseLeavingRoute(em, referral, loaded.row.version, next))) throw versionMismatch(loaded.row.version + 1);
      await this.referrals.update(em, referral.id, { status: step(IKS_REFERRAL_LIFECYCLE, 'return', referral.status)!, returnReason: dto.reason.trim(), returnedAt: now, returnedById: principal.userId });
      return {
        case: leavesSight ? { writtenByCommand: columns } : columns,
        log: { type: 'iks_returned', text: outcome.logText, data: { referralId: referral.id, effects: outcome.effects.map((e: DomainEffect) => e.type) } },
        reminders: outcome.effects,
        notifications: [
          await this.unitLeadersNotice(em, loaded.row, 'iks_returned', 'IKS har sendt en henvisning tilbake. Saken er tilbake til beslutning: se begrunnelsen i sakens logg.'),
        ],
        // The case may no longer be visible to the coordinator: the answer is built from the referral alone.
        respond: () => this.queue.reload(em, principal, referral.id),
      };
    });
  }

  async end(principal: Principal, referralId: string, dto: EndReferralDto, precondition: CasePrecondition): Promise<IksReferralView> {
    return this.decide(principal, referralId, 'end', 'Bare en sak IKS har tatt inn kan avsluttes.', precondition, async (em, loaded, referral, now): Promise<CaseChange<IksReferralView>> => {
      if (!referral.exitCriteria?.trim()) {
        throw new ProblemException(422, 'EXIT_CRITERIA_MISSING', 'Kriterier for utgang er ikke registrert for denne saken.');
      }
      if (!dto.exitCriteriaMet) {
        throw new ProblemException(422, 'EXIT_CRITERIA_NOT_MET', 'IKS-innsatsen avsluttes når kriteriene for utgang er nådd.', [
          { field: 'exitCriteriaMet', message: `må være true: kriteriene for utgang er «${referral.exitCriteria.trim()}»` },
        ]);
      }
      const profile = await this.profiles.get(loaded.row.municipalityId, loaded.row.profileVersion);
      const outcome = onIksEnded(toCaseState(loaded.row), dto.handBackRoute ?? 'own_unit', dto.summary, {
        now,
        enabledRoutes: profile.routes as Route[],
        consents: loaded.consents,
        reminderDurations: await this.profiles.reminderDurations(loaded.row.municipalityId, loaded.row.profileVersion),
      }, dto.anonymous === true);
      if ('ok' in outcome) throw refusalToProblem(outcome);
      const next = outcome.next;
      // Leaving route iks takes the case out of the coordinator's sight: the thin write (iks-referral-store).
      const leavesSight = next.route !== loaded.row.route;
      if (leavesSight && !(await this.referrals.writeCaseLeavingRoute(em, referral, loaded.row.version, next))) throw versionMismatch(loaded.row.version + 1);
      await this.referrals.update(em, referral.id, { status: step(IKS_REFERRAL_LIFECYCLE, 'end', referral.status)!, endReason: 'exit_criteria_met', endSummary: dto.summary.trim(), endedAt: now, endedById: principal.userId });
      return {
        case: leavesSight ? { writtenByCommand: { route: next.route, level: next.level, anonymous: next.anonymous } } : {},
        log: {
          type: 'iks_ended',
          text: outcome.logText,
          data: { referralId: referral.id, handBackRoute: next.route, effects: outcome.effects.map((e: DomainEffect) => e.type) },
        },
        reminders: outcome.effects,
        notifications: [await this.unitLeadersNotice(em, loaded.row, 'iks_ended', 'IKS har avsluttet sin innsats i en sak fra enheten din.')],
        respond: () => this.queue.reload(em, principal, referral.id),
      };
    });
  }

  /**
   * A decision on a referral that changes its case, run by the CaseCommandRunner as `iks.<event>`:
   * the referral's status is checked by its lifecycle before the case is locked and again under
   * the referral's lock (another request may have answered it meanwhile).
   */
  private decide(
    principal: Principal,
    referralId: string,
    event: 'accept' | 'return' | 'end',
    refusal: string,
    precondition: CasePrecondition,
    decide: (em: EntityManager, loaded: LoadedCase, referral: IksReferral, now: Date) => Promise<CaseChange<IksReferralView>>,
  ): Promise<IksReferralView> {
    const check = (r: IksReferral) => requireStep(r, event, refusal);
    return this.runner.run(principal, (em) => this.caseOfReferral(em, principal, referralId, check), {
      action: `iks.${event}`,
      requires: `iks.${event}`,
      precondition,
      decide: async (em, loaded, now) => {
        const referral = await lockReferral(this.referrals, em, principal, referralId);
        check(referral);
        return decide(em, loaded, referral, now);
      },
    });
  }

  /**
   * The case an IKS decision changes, found through the referral, so the runner locks the case row
   * before the referral (the same order as case events: a coordinator's decision and a unit
   * leader's event on the same case cannot deadlock). An answered referral is refused by its
   * status, even when its case is now hidden.
   */
  private async caseOfReferral(em: EntityManager, principal: Principal, referralId: string, check: (r: IksReferral) => void): Promise<string> {
    if (!isUUID(referralId)) throw problems.notFound('Fant ikke henvisningen.');
    const peek = await this.referrals.find(em, principal.municipalityId, referralId);
    if (!peek) throw problems.notFound('Fant ikke henvisningen.');
    check(peek);
    return peek.caseId;
  }

  /** IKS's answers go to the leaders of the case's unit. */
  private async unitLeadersNotice(em: EntityManager, row: BtiCase, type: NotificationType, message: string): Promise<NotificationToSend> {
    return { recipientIds: await this.people.holders(em, 'unit_leader', toCaseState(row)), type, message };
  }
}
