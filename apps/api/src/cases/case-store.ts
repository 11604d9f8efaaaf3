import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Actor, Consent } from '@app/domain';
import { AppUser, BtiCase, CaseLogEntry, Child, ChildVoiceRow, Concern, ConsentRow, RoleAssignmentRow, toDomainConsent } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { problems } from '../common/problem.js';
import { CaseAccessPolicy } from './case-access.policy.js';
import { versionMismatch } from './if-match.js';

/** Loaded in one transaction: the case row (locked when asked) and what the response needs. */
export interface LoadedCase {
  row: BtiCase;
  child: Child;
  concern: Concern;
  consents: Consent[];
  /** The latest record of the child's voice (8.5), if any. */
  childVoice: ChildVoiceRow | null;
}

/**
 * The case aggregate's SQL, in one place: loading a case the caller may see, the versioned
 * update, the log entry. Every statement runs in the caller's RowSecurity transaction.
 */
@Injectable()
export class CaseStore {
  constructor(private readonly policy: CaseAccessPolicy) {}

  /** The case if the caller may see it, else 404 (never 403: no existence leaks). */
  async loadVisible(em: EntityManager, principal: Principal, caseId: string, lock = false): Promise<LoadedCase> {
    if (!isUUID(caseId)) throw problems.notFound('Fant ikke saken.');
    const visible = this.policy.visibleCondition(principal, new Date());
    const qb = em.getRepository(BtiCase).createQueryBuilder('c').where('c.id = :caseId', { caseId }).andWhere(visible.sql, visible.params);
    if (lock) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row) throw problems.notFound('Fant ikke saken.');
    const [child, concern, consents, childVoice] = await Promise.all([
      em.findOneByOrFail(Child, { id: row.childId }),
      em.findOneByOrFail(Concern, { caseId }),
      em.findBy(ConsentRow, { caseId }),
      em.findOne(ChildVoiceRow, { where: { caseId }, order: { at: 'DESC', id: 'DESC' } }),
    ]);
    return { row, child, concern, consents: consents.map(toDomainConsent), childVoice };
  }

  /**
   * Optimistic lock as a second line behind the row lock: the UPDATE names the version it read.
   * `updatedAt` is the command's own clock, so the response built in memory carries what was stored.
   */
  async saveVersioned(em: EntityManager, row: BtiCase, changes: Partial<BtiCase>, updatedAt: Date = new Date()): Promise<void> {
    const result = await em
      .createQueryBuilder()
      .update(BtiCase)
      .set({ ...changes, updatedAt, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: row.id, version: row.version })
      .execute();
    if (result.affected !== 1) throw versionMismatch(row.version + 1);
  }

  /** Appends to the case log (stafettlogg) in the caller's transaction. */
  async appendLog(em: EntityManager, caseId: string, type: string, actorId: string, text: string, data: Record<string, unknown> = {}): Promise<void> {
    await em.insert(CaseLogEntry, { caseId, type, actorId, text, data: data as never });
  }

  /**
   * Appends to the case log for a caller who may not (or no longer) see the case: a plain INSERT
   * without RETURNING, since row-level security applies the SELECT policy to returned rows.
   */
  async appendLogUnseen(em: EntityManager, caseId: string, type: string, actorId: string, text: string, data: Record<string, unknown> = {}): Promise<void> {
    await em.query(`INSERT INTO case_log_entry ("caseId", type, "actorId", text, data) VALUES ($1, $2, $3, $4, $5)`, [caseId, type, actorId, text, JSON.stringify(data)]);
  }

  /** A user of the municipality as the rules see them (roles, service); null when there is none. */
  async actorOf(em: EntityManager, userId: string, municipalityId: string): Promise<Actor | null> {
    if (!isUUID(userId)) return null;
    const user = await em.findOneBy(AppUser, { id: userId, municipalityId });
    if (!user) return null;
    const roles = await em.findBy(RoleAssignmentRow, { userId });
    return {
      userId,
      municipalityId,
      service: user.service,
      roles: roles.map((r) => ({ role: r.role as Actor['roles'][number]['role'], scopeType: r.scopeType, scopeId: r.scopeId })),
    };
  }

  /** The coordinator named for a unit must work there (staff or its leader): else 400 naming `field`. */
  async requireUnitStaff(em: EntityManager, userId: string, unitId: string, field: string): Promise<void> {
    const works = await em.exists(RoleAssignmentRow, { where: { userId, role: In(['staff', 'unit_leader']), scopeType: 'unit', scopeId: unitId } });
    if (!works) throw problems.validation([{ field, message: 'er ikke en ansatt i enheten som kan være koordinator' }]);
  }
}
