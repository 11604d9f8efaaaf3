import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The family's side of a case (DESIGN 12.4, 12.8.7). Defined by the hand-written migration
 * FamilyAccess (partial indexes, checks, citizen policies): `synchronize: false`.
 * Retention deletes these with the case (they identify the family).
 */

/** A guardian of the case's child, registered by staff; the national id links a citizen login to it. */
@Entity('case_guardian', { synchronize: false })
export class CaseGuardianRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  /** mor, far, verge, … (the values child.guardians took). */
  @Column({ type: 'varchar', length: 40 }) relation!: string;
  @Column({ type: 'boolean' }) parentalResponsibility!: boolean;
  @Column({ type: 'varchar', length: 200, nullable: true }) contact!: string | null;
  /** For e-mail notices that carry the kind of notice only (migration FamilyNoticesAndOverrides). */
  @Column({ type: 'varchar', length: 320, nullable: true }) email!: string | null;
  /** AES-256-GCM, like the child's. */
  @Column({ type: 'text', nullable: true }) nationalIdEncrypted!: string | null;
  /** HMAC-SHA-256 (hex) of the national id: what a citizen's login is matched on. */
  @Column({ type: 'varchar', length: 64, nullable: true }) nationalIdHash!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) basis!: GuardianBasis | null;
  @Column({ type: 'uuid', nullable: true }) verifiedById!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @Column({ type: 'smallint', default: 0 }) position!: number;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}

export type GuardianBasis = 'stated_by_staff' | 'document_seen' | 'registry';

/** The youth's choice whether guardians see what was written from their selfConsentAge (not a consent). */
@Entity('youth_sharing', { synchronize: false })
export class YouthSharingRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'boolean' }) sharesWithGuardians!: boolean;
  @Column({ type: 'varchar', length: 12 }) decidedBy!: 'youth' | 'unit_leader';
  @Column({ type: 'varchar', length: 64, nullable: true }) citizenHmac!: string | null;
  @Column({ type: 'uuid', nullable: true }) overriddenById!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
}

/** A consent the stafettholder asks the guardians (or the youth) for in the portal. */
@Entity('consent_request', { synchronize: false })
export class ConsentRequestRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'text', array: true }) services!: string[];
  @Column({ type: 'text' }) purpose!: string;
  @Column({ type: 'timestamptz' }) validUntil!: Date;
  /** The profile's consentRequires when the request was made. */
  @Column({ type: 'varchar', length: 30 }) requires!: 'all_with_responsibility' | 'one';
  /** From selfConsentAge the youth answers, and guardians are not asked. */
  @Column({ type: 'boolean' }) askYouth!: boolean;
  @Column({ type: 'varchar', length: 10 }) status!: 'waiting' | 'in_effect' | 'refused';
  @Column({ type: 'uuid', nullable: true }) consentId!: string | null;
  @Column({ type: 'uuid' }) requestedById!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}

/** One citizen's answer to a consent request, with the login's acr. */
@Entity('consent_request_answer', { synchronize: false })
export class ConsentRequestAnswerRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'varchar', length: 64 }) citizenHmac!: string;
  @Column({ type: 'varchar', length: 10 }) answer!: 'given' | 'refused';
  @Column({ type: 'varchar', length: 60 }) acr!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}

export const FAMILY_ENTITIES = [CaseGuardianRow, YouthSharingRow, ConsentRequestRow, ConsentRequestAnswerRow];
