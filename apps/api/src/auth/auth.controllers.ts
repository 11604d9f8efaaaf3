import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MUNICIPALITY_ACTIONS, PLATFORM_ACTIONS, UNIT_ACTIONS, allowedGeneralActions, unitsWhere } from '@app/domain';
import { problems } from '../common/problem.js';
import { LoginRateLimit } from '../rate-limit/rate-limit.guard.js';
import { CurrentPrincipal, Public, toActor, type Principal } from './principal.js';
import { PrincipalService } from './principal.service.js';
import { TokenService } from './token.service.js';

export class DevLoginDto {
  @ApiProperty({ example: 'kari.ansatt' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;
}

export class AccessTokenDto {
  @ApiProperty() accessToken!: string;
}

export class RoleScopeDto {
  @ApiProperty() role!: string;
  @ApiProperty({ enum: ['unit', 'cluster', 'municipality', 'platform'] }) scopeType!: string;
  @ApiProperty() scopeId!: string;
}

export class MeDto {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() municipalityId!: string;
  @ApiProperty({ type: [RoleScopeDto] }) roles!: RoleScopeDto[];
  /** What the screens offer: decided by the permission table (libs/domain permissions.ts), never guessed from roles. */
  @ApiProperty({
    description: 'The municipality and platform actions the caller may perform (and `case.create` when they work in a unit)',
    enum: [...MUNICIPALITY_ACTIONS, ...UNIT_ACTIONS, ...PLATFORM_ACTIONS],
    isArray: true,
  })
  allowedActions!: string[];
  @ApiProperty({ type: [String], description: 'The units where the caller may log a concern (`case.create`), from the same table' })
  caseCreateUnitIds!: string[];
}

/**
 * Only registered when AUTH_MODE=dev (never with NODE_ENV=production, and with ALLOW_DEV_LOGIN=true:
 * libs/platform's config): in oidc mode the route does not exist (404). Tokens for demo users only.
 */
@ApiTags('auth')
@Controller('auth')
export class DevLoginController {
  constructor(
    private readonly tokens: TokenService,
    private readonly principals: PrincipalService,
  ) {}

  @Public('hands out the token (dev mode only, fenced; rate-limited)')
  @LoginRateLimit()
  @Post('dev-login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  async login(@Body() body: DevLoginDto): Promise<AccessTokenDto> {
    const principal = await this.principals.demoUserByUsername(body.username);
    if (!principal) throw problems.validation([{ field: 'username', message: 'Ukjent demobruker: dev-innlogging gjelder bare demobrukerne.' }]);
    return { accessToken: await this.tokens.issueDevToken(principal.userId, principal.username) };
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): MeDto {
    const { userId, username, displayName, municipalityId, roles } = principal;
    const actor = toActor(principal);
    return { userId, username, displayName, municipalityId, roles, allowedActions: allowedGeneralActions(actor), caseCreateUnitIds: unitsWhere(actor, 'case.create') };
  }
}
