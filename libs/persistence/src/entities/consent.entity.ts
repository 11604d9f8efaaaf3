import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BtiCase } from './case.entities.js';
import { AppUser } from './organisation.entities.js';

/** Samtykke: a guardian's (or the child's) consent to share the case with named recipients. */
@Entity('consent')
@Check('CHK_consent_decision', `"decision" IN ('given', 'refused')`)
// A digital consent names the citizens who gave it instead of the staff member who recorded it.
@Check('CHK_consent_recorded', `"recordedById" IS NOT NULL OR (form = 'digital' AND "citizenHmacs" IS NOT NULL)`)
export class ConsentRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_consent_caseId', onDelete: 'RESTRICT' }) @Index() @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 100 }) givenByName!: string;
  /** e.g. mother, father, guardian, child */
  @Column({ type: 'varchar', length: 40 }) givenByRelation!: string;
  /** Service codes (services.json); round-one rows may name `interdisciplinary_team` (read as every team service). */
  @Column({ type: 'text', array: true }) recipients!: string[];
  /** A refusal is recorded too and grants nothing (DESIGN 8.3). */
  @Column({ type: 'varchar', length: 10, default: 'given' }) decision!: 'given' | 'refused';
  @Column({ type: 'text' }) purpose!: string;
  /** `digital`: given in the portal by the guardians (or youth) named in `citizenHmacs` (DESIGN 12.4). */
  @Column({ type: 'varchar', length: 10 }) form!: 'written' | 'oral' | 'digital';
  /** Null for a digital consent (no staff recorded it). */
  @ForeignKey(() => AppUser, { name: 'FK_consent_recordedById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) recordedById!: string | null;
  @Column({ type: 'varchar', length: 64, array: true, nullable: true }) citizenHmacs!: string[] | null;
  /** The login level (acr) of the citizens who gave a digital consent. */
  @Column({ type: 'varchar', length: 60, nullable: true }) acr!: string | null;
  @Column({ type: 'timestamptz' }) validFrom!: Date;
  /** Exclusive instant (the end of the last valid day, Europe/Oslo); null = until withdrawn. */
  @Column({ type: 'timestamptz', nullable: true }) validUntil!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @ForeignKey(() => AppUser, { name: 'FK_consent_withdrawnById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) withdrawnById!: string | null;
  @Column({ type: 'text', nullable: true }) withdrawalReason!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) withdrawnByCitizenHmac!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
