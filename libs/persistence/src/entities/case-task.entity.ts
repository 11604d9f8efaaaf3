import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BtiCase, CaseLogEntry } from './case.entities.js';
import { AppUser } from './organisation.entities.js';

/** A task from a log entry (fordeling av arbeidsoppgaver): a `task_due` reminder to its responsible. */
@Entity('case_task')
@Index('IDX_case_task_case', ['caseId', 'dueDate'])
@Index('IDX_case_task_log_entry', ['logEntryId'])
export class CaseTask {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_task' }) id!: string;
  @ForeignKey(() => BtiCase, { name: 'FK_case_task_caseId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) caseId!: string;
  @ForeignKey(() => CaseLogEntry, { name: 'FK_case_task_logEntryId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) logEntryId!: string;
  @Column({ type: 'text' }) text!: string;
  @ForeignKey(() => AppUser, { name: 'FK_case_task_responsibleId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) responsibleId!: string;
  @Column({ type: 'date' }) dueDate!: string;
  @ForeignKey(() => AppUser, { name: 'FK_case_task_createdById', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) createdById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
