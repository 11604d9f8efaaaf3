import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@app/platform';
import { ProblemException, problems } from '../common/problem.js';
import { acrSatisfies } from './acr.js';
import { requireCitizenAction } from './citizen-action.js';
import type { CitizenRequest } from './citizen-principal.js';
import { CitizenTokenService } from './citizen-token.service.js';
import { CITIZEN_COOKIE, CSRF_COOKIE, CSRF_HEADER, readCookie } from './citizen-cookies.js';

/**
 * Citizen routes: the API's citizen token as `Authorization: Bearer` (scripts) or from the session
 * cookie (browser; a write then needs the CSRF header to equal the CSRF cookie). The acr is checked
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
      throw new ProblemException(403, 'INSUFFICIENT_ACR', 'Innloggingen har for lavt sikkerhetsnivå. Logg inn med MinID, BankID, Buypass eller Commfides på høyt nivå.');
    }
    if (fromCookie && !['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !csrfMatches(request)) {
      throw new ProblemException(403, 'CSRF_FAILED', 'Forespørselen mangler gyldig CSRF-token.');
    }
    request.citizen = { hmac: claims.sub, acr: String(claims.acr), requestId: String(request.headers['x-request-id']) };
    return true;
  }
}

/** Double-submit: the page reads the (non-HttpOnly) CSRF cookie and sends it back as a header. */
function csrfMatches(request: CitizenRequest): boolean {
  const cookie = readCookie(request.headers.cookie, CSRF_COOKIE);
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || cookie.length !== header.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(header));
}
