import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { IKS_REFERRAL_LIFECYCLE, OSLO, SERVICE_CODES, holdsMunicipalityRole, step, type IksReferralEvent, leadsUnit, may, onIksAccepted, onIksEnded, onIksReturned, type CaseAction, type DomainEffect, type Route } from '@app/domain';
import {
  AppUser,
  IksCompetenceOrder,
  IksReferral,
  RoleAssignmentRow,
  toCaseState,
  type IksReferralStatus,
} from '@app/persistence';
import { toActor, type Principal } from '../auth/principal.js';
import { ProblemException, problems } from '../common/problem.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseAccessPolicy } from '../case-core/case-access.policy.js';
import { CaseStore, type LoadedCase } from '../case-core/case-store.js';
import { CaseCommandRunner, refusalOf, type CaseChange } from '../case-core/case-command-runner.js';
import { notify, type NotificationToSend, type NotificationType } from '../case-core/notify.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { versionMismatch, type CasePrecondition } from '../case-core/if-match.js';
import { refusalToProblem } from '../cases/refusal.mapper.js';
import { compareQueue, explainScore, iksCapacity, iksPriorityScore, IKS_PRIORITY_LABEL, type IksPriority } from './iks-priority.js';
import {
  AcceptReferralDto,
  AcknowledgeOrderDto,
  CompetenceOrderListResponse,
  CompetenceOrderView,
  CreateOrderDto,
  EndReferralDto,
  IksQueueResponse,
  IksReferralView,
  ListOrdersQuery,
  ListReferralsQuery,
  ReturnReferralDto,
  SetPriorityDto,
} from './dto/iks.dto.js';

/**
 * The queue, a single referral and the answers to IKS commands go to the IKS coordinator and
 * members (maySeeReferral), who never see a case anonymised (libs/domain caseViewOf: IKS has no
 * anonymous mode); a referral of a case they no longer see keeps its texts for them, as before.
 */
const IKS_OWN_VIEW = true;

/** A referral row joined with what the queue shows of its case (null where RLS hides the case). */
interface QueueRow extends IksReferral {
  unitCode: string;
  unitName: string;
  unitKind: string;
  caseSuspected: boolean | null;
  caseRiskFactorCount: number | null;
  caseVersion: number | null;
  caseReference: string | null;
}

/**
 * The IKS area (DESIGN sections 3–4): the coordinator's queue with a priority score and capacity,
 * acceptance / return / end of a referral, and competence orders to unit leaders. Every request is
 * one RowSecurity transaction; the decisions that change the case (accept, return, end) run through
 * the CaseCommandRunner: they bump its version and write the case log.
 */
