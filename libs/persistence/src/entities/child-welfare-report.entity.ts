import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BtiCase } from './case.entities.js';
import { AppUser, Municipality, Unit } from './organisation.entities.js';

/**
 * Bekymringsmelding til barnevernet: one per `report_to_child_welfare` event, written in the
 * event's transaction. `document` is the KS Fiks "offentlig bekymringsmelding" v2 JSON as it was
 * built when recorded (what would be sent), encrypted like national ids because it carries one.
 * `status` moves recorded → sent → acknowledged; the sender columns stay empty until a Fiks
 * sender exists.
 */
@Entity('child_welfare_report')
@Index('IDX_child_welfare_report_case', ['caseId', 'recordedAt'])
// What a sender still has to send.
@Index('IDX_child_welfare_report_unsent', ['recordedAt'], { where: `"status" = 'recorded'` })
@Check('CHK_child_welfare_report_channel', `"channel" IN ('digital', 'letter', 'phone', 'barnevernvakt')`)
@Check('CHK_child_welfare_report_status', `"status" IN ('recorded', 'sent', 'acknowledged')`)
@Check('CHK_child_welfare_report_sent', `"status" = 'recorded' OR "sentAt" IS NOT NULL`)
@Check('CHK_child_welfare_report_acknowledged', `"status" <> 'acknowledged' OR "acknowledgedAt" IS NOT NULL`)
export class ChildWelfareReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_child_welfare_report' }) id!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_child_welfare_report_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  @ForeignKey(() => Municipality, { name: 'FK_child_welfare_report_municipalityId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) municipalityId!: string;
  @ForeignKey(() => Unit, { name: 'FK_child_welfare_report_unitId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) unitId!: string;
  @ForeignKey(() => AppUser, { name: 'FK_child_welfare_report_reportedById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) reportedById!: string;
  /** digital | letter | phone | barnevernvakt */
  @Column({ type: 'varchar', length: 20 }) channel!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) reference!: string | null;
  @Column({ type: 'boolean' }) guardiansInformed!: boolean;
  /** The schema the document follows, e.g. no.ks.fiks.bekymringsmelding.offentlig.v2. */
  @Column({ type: 'varchar', length: 100 }) schema!: string;
  /** AES-256-GCM (base64 iv | tag | ciphertext) of the document's JSON. */
  @Column({ type: 'text' }) documentEncrypted!: string;
  @Column({ type: 'varchar', length: 20, default: 'recorded' }) status!: string;
  @Column({ type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  /** The id the Fiks bekymringsmelding API returns for the shipment, once sent. */
  @Column({ type: 'varchar', length: 100, nullable: true }) externalId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
