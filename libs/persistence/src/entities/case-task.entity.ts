import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A task from a log entry (fordeling av arbeidsoppgaver): a `task_due` reminder to its responsible. */
@Entity('case_task')
@Index('IDX_case_task_case', ['caseId', 'dueDate'])
@Index('IDX_case_task_log_entry', ['logEntryId'])
export class CaseTask {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_task' }) id!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'uuid' }) logEntryId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'uuid' }) responsibleId!: string;
  @Column({ type: 'date' }) dueDate!: string;
  @Column({ type: 'uuid' }) createdById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
