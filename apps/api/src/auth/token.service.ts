import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import type { AppConfig } from '@app/platform';

const DEV_ISSUER = 'bti-dev-login';
const DEV_AUDIENCE = 'bti-api';

/**
 * Issues (dev mode) and verifies (both modes) access tokens. Dev mode signs with a key made at
 * start, so tokens die with the process; oidc mode trusts only the municipality's JWKS.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private devKeys?: { privateKey: CryptoKey; publicKey: CryptoKey };
  private jwks?: JWTVerifyGetKey;
  private readonly config: AppConfig;

  constructor(@Inject(ConfigService) configService: ConfigService) {
    this.config = configService.getOrThrow<AppConfig>('app');
  }

  async onModuleInit(): Promise<void> {
    if (this.config.authMode === 'dev') {
      this.devKeys = await generateKeyPair('ES256');
    } else {
      this.jwks = createRemoteJWKSet(new URL(this.config.oidc.jwksUrl!));
    }
  }

  async issueDevToken(userId: string, username: string): Promise<string> {
    if (!this.devKeys) throw new Error('Dev-innlogging er bare tilgjengelig med AUTH_MODE=dev.');
    return new SignJWT({ preferred_username: username })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('8h')
      .sign(this.devKeys.privateKey);
  }

  /** Verifies signature, issuer, audience and expiry; returns the claims or throws. */
  async verify(token: string): Promise<JWTPayload & { sub: string }> {
    const { payload } = this.devKeys
      ? await jwtVerify(token, this.devKeys.publicKey, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE })
      : await jwtVerify(token, this.jwks!, { issuer: this.config.oidc.issuer, audience: this.config.oidc.audience });
    if (!payload.sub) throw new Error('token without sub');
    return payload as JWTPayload & { sub: string };
  }

  get mode(): AppConfig['authMode'] {
    return this.config.authMode;
  }

  /** The dev public key as a JWK, for tools that want to verify dev tokens. */
  async devJwk() {
    return this.devKeys ? exportJWK(this.devKeys.publicKey) : null;
  }
}
