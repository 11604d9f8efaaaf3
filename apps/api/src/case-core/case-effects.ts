import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { IKS_REFERRAL_LIFECYCLE, levelOf, type DomainEffect } from '@app/domain';
import { BtiCase, IksReferral, RoleAssignmentRow, writeReminderEffects, type IksEndReason } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { notify } from './notify.js';


/**
 * Turns the domain's effects of an accepted change into rows, inside the request's transaction:
 * reminder outbox rows, and the follow-ups other areas own (IKS referrals, notifications).
 *
 * IKS: `IksReferred` creates the referral in status `referred` (one open referral per case) and
 * notifies the IKS coordinators. When the case leaves the IKS route (closed, reopened, consent
 * withdrawn and fallen back to own unit), an open referral ends with that reason.
 */
@Injectable()
export class CaseEffects {
  async persist(em: EntityManager, caseId: string, effects: readonly DomainEffect[], principal: Principal): Promise<void> {
    await writeReminderEffects(em, caseId, effects);
    if (effects.some((e) => e.type === 'IksReferred')) await this.refer(em, caseId, effects, principal);
    const endReason = referralEndReason(effects);
    if (endReason) await endOpenReferrals(em, caseId, endReason, principal.userId);
    for (const e of effects) {
      if (e.type === 'TransferProposed') {
        const leaders = await em.findBy(RoleAssignmentRow, { role: 'unit_leader', scopeType: 'unit', scopeId: e.toUnitId });
        await notify(em, caseId, { recipientIds: leaders.map((l) => l.userId), type: 'transfer_offered', message: 'En annen enhet vil overføre en sak til enheten din, med samtykke fra foresatte: ta imot eller avslå.' });
      }
      if (e.type === 'TransferAccepted' && e.assigneeId && e.assigneeId !== principal.userId) {
        await notify(em, caseId, { recipientIds: [e.assigneeId], type: 'case_assigned', message: 'Du er satt som stafettholder for en sak som er overført til enheten din.' });
      }
    }
  }

  private async refer(em: EntityManager, caseId: string, effects: readonly DomainEffect[], principal: Principal): Promise<void> {
    const row = await em.findOneByOrFail(BtiCase, { id: caseId });
    const routed = effects.find((e): e is Extract<DomainEffect, { type: 'CaseRouted' }> => e.type === 'CaseRouted' && e.route === 'iks');
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(IksReferral)
      .values({
        municipalityId: row.municipalityId,
        caseId,
        unitId: row.unitId,
        status: 'referred',
        referredById: principal.userId,
        fromLevel: levelOf(routed?.previousRoute ?? null),
        escalation: routed?.escalation ?? false,
      })
      // An open referral already exists: keep it (the partial unique index makes this safe).
      .orIgnore()
      .execute();
    if (!inserted.identifiers.length || !inserted.identifiers[0]) return;
    const coordinators = await em.findBy(RoleAssignmentRow, { role: In(['iks_coordinator']), scopeType: 'municipality', scopeId: row.municipalityId });
    await notify(em, caseId, {
      recipientIds: coordinators.map((r) => r.userId),
      type: 'iks_referred',
      message: 'En ny sak er henvist til IKS: ta den inn eller send den tilbake.',
      urgent: row.suspectedViolenceOrAbuse,
    });
  }
}

/** Why an open referral must end after these effects, if it must. */
export function referralEndReason(effects: readonly DomainEffect[]): IksEndReason | null {
  for (const e of effects) {
    if (e.type === 'CaseClosed') return 'case_closed';
    if (e.type === 'ConsentWithdrawn' && e.previousRoute === 'iks' && e.fellBackToOwnUnit) return 'consent_withdrawn';
    if (e.type === 'RouteCleared' && e.previousRoute === 'iks') return 'route_cleared';
    if (e.type === 'CaseRouted' && e.previousRoute === 'iks' && e.route !== 'iks') return 'route_cleared';
  }
  return null;
}

/** Ends every open referral of the case (the case left the IKS route). */
export async function endOpenReferrals(em: EntityManager, caseId: string, reason: IksEndReason, actorId: string): Promise<void> {
  await em
    .createQueryBuilder()
    .update(IksReferral)
    .set({ status: IKS_REFERRAL_LIFECYCLE.case_left_route.to, endReason: reason, endedAt: () => 'now()', endedById: actorId })
    .where('"caseId" = :caseId AND status IN (:...open)', { caseId, open: IKS_REFERRAL_LIFECYCLE.case_left_route.from })
    .execute();
}
