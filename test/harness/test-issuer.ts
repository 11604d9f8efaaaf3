import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import pg from 'pg';

/**
 * A test OIDC issuer: a JWKS served on loopback and RS256 access tokens (`typ: at+jwt`). Users
 * that are not seeded demo users log in through it (DESIGN 12.8.4): dev-login refuses them.
 */
export class TestIssuer {
  static readonly ISSUER = 'https://idp.bti.test';
  static readonly AUDIENCE = 'bti-api';

  private constructor(
    private readonly server: http.Server,
    private readonly privateKey: CryptoKey,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-issuer', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new TestIssuer(server, privateKey);
  }

  /** The API's environment for this issuer (plain-http JWKS: NODE_ENV=test). */
  env(): Record<string, string> {
    return {
      AUTH_MODE: 'oidc',
      NODE_ENV: 'test',
      OIDC_ISSUER: TestIssuer.ISSUER,
      OIDC_AUDIENCE: TestIssuer.AUDIENCE,
      OIDC_JWKS_URL: `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks`,
    };
  }

  /**
   * Signs a token: a good access token unless `header` or `claims` override its parts; `exp` is
   * absolute (seconds), ten minutes ahead by default, `null` for none.
   */
  sign(subject: string, { header = {}, claims = {}, exp }: { header?: Record<string, unknown>; claims?: Record<string, unknown>; exp?: number | null } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const expiry = exp === undefined ? now + 600 : exp;
    const payload = { iss: TestIssuer.ISSUER, aud: TestIssuer.AUDIENCE, sub: subject, iat: now, ...(expiry === null ? {} : { exp: expiry }), ...claims };
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'test-issuer', typ: 'at+jwt', ...header }).sign(this.privateKey);
  }

  /**
   * An access token for a user of the harness database, giving the user an external subject when it
   * has none (as SCIM would). Written through the harness's own login, not the API's.
   */
  async tokenFor(username: string): Promise<string> {
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ externalSubject: string }>(
        `UPDATE app_user SET "externalSubject" = COALESCE("externalSubject", 'test-issuer|' || username) WHERE username = $1 RETURNING "externalSubject"`,
        [username],
      );
      if (!rows[0]) throw new Error(`test issuer: no user ${username}`);
      return this.sign(rows[0].externalSubject);
    } finally {
      await db.end();
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
