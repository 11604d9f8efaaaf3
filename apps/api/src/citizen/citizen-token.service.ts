import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { AppConfig } from '@app/platform';

const ISSUER = 'bti-citizen';
const AUDIENCE = 'bti-citizen-api';
/** Short-lived (DESIGN 12.8.8): the browser holds it in an HttpOnly cookie, scripts as a Bearer token. */
export const CITIZEN_TOKEN_SECONDS = 30 * 60;

/**
 * The API's own citizen tokens: issued after ID-porten's login (or the dev login), verified on every
 * citizen request. A separate issuer and key from staff tokens, so neither is accepted in the other's
 * place. The key is derived from DATA_ENCRYPTION_KEY (HKDF), so every API process agrees on it.
 */
@Injectable()
export class CitizenTokenService {
  private readonly key: Uint8Array;
  private readonly csrfKey: Buffer;

  constructor(@Inject(ConfigService) config: ConfigService) {
    const master = config.getOrThrow<AppConfig>('app').dataEncryptionKey;
    this.key = new Uint8Array(hkdfSync('sha256', master, Buffer.alloc(0), 'bti/citizen-token/hs256', 32));
    this.csrfKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'bti/citizen-token/csrf', 32));
  }

  /** A token and the CSRF value bound to it (the cookie pair a browser session gets). */
  async issueSession(hmac: string, acr: string): Promise<{ token: string; csrf: string }> {
    const token = await this.issue(hmac, acr);
    return { token, csrf: this.csrfFor(token) };
  }

  /**
   * The CSRF value of a session: derived from its token, so a cookie planted by a neighbour site
   * cannot pair with someone else's session (signed double-submit).
   */
  csrfFor(token: string): string {
    return createHmac('sha256', this.csrfKey).update(token).digest('base64url');
  }

  csrfMatches(token: string, presented: string | undefined): boolean {
    const expected = Buffer.from(this.csrfFor(token));
    return typeof presented === 'string' && presented.length === expected.length && timingSafeEqual(Buffer.from(presented), expected);
  }

  /** `hmac`: the national id's HMAC (the token never carries the national id). */
  issue(hmac: string, acr: string): Promise<string> {
    return new SignJWT({ acr })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(hmac)
      .setJti(randomUUID()) // two logins in one second are two sessions, with two CSRF values
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${CITIZEN_TOKEN_SECONDS}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<JWTPayload & { sub: string; acr?: unknown }> {
    const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (!payload.sub || !/^[0-9a-f]{64}$/.test(payload.sub)) throw new Error('citizen token without subject');
    return payload as JWTPayload & { sub: string };
  }
}
