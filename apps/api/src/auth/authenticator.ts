import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@app/platform';
import { problems } from '../common/problem.js';
import { ExpiringCache } from '../common/expiring-cache.js';
import { PrincipalService, type StoredPrincipal } from './principal.service.js';
import { TokenService } from './token.service.js';

/**
 * The caller behind an `Authorization: Bearer` header; throws a 401 problem otherwise.
 *
 * Two caches keep the check off the hot path (DESIGN 11: ~1 ms of CPU per request):
 * - a verified token is trusted until its own `exp` (re-checking the signature of an unchanged
 *   token cannot give another answer before then);
 * - the caller's user row and roles are trusted for `AUTH_PRINCIPAL_CACHE_MS` (default 5 s); the
 *   identity statement of each transaction refuses a deactivated user or a removed role at once
 *   (RowSecurity, RolesChangedInterceptor), so the cache only delays a newly granted role.
 */
@Injectable()
export class Authenticator {
  private readonly verified = new ExpiringCache<string>(50_000);
  private readonly principalsBySubject = new ExpiringCache<StoredPrincipal | null>(50_000);
  private readonly principalTtlMs: number;

  constructor(
    private readonly tokens: TokenService,
    private readonly principals: PrincipalService,
    @Inject(ConfigService) configService: ConfigService,
  ) {
    this.principalTtlMs = configService.getOrThrow<AppConfig>('app').principalCacheMs;
  }

  async authenticate(authorization: string | undefined): Promise<StoredPrincipal> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw problems.unauthenticated();
    const subject = await this.subjectOf(token);
    const stored = await this.principalOf(subject);
    if (!stored) throw problems.unauthenticated('Brukeren finnes ikke i løsningen.');
    return stored;
  }

  /** Forgets every cached role set (e.g. after roles were changed in this process). */
  forgetPrincipals(): void {
    this.principalsBySubject.clear();
  }

  private async subjectOf(token: string): Promise<string> {
    const cached = this.verified.get(token);
    if (cached !== undefined) return cached;
    try {
      const claims = await this.tokens.verify(token);
      this.verified.set(token, claims.subject, claims.exp * 1000); // `exp` is required
      return claims.subject;
    } catch {
      throw problems.unauthenticated('Tokenet er ugyldig eller utløpt.');
    }
  }

  private async principalOf(subject: string): Promise<StoredPrincipal | null> {
    const cached = this.principalsBySubject.get(subject);
    if (cached !== undefined) return cached;
    const stored = this.tokens.mode === 'dev' ? await this.principals.demoUserById(subject) : await this.principals.byExternalSubject(subject);
    // Unknown subjects are not cached: a user created a moment later can log in at once.
    if (stored && this.principalTtlMs > 0) this.principalsBySubject.set(subject, stored, Date.now() + this.principalTtlMs);
    return stored;
  }
}
