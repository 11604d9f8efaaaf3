import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BtiCase } from './case.entities.js';
import { AppUser } from './organisation.entities.js';

import type { MeasureOutcome, MeasureStatus } from '@app/domain';
export { MEASURE_OUTCOMES, MEASURE_STATUSES, type MeasureOutcome, type MeasureStatus } from '@app/domain';

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
  @ForeignKey(() => BtiCase, { name: 'FK_measure_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) catalogCode!: string | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  /** Prevention levels: universal, selected, indicated (from the catalog; free text may give them). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) levels!: string[];
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @ForeignKey(() => AppUser, { name: 'FK_measure_responsibleId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) responsibleId!: string;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date' }) evaluationDate!: string;
  @Column({ type: 'varchar', length: 20, default: 'active' }) status!: MeasureStatus;
  @ForeignKey(() => AppUser, { name: 'FK_measure_createdById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) createdById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}

/** Evaluering of one measure. */
@Entity('measure_evaluation')
@Index('IDX_measure_evaluation_case', ['caseId'])
@Index('IDX_measure_evaluation_measure', ['measureId', 'createdAt'])
export class MeasureEvaluation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_measure_evaluation' }) id!: string;
  @ForeignKey(() => Measure, { name: 'FK_measure_evaluation_measureId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) measureId!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_measure_evaluation_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar', length: 20 }) outcome!: MeasureOutcome;
  @Column({ type: 'text' }) note!: string;
  /** The next evaluation date (continue/adjust). */
  @Column({ type: 'date', nullable: true }) nextEvaluationDate!: string | null;
  @ForeignKey(() => AppUser, { name: 'FK_measure_evaluation_evaluatedById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) evaluatedById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
