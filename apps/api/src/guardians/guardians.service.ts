import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@app/platform';
import { CaseGuardianRow } from '@app/persistence';
import { AuditTrail } from '../audit/audit-trail.service.js';
import type { Principal } from '../auth/principal.js';
import { ProblemException, problems } from '../common/problem.js';
import { CaseAccessPolicy } from '../case-core/case-access.policy.js';
import { CaseCommandRunner } from '../case-core/case-command-runner.js';
import { CaseStore, type LoadedCase } from '../case-core/case-store.js';
import type { CasePrecondition } from '../case-core/if-match.js';
import { NationalIdCipher } from '../common/national-id.js';
import { RowSecurity } from '../database/row-security.js';
import type { CreateGuardianDto, GuardianListResponse, GuardianView, UpdateGuardianDto } from './guardians.dto.js';

/** The action every guardian endpoint declares (DESIGN 12.8.6). */
const ACTION = 'guardians.manage' as const;

/**
 * The case's guardians as rows (DESIGN 12.4, 12.8.7): registered by staff who see the child
 * identified, never by the citizen. A national id registered here is what links a citizen's login
 * to the case; it is stored like the child's (encrypted, HMAC for lookup).
 */
@Injectable()
export class GuardiansService {
  private readonly cipher: NationalIdCipher;

  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly runner: CaseCommandRunner,
    private readonly policy: CaseAccessPolicy,
    private readonly audit: AuditTrail,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.cipher = new NationalIdCipher(config.getOrThrow<AppConfig>('app').dataEncryptionKey);
  }

  async list(principal: Principal, caseId: string): Promise<GuardianListResponse> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.store.loadVisible(em, principal, caseId);
      this.requireIdentified(principal, loaded);
      const rows = await em.find(CaseGuardianRow, { where: { caseId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
      await this.audit.record(em, principal, 'guardians.read', [caseId]);
      return { items: rows.map((r) => this.present(r)) };
    });
  }

  async create(principal: Principal, caseId: string, dto: CreateGuardianDto, precondition: CasePrecondition): Promise<GuardianView> {
    return this.runner.run(principal, caseId, {
      action: ACTION,
      requires: ACTION,
      precondition,
      decide: async (em, _loaded, now) => {
        const hash = this.cipher.hash(dto.nationalId);
        await this.refuseDuplicate(em, caseId, hash, null);
        const [{ next }] = await em.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM case_guardian WHERE "caseId" = $1`, [caseId]);
        const row = await this.insert(em, {
          caseId,
          name: dto.name.trim(),
          relation: dto.relation.trim(),
          parentalResponsibility: dto.parentalResponsibility,
          contact: dto.contact?.trim() || null,
          email: dto.email?.trim() || null,
          nationalIdEncrypted: this.cipher.encrypt(dto.nationalId),
          nationalIdHash: hash,
          basis: dto.verification,
          verifiedById: principal.userId,
          verifiedAt: now,
          position: next,
        });
        return { case: {}, log: { type: 'guardian_registered', text: `Foresatt registrert (${relationWord(row.relation)}).`, data: { guardianId: row.id } }, respond: () => this.present(row) };
      },
    });
  }

  async update(principal: Principal, caseId: string, guardianId: string, dto: UpdateGuardianDto, precondition: CasePrecondition): Promise<GuardianView> {
    return this.runner.run(principal, caseId, {
      action: ACTION,
      requires: ACTION,
      precondition,
      decide: async (em, _loaded, now) => {
        const row = isUUID(guardianId) ? await em.findOneBy(CaseGuardianRow, { id: guardianId, caseId }) : null;
        if (!row) throw problems.notFound('Fant ikke den foresatte i saken.');
        const hash = this.cipher.hash(dto.nationalId);
        await this.refuseDuplicate(em, caseId, hash, row.id);
        Object.assign(row, {
          ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
          ...(dto.relation !== undefined ? { relation: dto.relation.trim() } : {}),
          ...(dto.parentalResponsibility !== undefined ? { parentalResponsibility: dto.parentalResponsibility } : {}),
          ...(dto.contact !== undefined ? { contact: dto.contact.trim() || null } : {}),
          ...(dto.email !== undefined ? { email: dto.email.trim() } : {}),
          nationalIdEncrypted: this.cipher.encrypt(dto.nationalId),
          nationalIdHash: hash,
          basis: dto.verification,
          verifiedById: principal.userId,
          verifiedAt: now,
          updatedAt: now,
        });
        await em.update(CaseGuardianRow, { id: row.id }, row);
        return { case: {}, log: { type: 'guardian_registered', text: `Fødselsnummer registrert for foresatt (${relationWord(row.relation)}).`, data: { guardianId: row.id } }, respond: () => this.present(row) };
      },
    });
  }

  private requireIdentified(principal: Principal, loaded: LoadedCase): void {
    if (this.policy.viewOf(principal, loaded.row, loaded.consents, new Date()) !== 'full') {
      throw problems.forbidden('Bare den som ser hvem barnet er, kan se og registrere foresatte.');
    }
  }

  /** One row per person and case (never echoing the national id). */
  private async refuseDuplicate(em: EntityManager, caseId: string, hash: string, exceptId: string | null): Promise<void> {
    const [found] = await em.query(`SELECT id FROM case_guardian WHERE "caseId" = $1 AND "nationalIdHash" = $2 AND id IS DISTINCT FROM $3::uuid`, [caseId, hash, exceptId]);
    if (found) throw new ProblemException(409, 'GUARDIAN_EXISTS', 'Denne personen er allerede registrert som foresatt i saken.');
  }

  private async insert(em: EntityManager, values: Omit<CaseGuardianRow, 'id' | 'createdAt' | 'updatedAt'>): Promise<CaseGuardianRow> {
    const [row] = await em.query(
      `INSERT INTO case_guardian ("caseId", name, relation, "parentalResponsibility", contact, email, "nationalIdEncrypted", "nationalIdHash", basis, "verifiedById", "verifiedAt", position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [values.caseId, values.name, values.relation, values.parentalResponsibility, values.contact, values.email, values.nationalIdEncrypted, values.nationalIdHash, values.basis, values.verifiedById, values.verifiedAt, values.position],
    );
    return row as CaseGuardianRow;
  }

  private present(row: CaseGuardianRow): GuardianView {
    return {
      id: row.id,
      caseId: row.caseId,
      name: row.name,
      relation: row.relation,
      parentalResponsibility: row.parentalResponsibility,
      contact: row.contact,
      email: row.email ?? null,
      nationalId: row.nationalIdEncrypted ? this.cipher.decrypt(row.nationalIdEncrypted) : null,
      basis: row.basis,
      verifiedBy: row.verifiedById,
      verifiedAt: row.verifiedAt,
      linked: row.nationalIdHash !== null,
    };
  }
}

/** The log speaks bokmål to staff and family: the concern form's relation codes in words, anything else as typed. */
const RELATION_WORD: Record<string, string> = { mother: 'mor', father: 'far', guardian: 'verge', foster_parent: 'fosterforelder' };
const relationWord = (relation: string): string => RELATION_WORD[relation] ?? relation;
