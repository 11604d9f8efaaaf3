import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { may, SERVICE_CODES } from '@app/domain';
import type { Principal } from '../auth/principal.js';
import { ProblemException, problems, type FieldError } from '../common/problem.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseStore } from '../case-core/case-store.js';
import { notify } from '../case-core/notify.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { lockReferral, requireOnCase } from './iks-referral-access.js';
import { IksReferralStore } from './iks-referral-store.js';
import { coordinatesIks, orderView, requireStep } from './iks-views.js';
import type { AcknowledgeOrderDto, CompetenceOrderListResponse, CompetenceOrderView, CreateOrderDto, ListOrdersQuery } from './dto/iks.dto.js';

/** Competence orders (DESIGN 4): the IKS coordinator orders a service's competence from a unit leader, who acknowledges it. */
@Injectable()
export class IksOrders {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly referrals: IksReferralStore,
    private readonly cases: CaseStore,
    private readonly profiles: MunicipalityProfiles,
    private readonly audit: AuditTrail,
  ) {}

  async order(principal: Principal, referralId: string, dto: CreateOrderDto): Promise<CompetenceOrderView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const referral = await lockReferral(this.referrals, em, principal, referralId);
      const { row } = await requireOnCase(this.cases, em, principal, referral.caseId, 'iks.order');
      requireStep(referral, 'order_competence', 'Kompetanse bestilles til saker IKS har tatt inn.');
      const profile = await this.profiles.get(row.municipalityId, row.profileVersion);
      const services = new Set<string>([...(profile.iksCoreGroup ?? []), ...SERVICE_CODES]);
      const errors: FieldError[] = [];
      if (!services.has(dto.serviceCode)) errors.push({ field: 'serviceCode', message: `er ikke en kjent tjeneste (${[...services].join(', ')})` });
      // A unit leader of the municipality: one whose case list has the unit's filters (`cases.read.unit`).
      const leader = await this.cases.actorOf(em, dto.unitLeaderId, principal.municipalityId);
      if (!leader || !may(leader, 'cases.read.unit')) errors.push({ field: 'unitLeaderId', message: 'er ikke en enhetsleder i kommunen' });
      if (errors.length) throw problems.validation(errors);
      const saved = await this.referrals.insertOrder(em, {
        referralId: referral.id,
        caseId: referral.caseId,
        serviceCode: dto.serviceCode,
        unitLeaderId: dto.unitLeaderId,
        note: dto.note.trim(),
        orderedById: principal.userId,
        acknowledgedAt: null,
        acknowledgementNote: null,
      });
      await this.cases.appendLog(em, referral.caseId, 'iks_competence_ordered', principal.userId, `IKS har bestilt kompetanse fra tjenesten ${dto.serviceCode}.`, {
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

  /** The permission (`iks.orders.read`) is the controller's `@Requires`; a unit leader lists their own. */
  async orders(principal: Principal, query: ListOrdersQuery): Promise<CompetenceOrderListResponse> {
    const scope = coordinatesIks(principal) ? { municipalityId: principal.municipalityId } : { unitLeaderId: principal.userId };
    const open = query.open === undefined ? undefined : query.open === 'true';
    return this.rowSecurity.transaction(principal, async (em) => {
      const rows = await this.referrals.listOrders(em, scope, open);
      await this.audit.record(em, principal, 'iks.order.list', [...new Set(rows.map((o) => o.caseId))]);
      return { items: rows.map(orderView), total: rows.length };
    });
  }

  async acknowledge(principal: Principal, orderId: string, dto: AcknowledgeOrderDto): Promise<CompetenceOrderView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      if (!isUUID(orderId)) throw problems.notFound('Fant ikke bestillingen.');
      const order = await this.referrals.lockOrder(em, orderId);
      // Only the unit leader it is addressed to may see and acknowledge it.
      if (!order || order.unitLeaderId !== principal.userId) throw problems.notFound('Fant ikke bestillingen.');
      if (order.acknowledgedAt) throw new ProblemException(409, 'ALREADY_ACKNOWLEDGED', 'Bestillingen er allerede bekreftet.');
      order.acknowledgedAt = new Date();
      order.acknowledgementNote = dto.note?.trim() || null;
      await this.referrals.acknowledgeOrder(em, order.id, { acknowledgedAt: order.acknowledgedAt, acknowledgementNote: order.acknowledgementNote });
      await this.cases.appendLog(em, order.caseId, 'iks_order_acknowledged', principal.userId, `Enhetsleder har bekreftet bestillingen av kompetanse fra ${order.serviceCode}.`, {
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
}
