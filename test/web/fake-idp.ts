import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A minimal OIDC issuer for the login test: discovery, an authorize endpoint that signs the user
 * in at once and redirects with a code, a token endpoint that redeems the code only with the
 * PKCE verifier (S256), and the JWKS the API verifies tokens with.
 */
export interface FakeIdp {
  issuer: string;
  /** What the issuer saw: the challenge method and whether a verifier matched it. */
  pkce: { method: string | null; verified: boolean };
  close(): Promise<void>;
}

export async function startFakeIdp({ subject, audience, clientId }: { subject: string; audience: string; clientId: string }): Promise<FakeIdp> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-idp', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const pkce: FakeIdp['pkce'] = { method: null, verified: false };
  let issuer = '';

  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      pkce.method = p.get('code_challenge_method');
      if (p.get('response_type') !== 'code' || p.get('client_id') !== clientId || !p.get('code_challenge')) {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = randomUUID();
      codes.set(code, { challenge: p.get('code_challenge')!, redirectUri: p.get('redirect_uri')! });
      const back = new URL(p.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      return res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
          return json(res, 400, { error: 'invalid_grant' });
        }
        pkce.verified = true;
        void new SignJWT({})
          .setProtectedHeader({ alg: 'RS256', kid: 'fake-idp', typ: 'at+jwt' }) // an access token (RFC 9068)
          .setSubject(subject)
          .setIssuer(issuer)
          .setAudience(audience)
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(privateKey)
          .then((accessToken) => json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 600 }));
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, pkce, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
