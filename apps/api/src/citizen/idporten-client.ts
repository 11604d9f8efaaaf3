import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { importJWK } from 'jose';
import * as oidc from 'openid-client';
import type { AppConfig, CitizenOidcConfig } from '@app/platform';
import { ProblemException } from '../common/problem.js';
import type { LoginTransaction } from './login-transaction.js';

/** What the API takes from ID-porten's ID token: the national id and the level of the login. */
export interface IdPortenLogin {
  pid: string;
  acr: unknown;
}

/**
 * The API as ID-porten's OIDC client (DESIGN 12.8.8), by openid-client: authorization code with
 * PKCE (S256), state and nonce; client_secret_post or private_key_jwt. The issuer's metadata is
 * discovered on first use (and again after a failure), so the API starts while ID-porten is down.
 */
@Injectable()
export class IdPortenClient {
  private readonly logger = new Logger(IdPortenClient.name);
  private readonly config?: CitizenOidcConfig;
  private readonly acrValues: string;
  private discovered?: Promise<oidc.Configuration>;

  constructor(@Inject(ConfigService) configService: ConfigService) {
    const app = configService.getOrThrow<AppConfig>('app');
    this.config = app.citizen.oidc;
    this.acrValues = app.citizen.acr;
  }

  /** Where ID-porten sends the browser back (the callback's own URL, as registered at the issuer). */
  get redirectUri(): string {
    return this.config?.redirectUri ?? 'http://localhost/api/v1/citizen/callback';
  }

  /** A new transaction and the issuer's authorization URL for it. */
  async start(returnTo: string): Promise<{ url: URL; transaction: LoginTransaction }> {
    const config = await this.metadata();
    const transaction = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), returnTo };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.config!.redirectUri,
      scope: 'openid',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
      acr_values: this.acrValues,
      ui_locales: 'nb',
    });
    return { url, transaction };
  }

  /**
   * Exchanges the code of `callbackUrl` and checks state, nonce, PKCE, issuer and the ID token's
   * signature. Throws a problem: 400 LOGIN_FAILED (the issuer said no, or the answer did not check
   * out) or 503 (the issuer did not answer). Logs the error's code only: never a claim.
   */
  async finish(callbackUrl: URL, transaction: LoginTransaction): Promise<IdPortenLogin> {
    const config = await this.metadata();
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        this.logger.warn(`ID-porten avviste innloggingen: ${error.error}`);
        throw loginFailed('Innloggingen ble avbrutt eller avvist i ID-porten. Prøv igjen.');
      }
      const code = (error as { code?: string }).code ?? (error as Error).name;
      if (isUnreachable(error)) {
        this.logger.warn(`ID-porten svarte ikke: ${code}`);
        throw unavailable();
      }
      this.logger.warn(`Svaret fra ID-porten kunne ikke godtas: ${code}`);
      throw loginFailed('Svaret fra ID-porten kunne ikke godtas. Prøv å logge inn på nytt.');
    }
    if (typeof claims?.pid !== 'string') throw loginFailed('ID-porten oppga ikke fødselsnummer.');
    return { pid: claims.pid, acr: claims.acr };
  }

  private metadata(): Promise<oidc.Configuration> {
    const config = this.config;
    if (!config) throw new ProblemException(404, 'CITIZEN_LOGIN_NOT_CONFIGURED', 'Innlogging med ID-porten er ikke satt opp her.');
    this.discovered ??= this.discover(config).catch((error: unknown) => {
      this.discovered = undefined; // try again on the next login
      this.logger.warn(`ID-porten kunne ikke nås: ${(error as { code?: string }).code ?? (error as Error).name}`);
      throw unavailable();
    });
    return this.discovered;
  }

  private async discover(config: CitizenOidcConfig): Promise<oidc.Configuration> {
    const auth = config.clientKey
      ? oidc.PrivateKeyJwt({ key: (await importJWK(config.clientKey, String(config.clientKey.alg ?? 'RS256'))) as oidc.CryptoKey, kid: String(config.clientKey.kid) })
      : oidc.ClientSecretPost(config.clientSecret);
    return oidc.discovery(new URL(config.issuer), config.clientId, undefined, auth, config.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined);
  }
}

function loginFailed(detail: string): ProblemException {
  return new ProblemException(400, 'LOGIN_FAILED', detail);
}

function unavailable(): ProblemException {
  return new ProblemException(503, 'UNAVAILABLE', 'ID-porten svarer ikke nå. Prøv igjen om litt.');
}

function isUnreachable(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return error instanceof TypeError || ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET'].includes(cause?.code ?? '');
}
