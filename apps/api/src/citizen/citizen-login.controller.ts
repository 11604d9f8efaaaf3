import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { AppConfig } from '@app/platform';
import { Public } from '../auth/principal.js';
import { problems } from '../common/problem.js';
import { isSyntheticNationalId, NationalIdCipher } from '../cases/national-id.js';
import { CitizenTokenService } from './citizen-token.service.js';
import { LoginRateLimit } from '../rate-limit/rate-limit.guard.js';

const ACRS = ['idporten-loa-substantial', 'idporten-loa-high'];

export class DevCitizenLoginDto {
  @ApiProperty({ example: '03888510086', description: 'A synthetic national id (month + 80); never a real one' }) @IsString() pid!: string;
  @ApiPropertyOptional({ enum: ACRS, default: 'idporten-loa-high' }) @IsOptional() @IsIn(ACRS) acr?: string;
}

export class CitizenAccessTokenDto {
  @ApiProperty({ description: "The API's citizen token: send as Authorization: Bearer on /api/v1/citizen/…" }) accessToken!: string;
}

/**
 * Dev mode only (registered with AUTH_MODE=dev, like the staff dev-login): the token the ID-porten
 * stand-in's login would give a synthetic test identity, for scripts and outside clients.
 */
@ApiTags('auth')
@Controller('auth')
export class DevCitizenLoginController {
  private readonly cipher: NationalIdCipher;

  constructor(
    private readonly tokens: CitizenTokenService,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.cipher = new NationalIdCipher(config.getOrThrow<AppConfig>('app').dataEncryptionKey);
  }

  @Public('hands out the citizen token (dev mode only, synthetic identities; rate-limited)')
  @LoginRateLimit()
  @Post('dev-citizen-login')
  @HttpCode(200)
  @ApiOkResponse({ type: CitizenAccessTokenDto })
  async login(@Body() body: DevCitizenLoginDto): Promise<CitizenAccessTokenDto> {
    if (!isSyntheticNationalId(body.pid)) {
      throw problems.validation([{ field: 'pid', message: 'må være et syntetisk testfødselsnummer (måned + 80)' }]);
    }
    return { accessToken: await this.tokens.issue(this.cipher.hash(body.pid), body.acr ?? 'idporten-loa-high') };
  }
}
