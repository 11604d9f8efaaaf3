import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiFoundResponse, ApiNoContentResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '@app/platform';
import { Public } from '../auth/principal.js';
import { ProblemException, problems } from '../common/problem.js';
import { NationalIdCipher } from '../common/national-id.js';
import { LoginRateLimit } from '../rate-limit/rate-limit.guard.js';
import { acrSatisfies, insufficientAcr } from './acr.js';
import { CitizenTokenService } from './citizen-token.service.js';
import { clearCitizenSession, readCookie, setCitizenSession } from './citizen-cookies.js';
import { IdPortenClient } from './idporten-client.js';
import { LOGIN_COOKIE, LOGIN_COOKIE_PATH, LOGIN_SECONDS, LoginTransactionSeal, safeReturnTo } from './login-transaction.js';

/**
 * The browser's citizen session (DESIGN 12.8.8): the API is ID-porten's client (backend for
 * frontend). `login` redirects to ID-porten; `callback` exchanges the code and sets the session
 * cookies; the browser never holds ID-porten's tokens. `logout` clears the cookies.
 */
@ApiTags('citizen')
@Public('the citizen login itself (before any session) and the logout (works without one); no case data')
@Controller('citizen')
export class CitizenSessionController {
  private readonly production: boolean;
  private readonly requiredAcr: string;
  private readonly seal: LoginTransactionSeal;
  private readonly cipher: NationalIdCipher;

  constructor(
    private readonly idporten: IdPortenClient,
    private readonly tokens: CitizenTokenService,
    @Inject(ConfigService) config: ConfigService,
  ) {
    const app = config.getOrThrow<AppConfig>('app');
    this.production = app.nodeEnv === 'production';
    this.requiredAcr = app.citizen.acr;
    this.seal = new LoginTransactionSeal(app.dataEncryptionKey);
    this.cipher = new NationalIdCipher(app.dataEncryptionKey);
  }

  @Get('login')
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path under /innbygger to land on after the login' })
  @ApiFoundResponse({ description: "Redirect to ID-porten's authorization endpoint" })
  async login(@Query('returnTo') returnTo: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const target = safeReturnTo(typeof returnTo === 'string' ? returnTo : undefined);
    if (!target) throw problems.validation([{ field: 'returnTo', message: 'må være en sti under /innbygger' }]);
    const { url, transaction } = await this.idporten.start(target);
    response.cookie(LOGIN_COOKIE, await this.seal.seal(transaction), {
      httpOnly: true,
      secure: request.secure || this.production,
      sameSite: 'lax', // sent on ID-porten's top-level redirect back to the callback
      path: LOGIN_COOKIE_PATH,
      maxAge: LOGIN_SECONDS * 1000,
    });
    response.redirect(302, url.href);
  }

  @Get('callback')
  @LoginRateLimit()
  @ApiFoundResponse({ description: 'Session cookies set; redirect to /innbygger (or the returnTo of the login)' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const transaction = await this.seal.open(readCookie(request.headers.cookie, LOGIN_COOKIE));
    // One use: whatever happens next, this login transaction is spent.
    response.clearCookie(LOGIN_COOKIE, { httpOnly: true, secure: request.secure || this.production, sameSite: 'lax', path: LOGIN_COOKIE_PATH });
    if (!transaction || request.query.state !== transaction.state) {
      throw new ProblemException(400, 'LOGIN_STATE', 'Innloggingen kunne ikke fullføres (ukjent eller utløpt innlogging). Start innloggingen på nytt.');
    }
    const callbackUrl = new URL(request.originalUrl, this.idporten.redirectUri);
    const login = await this.idporten.finish(callbackUrl, transaction);
    if (!acrSatisfies(login.acr, this.requiredAcr)) {
      throw insufficientAcr();
    }
    const session = await this.tokens.issueSession(this.cipher.hash(login.pid), String(login.acr));
    setCitizenSession(request, response, session, this.production);
    response.redirect(302, transaction.returnTo);
  }

  /** Clears both cookies. Needs no session: logging out an expired one must work too. */
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'bti_citizen and bti_citizen_csrf cleared' })
  logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    clearCitizenSession(request, response, this.production);
  }
}
