import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdempotencyKey } from '@app/persistence';

/** `Idempotency-Key` of `POST /cases`: which case a caller's key made, in the caller's transaction. */
@Injectable()
export class IdempotencyStore {
  /** The case the key made before, if any; first takes the key's lock, so two requests with it are serialised and only one case is ever made. */
  async claim(em: EntityManager, actorId: string, key: string): Promise<IdempotencyKey | null> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${actorId}:${key}`]);
    return em.findOneBy(IdempotencyKey, { actorId, key });
  }

  async record(em: EntityManager, actorId: string, key: string, requestHash: string, caseId: string): Promise<void> {
    await em.insert(IdempotencyKey, { actorId, key, requestHash, caseId });
  }
}