@Injectable()
export class IksService {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly runner: CaseCommandRunner,
    private readonly profiles: MunicipalityProfiles,
    private readonly audit: AuditTrail,
    private readonly policy: CaseAccessPolicy,
  ) {}

  /** Which referrals a caller's lists hold: the coordinator's all of the municipality's; a member's those they are in. */
  private static coordinates(principal: Principal): boolean {
    return holdsMunicipalityRole(toActor(principal), 'iks_coordinator');
  }

  /** The permission (`iks.queue` is the controller's `@Requires`). */
  async queue(principal: Principal, query: ListReferralsQuery): Promise<IksQueueResponse> {
    const coordinator = IksService.coordinates(principal);
    return this.rowSecurity.transaction(principal, async (em) => {
      const statuses: IksReferralStatus[] = query.status ? [query.status] : [...IKS_REFERRAL_LIFECYCLE.prioritise.from];
      const rows = await this.queueRows(em, principal, { statuses, onlyMember: coordinator ? null : principal.userId });
      const now = new Date();
      const items = rows.map((r) => this.view(r, now, IKS_OWN_VIEW)).sort((a, b) =>
        compareQueue({ id: a.id, priority: a.priority, score: a.score?.total ?? null, referredAt: a.referredAt }, { id: b.id, priority: b.priority, score: b.score?.total ?? null, referredAt: b.referredAt }),
      );
      const start = (query.page - 1) * query.pageSize;
      const page = items.slice(start, start + query.pageSize);
      await this.audit.record(em, principal, 'iks.queue', [...new Set(page.map((i) => i.caseId))]);
      return { items: page, total: items.length, page: query.page, pageSize: query.pageSize, capacity: await this.capacity(em, principal) };
    });
  }

  async get(principal: Principal, referralId: string): Promise<IksReferralView> {
    if (!isUUID(referralId)) throw problems.notFound('Fant ikke henvisningen.');
    return this.rowSecurity.transaction(principal, async (em) => {
      const [row] = await this.queueRows(em, principal, { referralId });
      if (!row || !this.maySeeReferral(principal, row)) throw problems.notFound('Fant ikke henvisningen.');
      const orders = await em.find(IksCompetenceOrder, { where: { referralId }, order: { createdAt: 'ASC', id: 'ASC' } });
      await this.audit.record(em, principal, 'iks.referral.read', [row.caseId]);
      return { ...this.view(row, new Date(), IKS_OWN_VIEW), orders: orders.map(orderView) };
    });
  }

  /** The referrals of one case, for anyone who sees the case (the unit leader follows the status here). */
  async forCase(principal: Principal, caseId: string): Promise<IksReferralView[]> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.store.loadVisible(em, principal, caseId);
      const rows = await this.queueRows(em, principal, { caseId });
      await this.audit.record(em, principal, 'iks.referral.list', [caseId]);
      const now = new Date();
      const identified = this.policy.viewOf(principal, loaded.row, loaded.consents, now) === 'full';
      return rows.map((r) => this.view(r, now, identified)).sort((a, b) => b.referredAt.getTime() - a.referredAt.getTime());
    });
  }

  async setPriority(principal: Principal, referralId: string, dto: SetPriorityDto): Promise<IksReferralView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const referral = await this.lockReferral(em, principal, referralId);
      await this.requireOnCase(em, principal, referral.caseId, 'iks.priority');
      if (!step(IKS_REFERRAL_LIFECYCLE, 'prioritise', referral.status)) {
        throw new ProblemException(422, 'IKS_REFERRAL_CLOSED', 'Bare åpne henvisninger (henvist eller tatt inn) kan prioriteres.');
      }
      await em.update(IksReferral, { id: referral.id }, { priority: dto.priority });
      await this.audit.record(em, principal, 'iks.priority', [referral.caseId]);
      return this.reload(em, principal, referral.id);
    });
  }

  async accept(principal: Principal, referralId: string, dto: AcceptReferralDto, precondition: CasePrecondition): Promise<IksReferralView> {
    const check = (r: IksReferral) => requireStep(r, 'accept', 'Henvisningen er allerede besvart.');
    return this.runner.run(principal, (em) => this.caseOfReferral(em, principal, referralId, check), {
      action: 'iks.accept',
      requires: 'iks.accept',
      checkVersion: (version) => precondition.check(version),
      decide: async (em, loaded, now): Promise<CaseChange<IksReferralView>> => {
        const referral = await this.lockReferral(em, principal, referralId);
        check(referral); // again under the lock: another request may have answered it meanwhile
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
        if (memberIds.length) {
          const ok = await em
            .createQueryBuilder(RoleAssignmentRow, 'r')
            .innerJoin(AppUser, 'u', 'u.id = r."userId"')
            .where('r."userId" IN (:...ids) AND u."municipalityId" = :m AND r.role IN (:...roles)', { ids: memberIds, m: principal.municipalityId, roles: ['iks_member', 'iks_coordinator'] })
            .getMany();
          memberIds.forEach((id) => {
            if (!ok.some((r) => r.userId === id)) errors.push({ field: `memberIds[${(dto.memberIds ?? []).indexOf(id)}]`, message: 'er ikke et IKS-medlem i kommunen' });
          });
        }
        if (errors.length) throw problems.validation(errors);

        const outcome = onIksAccepted(toCaseState(loaded.row));
        await em.update(IksReferral, { id: referral.id }, {
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
          notifications: [await this.unitLeadersNotice(em, loaded.row.unitId, 'iks_accepted', 'IKS har tatt inn en sak fra enheten din.')],
          respond: () => this.reload(em, principal, referral.id),
        };
      },
    });
  }

  async returnReferral(principal: Principal, referralId: string, dto: ReturnReferralDto, precondition: CasePrecondition): Promise<IksReferralView> {
    const check = (r: IksReferral) => requireStep(r, 'return', 'Bare en henvisning som venter på svar kan sendes tilbake; en sak IKS har tatt inn avsluttes i stedet.');
    return this.runner.run(principal, (em) => this.caseOfReferral(em, principal, referralId, check), {
      action: 'iks.return',
      requires: 'iks.return',
      checkVersion: (version) => precondition.check(version),
      decide: async (em, loaded, now): Promise<CaseChange<IksReferralView>> => {
        const referral = await this.lockReferral(em, principal, referralId);
        check(referral);
        const outcome = onIksReturned(toCaseState(loaded.row), dto.reason);
        const next = outcome.next;
        const columns = { status: next.status, route: next.route, level: next.level, anonymous: next.anonymous };
        let leavesSight = false;
        if (next.route !== loaded.row.route) {
          // The case leaves the IKS route and the coordinator's sight: row-level security would refuse
          // the coordinator's own UPDATE, so a thin definer function writes the domain's columns.
          const [{ ok }] = (await em.query('SELECT bti_iks_return_case($1, $2, $3, $4, $5, $6) AS ok', [referral.id, loaded.row.version, next.status, next.route, next.level, next.anonymous])) as { ok: boolean }[];
          if (!ok) throw versionMismatch(loaded.row.version + 1);
          leavesSight = true;
        }
        await em.update(IksReferral, { id: referral.id }, { status: step(IKS_REFERRAL_LIFECYCLE, 'return', referral.status)!, returnReason: dto.reason.trim(), returnedAt: now, returnedById: principal.userId });
        return {
          case: leavesSight ? { writtenByCommand: columns } : columns,
          log: { type: 'iks_returned', text: outcome.logText, data: { referralId: referral.id, effects: outcome.effects.map((e: DomainEffect) => e.type) } },
          reminders: outcome.effects,
          notifications: [
            await this.unitLeadersNotice(em, loaded.row.unitId, 'iks_returned', 'IKS har sendt en henvisning tilbake. Saken er tilbake til beslutning: se begrunnelsen i sakens logg.'),
          ],
          // The case has left the IKS route: it may no longer be visible to the coordinator, so the
          // answer is built from the referral alone.
          respond: () => this.reload(em, principal, referral.id),
        };
      },
    });
  }

  async end(principal: Principal, referralId: string, dto: EndReferralDto, precondition: CasePrecondition): Promise<IksReferralView> {
    const check = (r: IksReferral) => requireStep(r, 'end', 'Bare en sak IKS har tatt inn kan avsluttes.');
    return this.runner.run(principal, (em) => this.caseOfReferral(em, principal, referralId, check), {
      action: 'iks.end',
      requires: 'iks.end',
      checkVersion: (version) => precondition.check(version),
      decide: async (em, loaded, now): Promise<CaseChange<IksReferralView>> => {
        const referral = await this.lockReferral(em, principal, referralId);
        check(referral);
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
        let leavesSight = false;
        if (next.route !== loaded.row.route) {
          // The case leaves route iks and the coordinator's sight: row-level security would refuse
          // their own UPDATE, so the migration's narrow definer function makes it (while `accepted`).
          const [{ ok }] = (await em.query('SELECT bti_iks_end_case($1, $2, $3, $4, $5) AS ok', [referral.id, loaded.row.version, next.route, next.level, next.anonymous])) as { ok: boolean }[];
          if (!ok) throw versionMismatch(loaded.row.version + 1);
          leavesSight = true;
        }
        await em.update(IksReferral, { id: referral.id }, { status: step(IKS_REFERRAL_LIFECYCLE, 'end', referral.status)!, endReason: 'exit_criteria_met', endSummary: dto.summary.trim(), endedAt: now, endedById: principal.userId });
        return {
          case: leavesSight ? { writtenByCommand: { route: next.route, level: next.level, anonymous: next.anonymous } } : {},
          log: {
            type: 'iks_ended',
            text: outcome.logText,
            data: { referralId: referral.id, handBackRoute: next.route, effects: outcome.effects.map((e: DomainEffect) => e.type) },
          },
          reminders: outcome.effects,
          notifications: [await this.unitLeadersNotice(em, loaded.row.unitId, 'iks_ended', 'IKS har avsluttet sin innsats i en sak fra enheten din.')],
          respond: () => this.reload(em, principal, referral.id),
        };
      },
    });
  }

  async order(principal: Principal, referralId: string, dto: CreateOrderDto): Promise<CompetenceOrderView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const referral = await this.lockReferral(em, principal, referralId);
      const { row } = await this.requireOnCase(em, principal, referral.caseId, 'iks.order');
      requireStep(referral, 'order_competence', 'Kompetanse bestilles til saker IKS har tatt inn.');
      const profile = await this.profiles.get(row.municipalityId, row.profileVersion);
      const services = new Set<string>([...(profile.iksCoreGroup ?? []), ...SERVICE_CODES]);
      const errors = [];
      if (!services.has(dto.serviceCode)) errors.push({ field: 'serviceCode', message: `er ikke en kjent tjeneste (${[...services].join(', ')})` });
      const leader = await em
        .createQueryBuilder(RoleAssignmentRow, 'r')
        .innerJoin(AppUser, 'u', 'u.id = r."userId"')
        .where('r."userId" = :id AND u."municipalityId" = :m AND r.role = :role', { id: dto.unitLeaderId, m: principal.municipalityId, role: 'unit_leader' })
        .getOne();
      if (!leader) errors.push({ field: 'unitLeaderId', message: 'er ikke en enhetsleder i kommunen' });
      if (errors.length) throw problems.validation(errors);
      const saved = await em.save(
        em.create(IksCompetenceOrder, {
          referralId: referral.id,
          caseId: referral.caseId,
          serviceCode: dto.serviceCode,
          unitLeaderId: dto.unitLeaderId,
          note: dto.note.trim(),
          orderedById: principal.userId,
          acknowledgedAt: null,
          acknowledgementNote: null,
        }),
      );
      await this.store.appendLog(em, referral.caseId, 'iks_competence_ordered', principal.userId, `IKS har bestilt kompetanse fra tjenesten ${dto.serviceCode}.`, {
        orderId: saved.id,
        serviceCode: dto.serviceCode,
        unitLeaderId: dto.unitLeaderId,
      });
      await notify(em, referral.caseId, {
        recipientIds: [dto.unitLeaderId],
        type: 'iks_competence_order',
        message: `IKS ber om kompetanse fra ${dto.serviceCode} i en sak: bekreft bestillingen.`,
      });
      await this.audit.record(em, principal, 'iks.order', [referral.caseId]);
      return orderView(saved);
    });
  }

  async orders(principal: Principal, query: ListOrdersQuery): Promise<CompetenceOrderListResponse> {
    // The permission (`iks.orders.read`) is the controller's `@Requires`; a unit leader lists their own.
    const coordinator = IksService.coordinates(principal);
    return this.rowSecurity.transaction(principal, async (em) => {
      const qb = em.getRepository(IksCompetenceOrder).createQueryBuilder('o');
      if (coordinator) {
        qb.innerJoin(IksReferral, 'r', 'r.id = o."referralId"').where('r."municipalityId" = :m', { m: principal.municipalityId });
      } else {
        qb.where('o."unitLeaderId" = :me', { me: principal.userId });
      }
      if (query.open === 'true') qb.andWhere('o."acknowledgedAt" IS NULL');
      if (query.open === 'false') qb.andWhere('o."acknowledgedAt" IS NOT NULL');
      const rows = await qb.orderBy('o."createdAt"', 'DESC').addOrderBy('o.id', 'ASC').getMany();
      await this.audit.record(em, principal, 'iks.order.list', [...new Set(rows.map((o) => o.caseId))]);
      return { items: rows.map(orderView), total: rows.length };
    });
  }

  async acknowledge(principal: Principal, orderId: string, dto: AcknowledgeOrderDto): Promise<CompetenceOrderView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      if (!isUUID(orderId)) throw problems.notFound('Fant ikke bestillingen.');
      const order = await em.findOne(IksCompetenceOrder, { where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
      // Only the unit leader it is addressed to may see and acknowledge it.
      if (!order || order.unitLeaderId !== principal.userId) throw problems.notFound('Fant ikke bestillingen.');
      if (order.acknowledgedAt) throw new ProblemException(409, 'ALREADY_ACKNOWLEDGED', 'Bestillingen er allerede bekreftet.');
      order.acknowledgedAt = new Date();
      order.acknowledgementNote = dto.note?.trim() || null;
      await em.update(IksCompetenceOrder, { id: order.id }, { acknowledgedAt: order.acknowledgedAt, acknowledgementNote: order.acknowledgementNote });
      await this.store.appendLog(em, order.caseId, 'iks_order_acknowledged', principal.userId, `Enhetsleder har bekreftet bestillingen av kompetanse fra ${order.serviceCode}.`, {
        orderId: order.id,
      });
      await notify(em, order.caseId, {
        recipientIds: [order.orderedById],
        type: 'iks_order_acknowledged',
        message: `En enhetsleder har bekreftet bestillingen av kompetanse fra ${order.serviceCode}.`,
      });
      await this.audit.record(em, principal, 'iks.order.acknowledge', [order.caseId]);
      return orderView(order);
    });
  }

  // ---- helpers ----

  private maySeeReferral(principal: Principal, row: IksReferral): boolean {
    const actor = toActor(principal);
    if (IksService.coordinates(principal)) return true;
    if (holdsMunicipalityRole(actor, 'iks_member') && row.memberIds.includes(principal.userId)) return true;
    return leadsUnit(actor, row.unitId);
  }

  /** A coordinator's act on a referral outside the command runner: the same permission on its case (404 when hidden). */
  private async requireOnCase(em: EntityManager, principal: Principal, caseId: string, action: CaseAction): Promise<LoadedCase> {
    const loaded = await this.store.loadVisible(em, principal, caseId);
    if (!may(toActor(principal), action, { state: toCaseState(loaded.row), consents: loaded.consents, now: new Date() })) throw problems.forbidden(refusalOf(action));
    return loaded;
  }

  /**
   * The case an IKS decision changes, found through the referral, so the runner locks the case row
   * before the referral (the same order as case events: a coordinator's decision and a unit
   * leader's event on the same case cannot deadlock). An answered referral is refused by its
   * status, even when its case is now hidden.
   */
  private async caseOfReferral(em: EntityManager, principal: Principal, referralId: string, check: (r: IksReferral) => void): Promise<string> {
    if (!isUUID(referralId)) throw problems.notFound('Fant ikke henvisningen.');
    const peek = await em.findOneBy(IksReferral, { id: referralId, municipalityId: principal.municipalityId });
    if (!peek) throw problems.notFound('Fant ikke henvisningen.');
    check(peek);
    return peek.caseId;
  }

  private async lockReferral(em: EntityManager, principal: Principal, referralId: string): Promise<IksReferral> {
    if (!isUUID(referralId)) throw problems.notFound('Fant ikke henvisningen.');
    const referral = await em.findOne(IksReferral, { where: { id: referralId, municipalityId: principal.municipalityId }, lock: { mode: 'pessimistic_write' } });
    if (!referral) throw problems.notFound('Fant ikke henvisningen.');
    return referral;
  }

  private async reload(em: EntityManager, principal: Principal, referralId: string): Promise<IksReferralView> {
    const [row] = await this.queueRows(em, principal, { referralId });
    const orders = await em.find(IksCompetenceOrder, { where: { referralId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { ...this.view(row, new Date(), IKS_OWN_VIEW), orders: orders.map(orderView) };
  }

  /** Referrals with their unit and, where the caller's transaction may see the case, the score facts. */
  private async queueRows(
    em: EntityManager,
    principal: Principal,
    filter: { statuses?: IksReferralStatus[]; onlyMember?: string | null; referralId?: string; caseId?: string },
  ): Promise<QueueRow[]> {
    const qb = em
      .getRepository(IksReferral)
      .createQueryBuilder('r')
      .innerJoin('unit', 'u', 'u.id = r."unitId"')
      .leftJoin('bti_case', 'c', 'c.id = r."caseId"')
      .leftJoin('concern', 'k', 'k."caseId" = c.id')
      .select('r.*')
      .addSelect('u.code', 'unitCode')
      .addSelect('u.name', 'unitName')
      .addSelect('u.kind', 'unitKind')
      .addSelect('c."suspectedViolenceOrAbuse"', 'caseSuspected')
      .addSelect('cardinality(k."riskFactors")', 'caseRiskFactorCount')
      .addSelect('c.version', 'caseVersion')
      .addSelect('c.reference', 'caseReference')
      .where('r."municipalityId" = :m', { m: principal.municipalityId });
    if (filter.statuses) qb.andWhere('r.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.onlyMember) qb.andWhere(':member = ANY(r."memberIds")', { member: filter.onlyMember });
    if (filter.referralId) qb.andWhere('r.id = :rid', { rid: filter.referralId });
    if (filter.caseId) qb.andWhere('r."caseId" = :cid', { cid: filter.caseId });
    return (await qb.getRawMany()) as QueueRow[];
  }

  /**
   * A referral as the caller may see it. Someone who sees the case anonymised (a team member after
   * IKS handed it back) gets the log's rule (DESIGN 8.4): kinds, codes and dates; no texts (entry
   * plan, exit criteria, return reason, summary), no people.
   */
  private view(r: QueueRow, now: Date, identified: boolean): IksReferralView {
    const visible = r.caseSuspected !== null && r.caseSuspected !== undefined;
    const open = r.status === 'referred' || r.status === 'accepted';
    const riskFactorCount = visible ? Number(r.caseRiskFactorCount ?? 0) : null;
    const breakdown =
      visible && open
        ? iksPriorityScore({ suspectedViolenceOrAbuse: r.caseSuspected === true, riskFactorCount: riskFactorCount ?? 0, fromLevel: r.fromLevel, referredAt: new Date(r.createdAt) }, now)
        : null;
    const score = breakdown ? { ...breakdown, explanation: explainScore(breakdown, riskFactorCount ?? 0, r.fromLevel) } : null;
    return {
      id: r.id,
      caseId: r.caseId,
      unit: { id: r.unitId, code: r.unitCode, name: r.unitName, kind: r.unitKind },
      status: r.status,
      priority: r.priority,
      score,
      caseVersion: visible ? Number(r.caseVersion) : null,
      caseReference: r.caseReference ?? null,
      suspectedViolenceOrAbuse: visible ? r.caseSuspected : null,
      riskFactorCount,
      fromLevel: r.fromLevel,
      escalation: r.escalation,
      referredAt: new Date(r.createdAt),
      referredById: identified ? r.referredById : null,
      coreGroup: r.coreGroup ?? [],
      memberIds: identified ? (r.memberIds ?? []) : [],
      entryPlan: identified ? r.entryPlan : null,
      exitCriteria: identified ? r.exitCriteria : null,
      acceptedAt: r.acceptedAt,
      returnedAt: r.returnedAt,
      returnReason: identified ? r.returnReason : null,
      endedAt: r.endedAt,
      endReason: r.endReason,
      endSummary: identified ? r.endSummary : null,
    };
  }

  private async capacity(em: EntityManager, principal: Principal) {
    const yearStart = DateTime.now().setZone(OSLO).startOf('year').toJSDate();
    const [counts] = (await em.query(
      `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS "activeCases",
              count(*) FILTER (WHERE status = 'referred')::int AS "pendingReferrals",
              count(*) FILTER (WHERE "acceptedAt" >= $2)::int AS "acceptedThisYear"
         FROM iks_referral WHERE "municipalityId" = $1`,
      [principal.municipalityId, yearStart],
    )) as { activeCases: number; pendingReferrals: number; acceptedThisYear: number }[];
    return iksCapacity(counts, (await this.profiles.get(principal.municipalityId)).iksCasesPerYear);
  }

  private async unitLeadersNotice(em: EntityManager, unitId: string, type: NotificationType, message: string): Promise<NotificationToSend> {
    const leaders = await em.findBy(RoleAssignmentRow, { role: 'unit_leader', scopeType: 'unit', scopeId: unitId });
    return { recipientIds: leaders.map((l) => l.userId), type, message };
  }

}

/** The referral's lifecycle (libs/domain lifecycles.ts) lets `event` start from its status; 422 otherwise. */
function requireStep(referral: IksReferral, event: IksReferralEvent, detail: string): void {
  if (!step(IKS_REFERRAL_LIFECYCLE, event, referral.status)) {
    throw new ProblemException(422, 'IKS_REFERRAL_STATUS', `${detail} (status: ${referral.status}).`, undefined, { referralStatus: referral.status });
  }
}

function orderView(o: IksCompetenceOrder): CompetenceOrderView {
  return {
    id: o.id,
    referralId: o.referralId,
    caseId: o.caseId,
    serviceCode: o.serviceCode,
    unitLeaderId: o.unitLeaderId,
    note: o.note,
    orderedById: o.orderedById,
    createdAt: o.createdAt,
    acknowledgedAt: o.acknowledgedAt,
    acknowledgementNote: o.acknowledgementNote,
  };
}


