import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Revisjonslogg: who touched which case data, when and why. Append-only (a trigger refuses
 * UPDATE and DELETE) and hash-chained: each row's `hash` covers its content and the previous
 * row's hash, so an altered or removed row breaks the chain (see AuditTrail.verify).
 */
@Entity('audit_event')
@Index('IDX_audit_event_case_at', ['caseId', 'at'])
@Index('IDX_audit_event_actor_at', ['actorId', 'at'])
export class AuditEvent {
  /** From the sequence `audit_event_id_seq`, taken under the chain lock, so ids follow the chain. */
  @PrimaryColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) actorId!: string;
  @Column({ type: 'varchar', length: 100 }) actorUsername!: string;
  /** e.g. case.read, case.list, case.event, consent.withdraw */
  @Column({ type: 'varchar', length: 60 }) action!: string;
  @Column({ type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'varchar', length: 100 }) requestId!: string;
  @Column({ type: 'varchar', length: 200 }) purpose!: string;
  @Column({ type: 'char', length: 64 }) prevHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
}
