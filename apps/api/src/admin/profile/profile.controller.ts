import { Body, Controller, Get, HttpCode, Param, Post, Put, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '../../auth/principal.js';
import { problems } from '../../common/problem.js';
import { ProfileDraftDto, ProfileVersionView, ProfileView, PublishedView } from './profile.dto.js';
import { ProfileAdmin } from './profile.service.js';

/** A version number is a positive PostgreSQL integer: anything else names no version (404, not a 500 from the database). */
const VERSION_NUMBER: PipeTransform<string, number> = {
  transform(value) {
    const version = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(version >= 1 && version <= 2 ** 31 - 1)) throw problems.notFound();
    return version;
  },
};

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
    @Param('version', VERSION_NUMBER) version: number,
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
