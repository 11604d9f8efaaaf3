import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const MEASURE_STATUSES = ['active', 'ended'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const MEASURE_OUTCOMES = ['continue', 'adjust', 'stop'] as const;
export type MeasureOutcome = (typeof MEASURE_OUTCOMES)[number];

/**
 * Tiltak on a case: from the catalog (measures.json, `catalogCode` set, title and prevention
 * levels copied from it) or free text. `evaluationDate` is the next evaluation; evaluating with
 * `continue`/`adjust` moves it, `stop` ends the measure.
 */
@Entity('measure')
@Index('IDX_measure_case', ['caseId', 'createdAt'])
@Index('IDX_measure_responsible', ['responsibleId'])
export class Measure {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_measure' }) id!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) catalogCode!: string | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  /** Prevention levels: universal, selected, indicated (from the catalog; free text may give them). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) levels!: string[];
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'uuid' }) responsibleId!: string;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date' }) evaluationDate!: string;
  @Column({ type: 'varchar', length: 20, default: 'active' }) status!: MeasureStatus;
  @Column({ type: 'uuid' }) createdById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}

/** Evaluering of one measure. */
@Entity('measure_evaluation')
@Index('IDX_measure_evaluation_measure', ['measureId', 'createdAt'])
export class MeasureEvaluation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_measure_evaluation' }) id!: string;
  @Column({ type: 'uuid' }) measureId!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 20 }) outcome!: MeasureOutcome;
  @Column({ type: 'text' }) note!: string;
  /** The next evaluation date (continue/adjust). */
  @Column({ type: 'date', nullable: true }) nextEvaluationDate!: string | null;
  @Column({ type: 'uuid' }) evaluatedById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
