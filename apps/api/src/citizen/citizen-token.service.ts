import { hkdfSync } from 'node:crypto';
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

  constructor(@Inject(ConfigService) config: ConfigService) {
    const master = config.getOrThrow<AppConfig>('app').dataEncryptionKey;
    this.key = new Uint8Array(hkdfSync('sha256', master, Buffer.alloc(0), 'bti/citizen-token/hs256', 32));
  }

  /** `hmac`: the national id's HMAC (the token never carries the national id). */
  issue(hmac: string, acr: string): Promise<string> {
    return new SignJWT({ acr })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(hmac)
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
