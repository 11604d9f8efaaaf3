import { Body, Controller, Headers, HttpCode, Injectable, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CaseCommandRunner } from '../case-core/case-command-runner.js';
import { CasePrecondition, ETAG_RESPONSE_HEADER, IF_MATCH_HEADER } from '../case-core/if-match.js';

export class YouthSharingOverrideDto {
  @ApiProperty({ description: 'Whether the guardians see what was written from the youth\'s selfConsentAge' }) @IsBoolean() shareWithGuardians!: boolean;
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Why the guardians need it to exercise their parental responsibility (or why not)' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;
}

export class YouthSharingOverrideView {
  @ApiProperty() shareWithGuardians!: boolean;
  @ApiProperty({ enum: ['unit_leader'] }) decidedBy!: 'unit_leader';
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: Date;
}

/**
 * The unit leader overrides the youth's choice about sharing with the guardians (DESIGN 12.8.7:
 * when they need the information to exercise parental responsibility, as pasient- og
 * brukerrettighetsloven § 3-4 allows for health services). A `youth_sharing` record of its own,
 * with the reason; the latest record decides what the guardians see.
 */
@Injectable()
export class YouthSharingOverrideService {
  constructor(private readonly runner: CaseCommandRunner) {}

  override(principal: Principal, caseId: string, dto: YouthSharingOverrideDto, precondition: CasePrecondition): Promise<YouthSharingOverrideView> {
    return this.runner.run(principal, caseId, {
      action: 'case.youth_sharing.override',
      requires: 'youth_sharing.override',
      precondition,
      decide: async (em) => {
        const reason = dto.reason.trim();
        const [row]: { at: Date }[] = await em.query(
          `INSERT INTO youth_sharing ("caseId", "sharesWithGuardians", "decidedBy", "overriddenById", "reason") VALUES ($1, $2, 'unit_leader', $3, $4) RETURNING at`,
          [caseId, dto.shareWithGuardians, principal.userId, reason],
        );
        const what = dto.shareWithGuardians ? 'gitt foresatte innsyn i' : 'skjermet for foresatte';
        return {
          case: {},
          log: { type: 'youth_sharing_overridden', text: `Enhetslederen har ${what} det som er skrevet etter at barnet fylte samtykkealderen. Begrunnelse: ${reason}` },
          respond: () => ({ shareWithGuardians: dto.shareWithGuardians, decidedBy: 'unit_leader' as const, reason, at: row.at }),
        };
      },
    });
  }
}

@ApiTags('guardians')
@ApiBearerAuth()
@Controller('cases/:id/youth-sharing')
export class YouthSharingOverrideController {
  constructor(private readonly service: YouthSharingOverrideService) {}

  @Post('override')
  @HttpCode(200)
  @ApiOperation({ summary: "Override the youth's choice about sharing with the guardians, with a reason (action `youth_sharing.override`, the unit leader)" })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: YouthSharingOverrideView, headers: ETAG_RESPONSE_HEADER })
  async override(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: YouthSharingOverrideDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<YouthSharingOverrideView> {
    const precondition = new CasePrecondition(ifMatch);
    const view = await this.service.override(principal, id, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return view;
  }
}
