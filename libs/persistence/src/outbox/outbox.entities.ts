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
 * Transactional outbox of round one, when every reminder was a delayed BullMQ job. Reminders no
 * longer need it (the worker's due-sweep reads `scheduled_reminder` itself), so nothing writes it
 * now; the worker's retention job deletes delivered rows after their retention period.
 */
@Entity('outbox')
@Index('IDX_outbox_undelivered', ['id'], { where: '"deliveredAt" IS NULL' })
@Index('IDX_outbox_delivered_at', ['deliveredAt'], { where: '"deliveredAt" IS NOT NULL' })
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
 * One reminder the domain scheduled: the schedule itself. `pending` until the worker's due-sweep
 * claims it at `dueAt` (`fired`, or `obsolete` when `reminderStillApplies` said no) or a later
 * event cancels it (`cancelled`). `jobId` (`<kind>.<caseId>.<id>`, unique) is the key of its
 * notifications: one per reminder and recipient. A firing that failed is retried with backoff
 * (`attempts`, `nextAttemptAt`) and never given up: the row stays pending until it fires.
 */
@Entity('scheduled_reminder')
@Index('IDX_scheduled_reminder_case_kind', ['caseId', 'kind'])
@Index('IDX_scheduled_reminder_pending_due', ['dueAt'], { where: `"status" = 'pending'` })
@Index('IDX_scheduled_reminder_settled_at', ['settledAt'], { where: `"status" <> 'pending'` })
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
  /** Failed firings so far (the row stays pending; see nextAttemptAt). */
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) lastAttemptAt!: Date | null;
  /** After a failed firing: not claimed again before this (exponential backoff, capped). */
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  /** The last failure's message (no personal data: ids and SQL states only reach it). */
  @Column({ type: 'varchar', length: 300, nullable: true }) lastError!: string | null;
}
