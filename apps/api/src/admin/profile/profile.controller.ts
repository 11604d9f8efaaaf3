import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '../../auth/principal.js';
import { problems } from '../../common/problem.js';
import { ProfileDraftDto, ProfileVersionView, ProfileView, PublishedView } from './profile.dto.js';
import { ProfileAdmin } from './profile.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Requires('admin.profile')
@Controller('admin/profile')
export class ProfileAdminController {
  constructor(private readonly profile: ProfileAdmin) {}

  @Get()
  @ApiOkResponse({ type: ProfileView })
  get(@CurrentPrincipal() principal: Principal): Promise<ProfileView> {
    return this.profile.get(principal);
  }

  @Put('draft')
  @ApiOkResponse({ type: ProfileVersionView })
  @ApiUnprocessableEntityResponse({ description: 'The document breaks the schema: `errors: [{pointer, message}]`, every one' })
  saveDraft(@CurrentPrincipal() principal: Principal, @Body() dto: ProfileDraftDto): Promise<ProfileVersionView> {
    return this.profile.saveDraft(principal, dto.document);
  }

  @Put('versions/:version')
  @ApiOkResponse({ type: ProfileVersionView })
  @ApiConflictResponse({ description: 'A published version never changes' })
  saveVersion(
    @CurrentPrincipal() principal: Principal,
    @Param('version', new ParseIntPipe({ exceptionFactory: () => problems.notFound() })) version: number,
    @Body() dto: ProfileDraftDto,
  ): Promise<ProfileVersionView> {
    return this.profile.saveVersion(principal, version, dto.document);
  }

  @Post('draft/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: PublishedView })
  @ApiConflictResponse({ description: 'No draft to publish' })
  publish(@CurrentPrincipal() principal: Principal): Promise<PublishedView> {
    return this.profile.publish(principal);
  }
}
