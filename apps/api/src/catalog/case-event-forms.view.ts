import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_TYPES } from '@app/domain';

export class EventFieldValueView {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'Bokmål' }) label!: string;
}

/** Holds when every named field has the given value (an unset boolean counts as false). */
const CONDITION = { type: 'object' as const, additionalProperties: { oneOf: [{ type: 'string' as const }, { type: 'boolean' as const }] } };

export class EventFieldView {
  @ApiProperty({ description: 'The payload field of POST /cases/:id/events' }) name!: string;
  @ApiProperty({
    enum: ['text', 'textarea', 'boolean', 'choice', 'person', 'unit', 'address', 'guardians'],
    description: 'person: a user id from GET /people (pick by name); unit: a unit id from GET /units; address: PostalAddressDto; guardians: ReportGuardianDto[]',
  })
  type!: 'text' | 'textarea' | 'boolean' | 'choice' | 'person' | 'unit' | 'address' | 'guardians';
  @ApiProperty({ description: 'Bokmål, as a form shows it' }) label!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ description: 'Refused without it (the request validation reads this same description)' }) required!: boolean;
  @ApiPropertyOptional({ ...CONDITION, description: 'Required only when this holds (checked by the workflow rules)' }) requiredWhen?: Record<string, string | boolean>;
  @ApiPropertyOptional({ ...CONDITION, description: 'Only meaningful, and only sent, when this holds' }) shownWhen?: Record<string, string | boolean>;
  @ApiPropertyOptional({ type: [EventFieldValueView], description: 'choice: the allowed codes' }) values?: EventFieldValueView[];
  @ApiPropertyOptional({ enum: ['child.address', 'child.guardians', 'unit.address'], description: 'What the case already knows that fills the field' })
  prefill?: 'child.address' | 'child.guardians' | 'unit.address';
}

export class EventFormView {
  @ApiProperty({ enum: EVENT_TYPES }) type!: (typeof EVENT_TYPES)[number];
  @ApiProperty({ description: 'Bokmål name of the action' }) label!: string;
  @ApiProperty({ type: [EventFieldView] }) fields!: EventFieldView[];
}
