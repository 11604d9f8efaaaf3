import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Request, Response } from 'express';
import type { AppConfig } from '@app/platform';
import { Public } from '../auth/principal.js';
import { problems } from '../common/problem.js';
import { isSyntheticNationalId, NationalIdCipher } from '../common/national-id.js';
import { CitizenTokenService } from './citizen-token.service.js';
import { setCitizenSession } from './citizen-cookies.js';
import { LoginRateLimit } from '../rate-limit/rate-limit.guard.js';

const ACRS = ['idporten-loa-substantial', 'idporten-loa-high'];

export class DevCitizenLoginDto {
  @ApiProperty({ example: '03888510086', description: 'A synthetic national id (month + 80); never a real one' }) @IsString() pid!: string;
  @ApiPropertyOptional({ enum: ACRS, default: 'idporten-loa-high' }) @IsOptional() @IsIn(ACRS) acr?: string;
}

export class CitizenAccessTokenDto {
  @ApiProperty({ description: "The API's citizen token: send as Authorization: Bearer on /api/v1/citizen/…" }) accessToken!: string;
  @ApiProperty({ description: 'The value of the bti_citizen_csrf cookie, for X-CSRF-Token on writes authenticated by the cookie' }) csrfToken!: string;
}

/**
 * Dev mode only (registered with AUTH_MODE=dev, like the staff dev-login): the token the ID-porten
 * stand-in's login would give a synthetic test identity, for scripts and outside clients; it also sets
 * the session cookies, so a browser test logs in with one request.
 */
@ApiTags('auth')
@Controller('auth')
export class DevCitizenLoginController {
  private readonly cipher: NationalIdCipher;
  private readonly production: boolean;

  constructor(
    private readonly tokens: CitizenTokenService,
    @Inject(ConfigService) config: ConfigService,
  ) {
    const app = config.getOrThrow<AppConfig>('app');
    this.cipher = new NationalIdCipher(app.dataEncryptionKey);
    this.production = app.nodeEnv === 'production';
  }

  @Public('hands out the citizen token (dev mode only, synthetic identities; rate-limited)')
  @LoginRateLimit()
  @Post('dev-citizen-login')
  @HttpCode(200)
  @ApiOkResponse({ type: CitizenAccessTokenDto })
  async login(@Body() body: DevCitizenLoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<CitizenAccessTokenDto> {
    if (!isSyntheticNationalId(body.pid)) {
      throw problems.validation([{ field: 'pid', message: 'må være et syntetisk testfødselsnummer (måned + 80)' }]);
    }
    const session = await this.tokens.issueSession(this.cipher.hash(body.pid), body.acr ?? 'idporten-loa-high');
    setCitizenSession(request, response, session, this.production);
    return { accessToken: session.token, csrfToken: session.csrf };
  }
}
