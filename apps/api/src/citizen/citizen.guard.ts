import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@app/platform';
import { ProblemException, problems } from '../common/problem.js';
import { acrSatisfies, insufficientAcr } from './acr.js';
import { requireCitizenAction } from './citizen-action.js';
import type { CitizenRequest } from '../auth/citizen-principal.js';
import { CitizenTokenService } from './citizen-token.service.js';
import { CITIZEN_COOKIE, CSRF_HEADER, readCookie } from './citizen-cookies.js';

/**
 * Citizen routes: the API's citizen token as `Authorization: Bearer` (scripts) or from the session
 * cookie (browser; a write then needs the CSRF header: the CSRF cookie's value, bound to the token). The acr is checked
 * on every request. A staff token fails the signature check here (another issuer and key): 401.
 */
@Injectable()
export class CitizenGuard implements CanActivate {
  private readonly requiredAcr: string;

  constructor(
    private readonly tokens: CitizenTokenService,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.requiredAcr = config.getOrThrow<AppConfig>('app').citizen.acr;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    requireCitizenAction(context);
    const request = context.switchToHttp().getRequest<CitizenRequest>();
    const [scheme, bearer] = (request.headers.authorization ?? '').split(' ');
    const fromCookie = !bearer ? readCookie(request.headers.cookie, CITIZEN_COOKIE) : undefined;
    const token = scheme?.toLowerCase() === 'bearer' && bearer ? bearer : fromCookie;
    if (!token) throw problems.unauthenticated('Logg inn med ID-porten.');
    let claims: Awaited<ReturnType<CitizenTokenService['verify']>>;
    try {
      claims = await this.tokens.verify(token);
    } catch {
      throw problems.unauthenticated('Innloggingen er ugyldig eller utløpt. Logg inn på nytt.');
    }
    if (!acrSatisfies(claims.acr, this.requiredAcr)) {
      throw insufficientAcr();
    }
    const header = request.headers[CSRF_HEADER];
    if (fromCookie && !SAFE_METHODS.includes(request.method) && !this.tokens.csrfMatches(token, typeof header === 'string' ? header : undefined)) {
      throw new ProblemException(403, 'CSRF', 'Forespørselen mangler gyldig CSRF-token (X-CSRF-Token). Last siden på nytt.');
    }
    request.citizen = { hmac: claims.sub, acr: String(claims.acr), requestId: String(request.headers['x-request-id']) };
    return true;
  }
}

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
