import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BtiCase } from '../entities/case.entities.js';

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
  @ForeignKey(() => BtiCase, { name: 'FK_scheduled_reminder_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
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
