import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AssignCaseDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'The new coordinator (stafettholder; DESIGN 8.2): staff or leader of the case\'s unit, or from level 2 a team or IKS member whose ' +
      'service an active consent names. On a case without a coordinator it takes effect at once; on a case with one it is a handover ' +
      'offer: the case shows pendingAssigneeId, the person is notified (handover_offered) and takes over with the event accept_handover.',
  })
  @IsUUID('all')
  assigneeId!: string;
}
