import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AppUser, Cluster, Municipality, MunicipalityProfileVersion, Unit } from './organisation.entities.js';

export interface Guardian {
  name: string;
  relation: string;
  parentalResponsibility: boolean;
  contact?: string;
}

/** A postal address (the child's; the report to child welfare needs it). */
export interface PostalAddressValue {
  line1: string;
  line2?: string;
  line3?: string;
  postalCode?: string;
  postalPlace?: string;
}

/** The child a concern is about. The national id is stored encrypted with a keyed hash for lookup. */
@Entity('child')
// The name search's expression indexes (migration CaseSearch), which TypeORM cannot declare.
@Index('IDX_child_first_name_fold', { synchronize: false })
@Index('IDX_child_last_name_fold', { synchronize: false })
export class Child {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => Municipality, { name: 'FK_child_municipalityId', onDelete: 'RESTRICT' }) @Index() @Column({ type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'varchar', length: 100 }) firstName!: string;
  @Column({ type: 'varchar', length: 100 }) lastName!: string;
  @Column({ type: 'date' }) birthDate!: string;
  /** AES-256-GCM: base64 of iv | tag | ciphertext. */
  @Column({ type: 'text', nullable: true }) nationalIdEncrypted!: string | null;
  /** HMAC-SHA-256 (hex) of the national id, for exact-match lookup without decrypting. */
  @Index() @Column({ type: 'varchar', length: 64, nullable: true }) nationalIdHash!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) guardians!: Guardian[];
  /** Optional at POST /cases; the report to child welfare asks for it when missing. */
  @Column({ type: 'jsonb', nullable: true }) address!: PostalAddressValue | null;
}

