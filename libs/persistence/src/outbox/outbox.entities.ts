import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OUTBOX_TYPES = ['reminder_scheduled', 'reminder_cancelled'] as const;
export type OutboxType = (typeof OUTBOX_TYPES)[number];

/** Payload of a `reminder_scheduled` row: ids only. */
export interface ReminderScheduledPayload {
  reminderId: string;
  jobId: string;
}
/** Payload of a `reminder_cancelled` row: the cancelled reminders' ids and job ids. */
export interface ReminderCancelledPayload {
  reminderIds: string[];
  jobIds: string[];
}

/**
 * Transactional outbox: written in the same transaction as the case change, moved to BullMQ by
 * the worker's relay (`FOR UPDATE SKIP LOCKED`), then marked delivered (deleted only after a
 * retention period). Carries ids only, never personal data.
 */
@Entity('outbox')
@Index('IDX_outbox_undelivered', ['id'], { where: '"deliveredAt" IS NULL' })
export class OutboxRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 40 }) type!: OutboxType;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'jsonb' }) payload!: ReminderScheduledPayload | ReminderCancelledPayload;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
}

export const SCHEDULED_REMINDER_STATUSES = ['pending', 'fired', 'cancelled', 'obsolete'] as const;
export type ScheduledReminderStatus = (typeof SCHEDULED_REMINDER_STATUSES)[number];

/**
 * One reminder the domain scheduled: the source of truth for the delayed BullMQ job with id
 * `jobId` (`<kind>.<caseId>.<n>`). `pending` until the job fires (`fired`, or `obsolete` when
 * `reminderStillApplies` said no) or a later event cancels it (`cancelled`). Reconciliation
 * re-adds the job of every pending row missing in Redis.
 */
@Entity('scheduled_reminder')
@Index('IDX_scheduled_reminder_case_kind', ['caseId', 'kind'])
@Index('IDX_scheduled_reminder_status_due', ['status', 'dueAt'])
export class ScheduledReminder {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('UQ_scheduled_reminder_job_id', { unique: true }) @Column({ type: 'varchar', length: 200 }) jobId!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  /** The measure or consent the reminder belongs to, if any. */
  @Column({ type: 'varchar', length: 100, nullable: true }) subjectId!: string | null;
  /** RecipientRole, resolved against the case when the reminder fires. */
  @Column({ type: 'varchar', length: 40 }) recipient!: string;
  @Column({ type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'varchar', length: 20, default: 'pending' }) status!: ScheduledReminderStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  /** When it left `pending`. */
  @Column({ type: 'timestamptz', nullable: true }) settledAt!: Date | null;
}
