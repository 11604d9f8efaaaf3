import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '@app/platform';
import { Public } from '../auth/principal.js';
import { clearCitizenSession } from './citizen-cookies.js';

/** The browser's citizen session (DESIGN 12.8.8): ending it. Login and callback: CitizenLoginController. */
@ApiTags('citizen')
@Controller('citizen')
export class CitizenSessionController {
  private readonly production: boolean;

  constructor(@Inject(ConfigService) config: ConfigService) {
    this.production = config.getOrThrow<AppConfig>('app').nodeEnv === 'production';
  }

  /** Clears both cookies. Needs no session: logging out an expired one must work too. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'bti_citizen and bti_citizen_csrf cleared' })
  logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    clearCitizenSession(request, response, this.production);
  }
}
