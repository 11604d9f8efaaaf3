import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Notification } from './case.entities.js';
import { AppUser } from './organisation.entities.js';

/** How a user gets e-mail notices: at once, or one digest at 07:30 on working days. */
export const EMAIL_MODES = ['immediate', 'daily_digest'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** A user's notification settings; no row means the defaults (`immediate`). */
@Entity('notification_setting')
export class NotificationSetting {
  @ForeignKey(() => AppUser, { name: 'FK_notification_setting_userId', onDelete: 'CASCADE' }) @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar', length: 20, default: 'immediate' }) emailMode!: EmailMode;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/**
 * `pending` → `sent` (accepted by the SMTP server) | `failed` (retries exhausted; a retry from the
 * queue board may still send it) | `skipped` (the recipient has no address any more, or the
 * notification predates e-mail notices).
 */
export const MAIL_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** One daily digest e-mail to one user, per Oslo calendar day. */
@Entity('mail_digest')
@Unique('UQ_mail_digest_recipient_date', ['recipientId', 'digestDate'])
export class MailDigest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => AppUser, { name: 'FK_mail_digest_recipientId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) recipientId!: string;
  /** The Oslo calendar day the digest was collected. */
  @Column({ type: 'date' }) digestDate!: string;
  @Index() @Column({ type: 'varchar', length: 20, default: 'pending' }) status!: MailStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  /** SMTP error of the last failed attempt, with addresses removed. */
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  /** The Message-ID header sent (deterministic, from the id). */
  @Column({ type: 'varchar', length: 200, nullable: true }) messageId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) failedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/**
 * That a notification goes (or went) out by e-mail: written by the worker's mail dispatcher for
 * every notification whose recipient has an address, at most once per notification. Immediate
 * deliveries are sent by their own job; digest deliveries wait for their user's next digest.
 */
@Entity('notification_delivery')
@Index('IDX_notification_delivery_pending', ['mode', 'status', 'createdAt'])
@Index('IDX_notification_delivery_digest', ['digestId'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => Notification, { name: 'FK_notification_delivery_notificationId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', unique: true }) notificationId!: string;
  @ForeignKey(() => AppUser, { name: 'FK_notification_delivery_recipientId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) recipientId!: string;
  @Column({ type: 'varchar', length: 20 }) mode!: 'immediate' | 'digest';
  @Column({ type: 'varchar', length: 20, default: 'pending' }) status!: MailStatus;
  @ForeignKey(() => MailDigest, { name: 'FK_notification_delivery_digestId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) digestId!: string | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) messageId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) failedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
