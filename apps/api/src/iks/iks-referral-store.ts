import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IksCompetenceOrder, IksReferral, type IksReferralStatus } from '@app/persistence';

/** A referral row joined with what the queue shows of its case (null where row-level security hides the case). */
export interface QueueRow extends IksReferral {
  unitCode: string;
  unitName: string;
  unitKind: string;
  caseSuspected: boolean | null;
  caseRiskFactorCount: number | null;
  caseVersion: number | null;
  caseReference: string | null;
}

export interface QueueFilter {
  statuses?: IksReferralStatus[];
  onlyMember?: string | null;
  referralId?: string;
  caseId?: string;
}

/** The referral columns an IKS decision writes (acceptance, return, end, priority). */
export type ReferralChange = Partial<Omit<IksReferral, 'id' | 'municipalityId' | 'caseId' | 'unitId' | 'createdAt'>>;

/** The IKS area's SQL (referrals, competence orders, capacity), in the caller's RowSecurity transaction. */
@Injectable()
export class IksReferralStore {
  /** Referrals of the municipality with their unit and, where the caller may see the case, the score facts. */
  async queueRows(em: EntityManager, municipalityId: string, filter: QueueFilter): Promise<QueueRow[]> {
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
      .where('r."municipalityId" = :m', { m: municipalityId });
    if (filter.statuses) qb.andWhere('r.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.onlyMember) qb.andWhere(':member = ANY(r."memberIds")', { member: filter.onlyMember });
    if (filter.referralId) qb.andWhere('r.id = :rid', { rid: filter.referralId });
    if (filter.caseId) qb.andWhere('r."caseId" = :cid', { cid: filter.caseId });
    return (await qb.getRawMany()) as QueueRow[];
  }

  /** The referral without a lock (to find its case, which is locked first). */
  find(em: EntityManager, municipalityId: string, referralId: string): Promise<IksReferral | null> {
    return em.findOneBy(IksReferral, { id: referralId, municipalityId });
  }

  /** The referral, locked for the decision. */
  lock(em: EntityManager, municipalityId: string, referralId: string): Promise<IksReferral | null> {
    return em.findOne(IksReferral, { where: { id: referralId, municipalityId }, lock: { mode: 'pessimistic_write' } });
  }

  async update(em: EntityManager, referralId: string, change: ReferralChange): Promise<void> {
    await em.update(IksReferral, { id: referralId }, change);
  }

  /** This year's accepted referrals and the open ones, for the capacity (`yearStart` in Oslo). */
  async counts(em: EntityManager, municipalityId: string, yearStart: Date): Promise<{ activeCases: number; pendingReferrals: number; acceptedThisYear: number }> {
    const [counts] = (await em.query(
      `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS "activeCases",
              count(*) FILTER (WHERE status = 'referred')::int AS "pendingReferrals",
              count(*) FILTER (WHERE "acceptedAt" >= $2)::int AS "acceptedThisYear"
         FROM iks_referral WHERE "municipalityId" = $1`,
      [municipalityId, yearStart],
    )) as { activeCases: number; pendingReferrals: number; acceptedThisYear: number }[];
    return counts;
  }

  /**
   * The case leaves the IKS route and the coordinator's sight with a return or an end: row-level
   * security would refuse the coordinator's own UPDATE, so a thin definer function (migration
   * ThinCaseWrites) writes the columns the domain decided, on a referral still in the status its
   * lifecycle let the decision start from. False when the case's version moved on.
   */
  async writeCaseLeavingRoute(em: EntityManager, referral: Pick<IksReferral, 'id' | 'status'>, version: number, next: { status: string; route: string | null; level: number; anonymous: boolean }): Promise<boolean> {
    const [{ ok }] = (await em.query('SELECT bti_iks_case_leaves_route($1, $2, $3, $4, $5, $6, $7) AS ok', [
      referral.id, referral.status, version, next.status, next.route, next.level, next.anonymous,
    ])) as { ok: boolean }[];
    return ok;
  }

  ordersOf(em: EntityManager, referralId: string): Promise<IksCompetenceOrder[]> {
    return em.find(IksCompetenceOrder, { where: { referralId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  insertOrder(em: EntityManager, order: Omit<IksCompetenceOrder, 'id' | 'createdAt'>): Promise<IksCompetenceOrder> {
    return em.save(em.create(IksCompetenceOrder, order));
  }

  /** The coordinator's list: the municipality's orders; a unit leader's: those addressed to them. */
  listOrders(em: EntityManager, scope: { municipalityId: string } | { unitLeaderId: string }, open: boolean | undefined): Promise<IksCompetenceOrder[]> {
    const qb = em.getRepository(IksCompetenceOrder).createQueryBuilder('o');
    if ('municipalityId' in scope) qb.innerJoin(IksReferral, 'r', 'r.id = o."referralId"').where('r."municipalityId" = :m', { m: scope.municipalityId });
    else qb.where('o."unitLeaderId" = :me', { me: scope.unitLeaderId });
    if (open === true) qb.andWhere('o."acknowledgedAt" IS NULL');
    if (open === false) qb.andWhere('o."acknowledgedAt" IS NOT NULL');
    return qb.orderBy('o."createdAt"', 'DESC').addOrderBy('o.id', 'ASC').getMany();
  }

  lockOrder(em: EntityManager, orderId: string): Promise<IksCompetenceOrder | null> {
    return em.findOne(IksCompetenceOrder, { where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
  }

  async acknowledgeOrder(em: EntityManager, orderId: string, change: Pick<IksCompetenceOrder, 'acknowledgedAt' | 'acknowledgementNote'>): Promise<void> {
    await em.update(IksCompetenceOrder, { id: orderId }, change);
  }
}