/** Sak: one child, one owning unit, moving through the BTI state machine. */
@Entity('bti_case')
@Index(['unitId', 'status', 'createdAt'])
@Index('IDX_bti_case_transfer_to', ['transferToUnitId'], { where: `"transferToUnitId" IS NOT NULL` })
// The list query's "reported by me" and "assigned to me" branches, filtered by status, newest first.
@Index('IDX_bti_case_reporter_status_created', ['reporterId', 'status', 'createdAt'])
@Index('IDX_bti_case_assignee_status_created', ['assigneeId', 'status', 'createdAt'])
// The list's other branches (migration CaseListVisibility): the proposed coordinator, and the
// team, TFA and IKS routes per municipality.
@Index('IDX_bti_case_pending_assignee', ['pendingAssigneeId'], { where: `"pendingAssigneeId" IS NOT NULL` })
@Index('IDX_bti_case_municipality_route_created', ['municipalityId', 'route', 'createdAt'], { where: `"route" IS NOT NULL` })
// The statistics' date range per municipality. No index leads with the municipality alone: in a
// generic plan its average estimate made the leader's list scan the whole municipality (migration
// CaseCreatedMunicipalityIndex).
@Index('IDX_bti_case_created_municipality', ['createdAt', 'municipalityId'])
@ForeignKey(() => MunicipalityProfileVersion, ['municipalityId', 'profileVersion'], ['municipalityId', 'version'], { name: 'FK_bti_case_profileVersion', onDelete: 'RESTRICT' })
@Index('UQ_bti_case_municipality_reference', ['municipalityId', 'reference'], { unique: true })
// Retention (migration RetentionAndArchive): the extraction pages a municipality's closed cases; the daily deletion finds what is due.
@Index('IDX_bti_case_municipality_closed', ['municipalityId', 'closedAt', 'id'], { where: `"closedAt" IS NOT NULL` })
@Index('IDX_bti_case_delete_after', ['deleteAfter'], { where: `"deleteAfter" IS NOT NULL AND "deletedAt" IS NULL` })
export class BtiCase {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => Municipality, { name: 'FK_bti_case_municipalityId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) municipalityId!: string;
  @ForeignKey(() => Unit, { name: 'FK_bti_case_unitId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) unitId!: string;
  @ForeignKey(() => Cluster, { name: 'FK_bti_case_clusterId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) clusterId!: string;
  @ForeignKey(() => Child, { name: 'FK_bti_case_childId', onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' }) @Index() @Column({ type: 'uuid' }) childId!: string;
  @ForeignKey(() => AppUser, { name: 'FK_bti_case_reporterId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) reporterId!: string;
  /**
   * The unit the concern was raised in: the reporter sees the case while it is still there. Filled
   * from unitId on INSERT by a trigger (migration CaseLifecycle) when not given.
   */
  @ForeignKey(() => Unit, { name: 'FK_bti_case_reporterUnitId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) reporterUnitId!: string;
  @ForeignKey(() => AppUser, { name: 'FK_bti_case_assigneeId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) assigneeId!: string | null;
  /** A handover offered and not yet accepted (DESIGN 8.2). */
  @ForeignKey(() => AppUser, { name: 'FK_bti_case_pendingAssigneeId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) pendingAssigneeId!: string | null;
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) route!: string | null;
  @Column({ type: 'smallint', default: 0 }) level!: number;
  /** The interdisciplinary team consults without the child's identity. */
  @Column({ type: 'boolean', default: false }) anonymous!: boolean;
  /** With `anonymous`: the only text the anonymised team reads (DESIGN 8.4). */
  @Column({ type: 'text', nullable: true }) anonymousSummary!: string | null;
  @Column({ type: 'boolean', default: false }) suspectedViolenceOrAbuse!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) childWelfareReportedAt!: Date | null;
  /** A proposed transfer waiting for the receiving unit's leader (DESIGN 8.7); null when none. */
  @ForeignKey(() => Unit, { name: 'FK_bti_case_transferToUnitId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) transferToUnitId!: string | null;
  @ForeignKey(() => Cluster, { name: 'FK_bti_case_transferToClusterId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) transferToClusterId!: string | null;
  /** Optimistic locking: every change is `UPDATE … WHERE version = $expected`. */
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** The municipality profile version the case started with and follows to its end (DESIGN 12.7). */
  @Column({ type: 'integer' }) profileVersion!: number;
  /** The unit leader's `guardians_may_be_informed`: a case hidden from the family is shown from then (DESIGN 12.4). */
  @Column({ type: 'timestamptz', nullable: true }) guardiansMayBeInformedAt!: Date | null;
  /** Retention (migration RetentionAndArchive): set at closing from the profile version, cleared by reopen. */
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) accessEndsAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) deleteAfter!: Date | null;
  /** Personal data deleted (kassasjon); the row stays for the statistics and answers 404. */
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  /** `BTI-<year>-<nnnn>`, unique in the municipality; always set by the insert trigger (migration CaseReference). */
  @Column({ type: 'varchar', length: 20 }) reference!: string;
}

/** Bekymring: what was observed, the concern a case starts from. */
@Entity('concern')
export class Concern {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_concern_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', unique: true }) caseId!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) categories!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) riskFactors!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) protectiveFactors!: string[];
  @Column({ type: 'text', nullable: true }) childVoice!: string | null;
  @Column({ type: 'boolean', default: false }) suspectedViolenceOrAbuse!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/**
 * Stafettlogg: append-only, one entry per event, and the staff's own entries (notes,
 * conversations, meetings; DESIGN 8.6). A correction is a new entry pointing at the original.
 */
@Entity('case_log_entry')
@Check('CHK_case_log_entry_confidential', `"confidential" IN ('child_asked', 'risk_to_child', 'third_party')`)
@Index(['caseId', 'at'])
@Index('IDX_case_log_entry_corrects', ['correctsEntryId'], { where: `"correctsEntryId" IS NOT NULL` })
export class CaseLogEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_case_log_entry_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 40 }) type!: string;
  @ForeignKey(() => AppUser, { name: 'FK_case_log_entry_actorId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at!: Date;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) data!: Record<string, unknown>;
  /** When the conversation or meeting took place (an entry is written at `at`, maybe later). */
  @Column({ type: 'timestamptz', nullable: true }) occurredAt!: Date | null;
  /** Who took part in a conversation or meeting (names or roles as written). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) participants!: string[];
  /** A correction names the entry it corrects; the original is never changed. */
  @ForeignKey(() => CaseLogEntry, { name: 'FK_case_log_entry_correctsEntryId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) correctsEntryId!: string | null;
  /** Withheld from citizens, with the author's reason (DESIGN 12.4); the unit leader may clear it. */
  @Column({ type: 'varchar', length: 20, nullable: true }) confidential!: LogConfidentiality | null;
  @Column({ type: 'timestamptz', nullable: true }) confidentialClearedAt!: Date | null;
  @ForeignKey(() => AppUser, { name: 'FK_case_log_entry_confidentialClearedById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) confidentialClearedById!: string | null;
  /** A guardian's or youth's statement: the citizen by their national id's HMAC (actorId is null). */
  @Column({ type: 'varchar', length: 64, nullable: true }) citizenHmac!: string | null;
}

export const LOG_CONFIDENTIALITY = ['child_asked', 'risk_to_child', 'third_party'] as const;
export type LogConfidentiality = (typeof LOG_CONFIDENTIALITY)[number];

/** The child's (and guardians') voice as recorded by one event (DESIGN 8.5); the latest is shown. */
@Entity('child_voice')
@Index('IDX_child_voice_case_at', ['caseId', 'at'])
export class ChildVoiceRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_child_voice_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 40 }) event!: string;
  @Column({ type: 'boolean', nullable: true }) heard!: boolean | null;
  @Column({ type: 'text', nullable: true }) view!: string | null;
  @Column({ type: 'text', nullable: true }) reasonNotHeard!: string | null;
  @Column({ type: 'text', nullable: true }) weight!: string | null;
  @Column({ type: 'text', nullable: true }) guardiansView!: string | null;
  @ForeignKey(() => AppUser, { name: 'FK_child_voice_actorId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) actorId!: string;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at!: Date;
}

/** Remembers `Idempotency-Key`s of `POST /cases` per caller. */
@Entity('idempotency_key')
@Index('IDX_idempotency_key_case', ['caseId'])
export class IdempotencyKey {
  @ForeignKey(() => AppUser, { name: 'FK_idempotency_key_actorId', onDelete: 'RESTRICT' }) @PrimaryColumn({ type: 'uuid' }) actorId!: string;
  @PrimaryColumn({ type: 'varchar', length: 200 }) key!: string;
  @Column({ type: 'varchar', length: 64 }) requestHash!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_idempotency_key_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** Varsel to one user. */
@Entity('notification')
@Index(['recipientId', 'readAt'])
@Index('UQ_notification_job_key_recipient', ['jobKey', 'recipientId'], { unique: true })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => AppUser, { name: 'FK_notification_recipientId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) recipientId!: string;
  @Column({ type: 'varchar', length: 40 }) type!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_notification_caseId', onDelete: 'RESTRICT' }) @Index() @Column({ type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'boolean', default: false }) urgent!: boolean;
  /** Indexed for the mail dispatcher, which looks at the last two days' notifications. */
  @Index('IDX_notification_created') @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
  /** The reminder job that wrote it (one notification per job and recipient, so a retry never doubles it). */
  @Column({ type: 'varchar', length: 200, nullable: true }) jobKey!: string | null;
  /** The case's reference, set (and put before the message) by the insert trigger (migration NotificationCaseReference). */
  @Column({ type: 'varchar', length: 20, nullable: true }) caseReference!: string | null;
}
