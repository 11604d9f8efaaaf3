import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AssignCaseDto {
  @ApiProperty({ format: 'uuid', description: 'The new coordinator (stafettholder)' }) @IsUUID('all') assigneeId!: string;
}
