import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { levelOf, type DomainEffect } from '@app/domain';
import { BtiCase, toCaseState, writeReminderEffects, type IksEndReason } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { CasePeopleStore } from './case-people-store.js';
import { notify } from './notify.js';
import { ReferralStore } from './referral-store.js';

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
  constructor(
    private readonly referrals: ReferralStore,
    private readonly people: CasePeopleStore,
  ) {}

  async persist(em: EntityManager, caseId: string, effects: readonly DomainEffect[], principal: Principal): Promise<void> {
    await writeReminderEffects(em, caseId, effects);
    if (effects.some((e) => e.type === 'IksReferred')) await this.refer(em, caseId, effects, principal);
    const endReason = referralEndReason(effects);
    if (endReason) await this.referrals.endOpen(em, caseId, endReason, principal.userId);
    for (const e of effects) {
      if (e.type === 'TransferProposed') {
        // The case as written: the receiving unit's leaders are those who may accept the transfer.
        const state = toCaseState(await em.findOneByOrFail(BtiCase, { id: caseId }));
        await notify(em, caseId, {
          recipientIds: await this.people.holders(em, 'receiving_unit_leader', state),
          type: 'transfer_offered',
          message: 'En annen enhet vil overføre en sak til enheten din, med samtykke fra foresatte: ta imot eller avslå.',
        });
      }
      if (e.type === 'TransferAccepted' && e.assigneeId && e.assigneeId !== principal.userId) {
        await notify(em, caseId, { recipientIds: [e.assigneeId], type: 'case_assigned', message: 'Du er satt som stafettholder for en sak som er overført til enheten din.' });
      }
    }
  }

  private async refer(em: EntityManager, caseId: string, effects: readonly DomainEffect[], principal: Principal): Promise<void> {
    const row = await em.findOneByOrFail(BtiCase, { id: caseId });
    const routed = effects.find((e): e is Extract<DomainEffect, { type: 'CaseRouted' }> => e.type === 'CaseRouted' && e.route === 'iks');
    const opened = await this.referrals.open(em, {
      municipalityId: row.municipalityId,
      caseId,
      unitId: row.unitId,
      referredById: principal.userId,
      fromLevel: levelOf(routed?.previousRoute ?? null),
      escalation: routed?.escalation ?? false,
    });
    if (!opened) return;
    await notify(em, caseId, {
      recipientIds: await this.people.holders(em, 'iks_coordinator', toCaseState(row)),
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
