import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  CHILD_WELFARE_REPORT_CHANNELS,
  CLOSE_REASONS,
  EVALUATION_OUTCOMES,
  EVENT_TYPES,
  MAX_ANONYMOUS_SUMMARY_LENGTH,
  MIN_CLOSE_JUSTIFICATION,
  ROUTES,
  type EventType,
} from '@app/domain';
import { ChildWelfareReportFieldsDto } from '../../child-welfare-reports/dto/report-event-fields.dto.js';
import { TEXT_MAX } from './create-case.dto.js';
import { requiredFor } from './event-forms.js';

export { EVENT_FIELDS } from './event-forms.js';

/** `{type, ...payload}`: one flat DTO, each field validated when its event takes it. */
export class CaseEventDto extends ChildWelfareReportFieldsDto {
  @ApiProperty({
    enum: EVENT_TYPES,
    description:
      'The state-machine event (DESIGN 4, 8). raise_safety_concern {note}: flags the case later (violence/abuse disclosed) and starts the ' +
      'urgent reminder; report_to_child_welfare and raise_safety_concern need an identified view of the case (an anonymised viewer gets ' +
      '403 FORBIDDEN_ROLE); accept_handover / decline_handover {reason}: only the proposed coordinator (pendingAssigneeId).',
  })
  @IsIn(EVENT_TYPES)
  type!: EventType;

  @ApiPropertyOptional({ description: 'complete_assessment', maxLength: TEXT_MAX })
  @ValidateIf(requiredFor('summary'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  summary?: string;

  @ApiPropertyOptional({ description: 'complete_assessment, report_to_child_welfare' })
  @ValidateIf(requiredFor('guardiansInformed'))
  @IsBoolean()
  guardiansInformed?: boolean;

  @ApiPropertyOptional({ description: 'complete_assessment, when guardians were not informed', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  reasonNotInformed?: string;

  @ApiPropertyOptional({ description: 'complete_assessment: whether the child was heard; required for a child of 7 or more (DESIGN 8.5)' })
  @IsOptional()
  @IsBoolean()
  childHeard?: boolean;

  @ApiPropertyOptional({ description: "complete_assessment (required when heard, from 7), evaluate (optional): the child's own view", maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  childView?: string;

  @ApiPropertyOptional({ description: 'complete_assessment: why the child was not heard (required when not heard, from 7)', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  reasonChildNotHeard?: string;

  @ApiPropertyOptional({ description: "complete_assessment: how the child's view was weighed (required when heard, from 12)", maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  childViewWeight?: string;

  @ApiPropertyOptional({ description: "complete_assessment, evaluate: the guardians' view (optional)", maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  guardiansView?: string;

  @ApiPropertyOptional({ enum: ROUTES, description: 'decide, escalate, step_down (a lower route than today\'s), evaluate (outcome escalate)' })
  @ValidateIf(requiredFor('route'))
  @IsIn(ROUTES)
  route?: (typeof ROUTES)[number];

  @ApiPropertyOptional({ description: 'decide, escalate, propose_transfer, step_down', maxLength: TEXT_MAX })
  @ValidateIf(requiredFor('rationale'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  rationale?: string;

  @ApiPropertyOptional({ description: 'decide/escalate to interdisciplinary_team without identity' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({
    description: 'decide, escalate, evaluate (outcome escalate): required with anonymous: true; the only text the anonymised team reads (DESIGN 8.4)',
    maxLength: MAX_ANONYMOUS_SUMMARY_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ANONYMOUS_SUMMARY_LENGTH)
  anonymousSummary?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'decide: the coordinator (stafettholder) to take the case when it has none; without one, 422 COORDINATOR_REQUIRED (DESIGN 8.2). ' +
      'accept_transfer: the new coordinator, staff or leader of the receiving unit; omitted: none (starts the `unassigned` reminder)',
  })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({
    description: `close, evaluate (outcome close): on a flagged case without a recorded report to child welfare, the unit leader's reason why no report (at least ${MIN_CLOSE_JUSTIFICATION} characters; DESIGN 8.1)`,
    maxLength: TEXT_MAX,
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  justification?: string;

  @ApiPropertyOptional({ enum: EVALUATION_OUTCOMES, description: 'evaluate' })
  @ValidateIf(requiredFor('outcome'))
  @IsIn(EVALUATION_OUTCOMES)
  outcome?: (typeof EVALUATION_OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'evaluate (required), raise_safety_concern (required: what came to light), close', maxLength: TEXT_MAX })
  @ValidateIf(requiredFor('note'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  note?: string;

  @ApiPropertyOptional({ description: `close, evaluate (outcome close): one of ${CLOSE_REASONS.join(', ')}; reopen, decline_handover, reject_transfer: free text`, maxLength: TEXT_MAX })
  @ValidateIf(requiredFor('reason'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason?: string; // close's enum is checked by libs/domain (VALIDATION_FAILED, field reason)

  @ApiPropertyOptional({ description: 'report_to_child_welfare', maxLength: TEXT_MAX })
  @ValidateIf(requiredFor('grounds'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  grounds?: string;

  @ApiPropertyOptional({ description: 'report_to_child_welfare, when guardians were not informed (required then)', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  reasonGuardiansNotInformed?: string;

  @ApiPropertyOptional({ enum: CHILD_WELFARE_REPORT_CHANNELS, description: 'report_to_child_welfare: how the report is given' })
  @ValidateIf(requiredFor('channel'))
  @IsIn(CHILD_WELFARE_REPORT_CHANNELS)
  channel?: (typeof CHILD_WELFARE_REPORT_CHANNELS)[number];

  @ApiPropertyOptional({ description: "report_to_child_welfare: child welfare's reference, when known", maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'propose_transfer: the receiving unit (GET /units). Needs an active consent naming `receiving_unit`; its leader then sees the case and gets `transfer_offered`.',
  })
  @ValidateIf(requiredFor('toUnitId'))
  @IsUUID()
  toUnitId?: string;

}
