import { Controller, Get, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DEMO_CITIZENS, DEMO_USERS } from '@app/persistence';
import type { AppConfig } from '@app/platform';
import { Public } from './principal.js';

export class DemoUserDto {
  @ApiProperty({ example: 'kari.ansatt' }) username!: string;
  @ApiProperty({ example: 'Kari Ansatt' }) displayName!: string;
  @ApiProperty({ example: 'staff' }) role!: string;
}

export class DemoCitizenDto {
  @ApiProperty({ example: '03888510086', description: 'Synthetic national id (month + 80)' }) pid!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
}

export class AuthConfigDto {
  @ApiProperty({ enum: ['dev', 'oidc'] }) mode!: 'dev' | 'oidc';
  @ApiPropertyOptional({ description: 'oidc: the issuer the web UI signs in against (authorization code + PKCE).' })
  issuer?: string;
  @ApiPropertyOptional({ description: 'oidc: the public client id of the web UI (OIDC_CLIENT_ID, else OIDC_AUDIENCE).' })
  clientId?: string;
  @ApiPropertyOptional({ type: [DemoUserDto], description: 'dev: the seeded demo users a login picker may offer.' })
  demoUsers?: DemoUserDto[];
  @ApiPropertyOptional({ type: [DemoCitizenDto], description: 'dev: the synthetic citizen identities for POST /auth/dev-citizen-login and the ID-porten stand-in.' })
  demoCitizens?: DemoCitizenDto[];
}

/** Public: the web UI asks how to sign in before anyone is signed in. Reveals no secret. */
@ApiTags('auth')
@Controller('auth')
export class AuthConfigController {
  private readonly config: AppConfig;

  constructor(@Inject(ConfigService) configService: ConfigService) {
    this.config = configService.getOrThrow<AppConfig>('app');
  }

  @Public('what the login page needs before anyone is logged in; no personal data')
  @Get('config')
  @ApiOkResponse({ type: AuthConfigDto })
  authConfig(): AuthConfigDto {
    if (this.config.authMode === 'dev') {
      return {
        mode: 'dev',
        demoUsers: DEMO_USERS.map(({ username, displayName, role }) => ({ username, displayName, role })),
        demoCitizens: DEMO_CITIZENS.map(({ pid, name, description }) => ({ pid, name, description })),
      };
    }
    const { issuer, clientId, audience } = this.config.oidc;
    return { mode: 'oidc', issuer, clientId: clientId ?? audience };
  }
}
