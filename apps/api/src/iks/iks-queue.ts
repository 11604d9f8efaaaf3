import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { IKS_REFERRAL_LIFECYCLE, OSLO } from '@app/domain';
import type { IksReferralStatus } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { problems } from '../common/problem.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseAccessPolicy } from '../case-core/case-access.policy.js';
import { CaseStore } from '../case-core/case-store.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { compareQueue, iksCapacity } from './iks-priority.js';
import { IksReferralStore } from './iks-referral-store.js';
import { coordinatesIks, IKS_OWN_VIEW, maySeeReferral, orderView, referralView } from './iks-views.js';
import type { IksQueueResponse, IksReferralView, ListReferralsQuery } from './dto/iks.dto.js';

/** Reading IKS referrals (DESIGN sections 3–4): the coordinator's queue with score and capacity, one referral, a case's referrals. */
@Injectable()
export class IksQueue {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly referrals: IksReferralStore,
    private readonly cases: CaseStore,
    private readonly policy: CaseAccessPolicy,
    private readonly profiles: MunicipalityProfiles,
    private readonly audit: AuditTrail,
  ) {}

  /** The permission (`iks.queue`) is the controller's `@Requires`. */
  async queue(principal: Principal, query: ListReferralsQuery): Promise<IksQueueResponse> {
    const coordinator = coordinatesIks(principal);
    return this.rowSecurity.transaction(principal, async (em) => {
      const statuses: IksReferralStatus[] = query.status ? [query.status] : [...IKS_REFERRAL_LIFECYCLE.prioritise.from];
      const rows = await this.referrals.queueRows(em, principal.municipalityId, { statuses, onlyMember: coordinator ? null : principal.userId });
      const now = new Date();
      const items = rows.map((r) => referralView(r, now, IKS_OWN_VIEW)).sort((a, b) =>
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
      const [row] = await this.referrals.queueRows(em, principal.municipalityId, { referralId });
      if (!row || !maySeeReferral(principal, row)) throw problems.notFound('Fant ikke henvisningen.');
      const orders = await this.referrals.ordersOf(em, referralId);
      await this.audit.record(em, principal, 'iks.referral.read', [row.caseId]);
      return { ...referralView(row, new Date(), IKS_OWN_VIEW), orders: orders.map(orderView) };
    });
  }

  /** The referrals of one case, for anyone who sees the case (the unit leader follows the status here). */
  async forCase(principal: Principal, caseId: string): Promise<IksReferralView[]> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.cases.loadVisible(em, principal, caseId);
      const rows = await this.referrals.queueRows(em, principal.municipalityId, { caseId });
      await this.audit.record(em, principal, 'iks.referral.list', [caseId]);
      const now = new Date();
      const identified = this.policy.viewOf(principal, loaded.row, loaded.consents, now) === 'full';
      return rows.map((r) => referralView(r, now, identified)).sort((a, b) => b.referredAt.getTime() - a.referredAt.getTime());
    });
  }

  /** A referral with its orders as its decisions answer (in the decision's transaction). */
  async reload(em: EntityManager, principal: Principal, referralId: string): Promise<IksReferralView> {
    const [row] = await this.referrals.queueRows(em, principal.municipalityId, { referralId });
    const orders = await this.referrals.ordersOf(em, referralId);
    return { ...referralView(row, new Date(), IKS_OWN_VIEW), orders: orders.map(orderView) };
  }

  private async capacity(em: EntityManager, principal: Principal) {
    const yearStart = DateTime.now().setZone(OSLO).startOf('year').toJSDate();
    const counts = await this.referrals.counts(em, principal.municipalityId, yearStart);
    return iksCapacity(counts, (await this.profiles.get(principal.municipalityId)).iksCasesPerYear);
  }
}
