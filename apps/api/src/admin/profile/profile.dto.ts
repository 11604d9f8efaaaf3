import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class ProfileDraftDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole profile (libs/reference-data/municipality-profile.schema.json); 422 lists every violation as {pointer, message}',
  })
  @IsObject()
  document!: Record<string, unknown>;
}

export class ProfileVersionView {
  @ApiProperty() version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) document!: Record<string, unknown>;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) publishedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) publishedBy!: string | null;
}

export class ProfileVersionSummary {
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: Date }) publishedAt!: Date | null;
}

export class ProfileView {
  @ApiProperty({ type: ProfileVersionView, nullable: true, description: 'The latest published version: what new cases take' }) published!: ProfileVersionView | null;
  @ApiProperty({ type: ProfileVersionView, nullable: true, description: 'The draft being edited, if any' }) draft!: ProfileVersionView | null;
  @ApiProperty({ type: [ProfileVersionSummary], description: 'Every version, newest first' }) versions!: ProfileVersionSummary[];
}

export class PublishedView {
  @ApiProperty() version!: number;
}
