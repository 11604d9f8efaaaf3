import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IKS_REFERRAL_LIFECYCLE } from '@app/domain';
import { IksReferral, type IksEndReason } from '@app/persistence';

/** The IKS referral rows the case's effects write (a referral opened or ended with the route). */
@Injectable()
export class ReferralStore {
  /** Opens a referral; false when the case has an open one already (kept: the partial unique index makes this safe). */
  async open(em: EntityManager, referral: Pick<IksReferral, 'municipalityId' | 'caseId' | 'unitId' | 'referredById' | 'fromLevel' | 'escalation'>): Promise<boolean> {
    const inserted = await em.createQueryBuilder().insert().into(IksReferral).values({ ...referral, status: 'referred' }).orIgnore().execute();
    return !!inserted.identifiers[0];
  }

  /** Ends every open referral of the case (the case left the IKS route). */
  async endOpen(em: EntityManager, caseId: string, reason: IksEndReason, actorId: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(IksReferral)
      .set({ status: IKS_REFERRAL_LIFECYCLE.case_left_route.to, endReason: reason, endedAt: () => 'now()', endedById: actorId })
      .where('"caseId" = :caseId AND status IN (:...open)', { caseId, open: IKS_REFERRAL_LIFECYCLE.case_left_route.from })
      .execute();
  }
}
