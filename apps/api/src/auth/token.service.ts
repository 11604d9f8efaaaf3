import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import type { AppConfig } from '@app/platform';

const DEV_ISSUER = 'bti-dev-login';
const DEV_AUDIENCE = 'bti-api';
/** RFC 9068's header type of a JWT access token; dev tokens carry it too. */
const ACCESS_TOKEN_TYP = 'at+jwt';
/** How far the issuer's clock and ours may disagree when `exp` and `nbf` are checked (at most 60 s). */
export const CLOCK_TOLERANCE_SECONDS = 30;

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
      .setProtectedHeader({ alg: 'ES256', typ: ACCESS_TOKEN_TYP })
      .setSubject(userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('8h')
      .sign(this.devKeys.privateKey);
  }

  /**
   * Verifies signature, issuer, audience, expiry (`exp` required) and that it is an access token
   * (header `typ`, and the configured claim): an ID token for the web client is refused even when
   * its audience is ours. Returns the claims, with `subject` taken from the configured claim
   * (OIDC_SUBJECT_CLAIM, default `sub`), or throws.
   */
  async verify(token: string): Promise<JWTPayload & { subject: string; exp: number }> {
    const common = { requiredClaims: ['exp'], clockTolerance: CLOCK_TOLERANCE_SECONDS };
    const { oidc } = this.config;
    const { payload } = this.devKeys
      ? await jwtVerify(token, this.devKeys.publicKey, { ...common, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, typ: ACCESS_TOKEN_TYP })
      : await jwtVerify(token, this.jwks!, {
          ...common,
          issuer: oidc.issuer,
          audience: oidc.audience,
          typ: oidc.accessTokenTyp,
          requiredClaims: [...common.requiredClaims, ...(oidc.accessTokenClaim ? [oidc.accessTokenClaim] : [])],
        });
    const subject = this.devKeys ? payload.sub : payload[oidc.subjectClaim];
    if (typeof subject !== 'string' || !subject) throw new Error('token without its subject claim');
    return { ...payload, subject, exp: payload.exp! };
  }

  get mode(): AppConfig['authMode'] {
    return this.config.authMode;
  }

  /** The dev public key as a JWK, for tools that want to verify dev tokens. */
  async devJwk() {
    return this.devKeys ? exportJWK(this.devKeys.publicKey) : null;
  }
}
