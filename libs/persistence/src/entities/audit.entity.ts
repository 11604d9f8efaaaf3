import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Revisjonslogg: who touched which case data, when and why. Append-only (a trigger refuses
 * UPDATE and DELETE). The request's own transaction inserts the row unsealed, with one statement
 * and no lock; the worker's sealer later chains it into its municipality's hash chain
 * (`AuditSeal`), so an altered, removed or moved row breaks the chain.
 *
 * Not mapped here: `txid xid8 DEFAULT pg_current_xact_id()`, the inserting transaction. The
 * sealer orders each municipality's rows by (txid, id) and seals a row only once every older
 * transaction has ended (migration AuditSealing).
 *
 * The three audit tables are defined by their hand-written migrations (xid8, sequence defaults,
 * append-only triggers, foreign keys that TypeORM cannot express here): `synchronize: false`
 * keeps them out of the entity/migration comparison.
 */
@Entity('audit_event', { synchronize: false })
@Index('IDX_audit_event_case_at', ['caseId', 'at'])
@Index('IDX_audit_event_actor_at', ['actorId', 'at'])
export class AuditEvent {
  /** Default `nextval('audit_event_id_seq')`. */
  @PrimaryColumn({ type: 'bigint' }) id!: string;
  /** The actor's municipality: whose chain the row belongs to. */
  @Column({ type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'uuid' }) actorId!: string;
  @Column({ type: 'varchar', length: 100 }) actorUsername!: string;
  /** e.g. case.read, case.list, case.event, consent.withdraw */
  @Column({ type: 'varchar', length: 60 }) action!: string;
  @Column({ type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'varchar', length: 100 }) requestId!: string;
  @Column({ type: 'varchar', length: 200 }) purpose!: string;
  /** An administrative change: target ids, before and after, no personal data (DESIGN 12.7). */
  @Column({ type: 'jsonb', nullable: true }) detail!: unknown;
}

/** One link of a municipality's chain: which audit row sits at position `seq`, and its hash. Append-only. */
@Entity('audit_seal', { synchronize: false })
export class AuditSeal {
  @PrimaryColumn({ type: 'uuid' }) municipalityId!: string;
  @PrimaryColumn({ type: 'bigint' }) seq!: string;
  @Column({ type: 'bigint', unique: true }) eventId!: string;
  @Column({ type: 'char', length: 64 }) prevHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
  @Column({ type: 'timestamptz' }) sealedAt!: Date;
}

/**
 * The sealer's cursor and the chain's head per municipality: the last link's position and hash,
 * and the (txid, id) of the last row sealed. Verification compares the chain's end with it, so
 * a cut-off tail is found too.
 */
@Entity('audit_chain', { synchronize: false })
export class AuditChainHead {
  @PrimaryColumn({ type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'bigint' }) lastSeq!: string;
  @Column({ type: 'char', length: 64 }) lastHash!: string;
  @Column({ type: 'bigint' }) lastEventId!: string;
  @Column({ type: 'timestamptz', nullable: true }) sealedAt!: Date | null;
}
