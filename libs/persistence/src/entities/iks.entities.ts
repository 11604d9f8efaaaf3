import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BtiCase } from './case.entities.js';
import { AppUser, Municipality, Unit } from './organisation.entities.js';

import type { IksReferralStatus } from '@app/domain';
export { IKS_REFERRAL_STATUSES, type IksReferralStatus } from '@app/domain';

/** Why an IKS involvement ended: the coordinator ended it, or the case left the IKS route. */
export const IKS_END_REASONS = ['exit_criteria_met', 'case_closed', 'route_cleared', 'consent_withdrawn'] as const;
export type IksEndReason = (typeof IKS_END_REASONS)[number];

/**
 * IKS-henvisning: created in status `referred` when a unit leader decides or escalates a case to
 * `iks`; the IKS coordinator accepts (priority, core group, entry plan, exit criteria) or returns
 * it; an accepted referral ends when the exit criteria are met (or the case leaves the route).
 * At most one open (referred/accepted) referral per case.
 */
@Entity('iks_referral')
@Index('IDX_iks_referral_case', ['caseId', 'createdAt'])
@Index('IDX_iks_referral_municipality_status', ['municipalityId', 'status'])
@Index('UQ_iks_referral_open_case', ['caseId'], { unique: true, where: `"status" IN ('referred', 'accepted')` })
export class IksReferral {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_iks_referral' }) id!: string;
  @ForeignKey(() => Municipality, { name: 'FK_iks_referral_municipalityId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) municipalityId!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_iks_referral_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  /** The case's unit when referred (shown in the queue even when the case is no longer visible). */
  @ForeignKey(() => Unit, { name: 'FK_iks_referral_unitId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) unitId!: string;
  @Column({ type: 'varchar', length: 20 }) status!: IksReferralStatus;
  /** The unit leader who decided or escalated the case to IKS. */
  @ForeignKey(() => AppUser, { name: 'FK_iks_referral_referredById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) referredById!: string;
  /** The case's level before the referral: 0 when decided straight to IKS, 1–2 when escalated. */
  @Column({ type: 'smallint', default: 0 }) fromLevel!: number;
  @Column({ type: 'boolean', default: false }) escalation!: boolean;
  /** The coordinator's manual priority, 1 (akutt) – 4 (lav); null = not set (ranks as 3). */
  @Column({ type: 'smallint', nullable: true }) priority!: number | null;
  /** Service codes from the municipality profile's `iksCoreGroup`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) coreGroup!: string[];
  /** Users (iks_member) taking part in the core group: they see this referral in the queue. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) memberIds!: string[];
  @Column({ type: 'text', nullable: true }) entryPlan!: string | null;
  @Column({ type: 'text', nullable: true }) exitCriteria!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @ForeignKey(() => AppUser, { name: 'FK_iks_referral_acceptedById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) acceptedById!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) returnedAt!: Date | null;
  @ForeignKey(() => AppUser, { name: 'FK_iks_referral_returnedById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) returnedById!: string | null;
  @Column({ type: 'text', nullable: true }) returnReason!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @ForeignKey(() => AppUser, { name: 'FK_iks_referral_endedById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) endedById!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) endReason!: IksEndReason | null;
  @Column({ type: 'text', nullable: true }) endSummary!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** Kompetansebestilling: the IKS coordinator orders a service's competence from a unit leader. */
@Entity('iks_competence_order')
@Index('IDX_iks_competence_order_case', ['caseId'])
@Index('IDX_iks_competence_order_referral', ['referralId'])
@Index('IDX_iks_competence_order_unit_leader', ['unitLeaderId', 'acknowledgedAt'])
export class IksCompetenceOrder {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_iks_competence_order' }) id!: string;
  @ForeignKey(() => IksReferral, { name: 'FK_iks_competence_order_referralId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) referralId!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_iks_competence_order_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 60 }) serviceCode!: string;
  @ForeignKey(() => AppUser, { name: 'FK_iks_competence_order_unitLeaderId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) unitLeaderId!: string;
  @Column({ type: 'text' }) note!: string;
  @ForeignKey(() => AppUser, { name: 'FK_iks_competence_order_orderedById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) orderedById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) acknowledgementNote!: string | null;
}
