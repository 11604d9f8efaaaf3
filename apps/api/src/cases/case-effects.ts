import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEffect } from '@app/domain';
import { writeReminderEffects } from '@app/persistence';
import type { Principal } from '../auth/principal.js';

/**
 * Turns the domain's effects of an accepted change into rows, inside the request's transaction:
 * reminder outbox rows, and the follow-ups other areas own (IKS referrals, notifications).
 */
@Injectable()
export class CaseEffects {
  async persist(em: EntityManager, caseId: string, effects: readonly DomainEffect[], _principal: Principal): Promise<void> {
    await writeReminderEffects(em, caseId, effects);
  }
}
