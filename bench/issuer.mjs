// The bench's identity provider: a JWKS on loopback and ES256 access tokens (`typ: at+jwt`), so
// every API replica verifies the same tokens, as behind a municipality's IdP in production
// (dev-login signs with a key made per process: its tokens are good on one replica only).
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const ISSUER = 'https://idp.bench.bti.local';
const AUDIENCE = 'bti-api';

export async function startIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
  const server = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    /** The API's environment for this issuer (a plain-http JWKS needs NODE_ENV=test). */
    env: {
      AUTH_MODE: 'oidc',
      NODE_ENV: 'test',
      OIDC_ISSUER: ISSUER,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: `http://127.0.0.1:${server.address().port}/jwks`,
    },
    /**
     * Bearer tokens (valid 12 h) for bench users, by username; each user gets the external
     * subject `bench|<username>` (as SCIM would set it), written through `pool` (the superuser's).
     */
    async tokens(pool, usernames) {
      const { rows } = await pool.query(
        `UPDATE app_user SET "externalSubject" = 'bench|' || username WHERE username = ANY($1) RETURNING username, "externalSubject"`,
        [usernames],
      );
      if (rows.length !== new Set(usernames).size) throw new Error(`issuer: ${new Set(usernames).size - rows.length} of the users are missing`);
      const now = Math.floor(Date.now() / 1000);
      const tokens = new Map();
      for (const row of rows) {
        tokens.set(
          row.username,
          await new SignJWT({ preferred_username: row.username })
            .setProtectedHeader({ alg: 'ES256', kid: 'bench', typ: 'at+jwt' })
            .setIssuer(ISSUER)
            .setAudience(AUDIENCE)
            .setSubject(row.externalSubject)
            .setIssuedAt(now)
            .setExpirationTime(now + 12 * 3600)
            .sign(privateKey),
        );
      }
      return tokens;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
