// A local stand-in for ID-porten (DESIGN 12.4), for `npm start` and the tests: an OpenID Provider
// built with oidc-provider on loopback, with a bokmål page to pick one of the synthetic demo
// identities (Digdir's test users: month + 80) and the level of the login (acr), so a too-low
// level can be shown. ID tokens carry `pid` and `acr` as ID-porten's do. Never for real people.
// Plain ESM JavaScript, like mail-sink.mjs, so the start script and the harness import it unbuilt.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export const STANDIN_ACRS = [
  { value: 'idporten-loa-high', label: 'Høyt (BankID, Buypass, Commfides, MinID med passport)' },
  { value: 'idporten-loa-substantial', label: 'Betydelig (MinID)' },
];

const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return (
    `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem;line-height:1.5}` +
    `fieldset{border:1px solid #888;border-radius:.5rem;margin:1rem 0;padding:.5rem 1rem}label{display:block;padding:.4rem 0}` +
    `button{font:inherit;padding:.6rem 1.2rem;margin:.5rem .5rem 0 0;border-radius:.4rem;border:1px solid #0062ba;background:#0062ba;color:#fff}` +
    `button.secondary{background:#fff;color:#0062ba}small{color:#444}</style></head><body>${body}</body></html>`
  );
}

function loginPage(uid, identities) {
  const people = identities
    .map(
      (p, i) =>
        `<label><input type="radio" name="pid" value="${escapeHtml(p.pid)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(p.name)} ` +
        `<small>(${escapeHtml(p.pid)}) – ${escapeHtml(p.description)}</small></label>`,
    )
    .join('');
  const levels = STANDIN_ACRS.map((a, i) => `<label><input type="radio" name="acr" value="${a.value}"${i === 0 ? ' checked' : ''}> ${escapeHtml(a.label)}</label>`).join('');
  return page(
    'Logg inn – lokal ID-porten',
    `<h1>Logg inn (lokal ID-porten)</h1><p>Dette er en lokal erstatning for ID-porten med syntetiske testpersoner. Velg hvem du vil logge inn som.</p>` +
      `<form method="post" action="/innlogging/${escapeHtml(uid)}"><fieldset><legend>Testperson</legend>${people}</fieldset>` +
      `<fieldset><legend>Sikkerhetsnivå</legend>${levels}</fieldset>` +
      `<button type="submit" name="action" value="login">Logg inn</button>` +
      `<button type="submit" name="action" value="cancel" class="secondary">Avbryt</button></form>`,
  );
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/**
 * Starts the stand-in. `identities`: `[{pid, name, description}]`; `clients`: `[{clientId,
 * clientSecret, redirectUris}]` (client_secret_post, as the API uses it). Returns the issuer URL.
 */
export async function startIdPortenStandIn({ identities, clients, port = 0, host = '127.0.0.1' }) {
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const issuer = `http://${host}:${server.address().port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const known = new Set(identities.map((p) => p.pid));

  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'standin', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // As ID-porten: the national id in `pid`, in the ID token itself.
    claims: { openid: ['sub', 'pid'] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => (known.has(id) ? { accountId: id, claims: () => ({ sub: id, pid: id }) } : undefined),
    acrValues: STANDIN_ACRS.map((a) => a.value),
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/innlogging/${interaction.uid}` },
    // No consent screen: ID-porten asks for none either. The grant covers what was asked.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid');
      grant.addOIDCClaims(['pid']);
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('Feil – lokal ID-porten', `<h1>Innloggingen feilet</h1><p>${escapeHtml(out.error)}: ${escapeHtml(out.error_description)}</p>`);
    },
  });
  const oidcHandler = provider.callback();

  server.on('request', async (req, res) => {
    const match = /^\/innlogging\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return oidcHandler(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== match[1]) throw new Error('interaction mismatch');
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        return res.end(loginPage(details.uid, identities));
      }
      const form = await readForm(req);
      if (form.get('action') === 'cancel') {
        return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Brukeren avbrøt innloggingen' }, { mergeWithLastSubmission: false });
      }
      const pid = form.get('pid');
      const acr = form.get('acr');
      if (!known.has(pid) || !STANDIN_ACRS.some((a) => a.value === acr)) {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(page('Ugyldig valg', '<h1>Ugyldig valg</h1><p>Velg en testperson og et sikkerhetsnivå.</p>'));
      }
      return provider.interactionFinished(req, res, { login: { accountId: pid, acr, amr: ['TestID'] } }, { mergeWithLastSubmission: false });
    } catch {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Utløpt', '<h1>Innloggingen er utløpt</h1><p>Gå tilbake og start innloggingen på nytt.</p>'));
    }
  });

  return {
    issuer,
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * `npm start` without CITIZEN_OIDC_ISSUER: the stand-in on IDPORTEN_PORT (default: a free port),
 * with a fresh client secret, and the API's CITIZEN_OIDC_* pointed at it in `env`.
 */
export async function startEmbeddedIdPorten(env, identities, log) {
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  const client = { clientId: 'bti-lokal', clientSecret: randomBytes(24).toString('hex'), redirectUris: [`${publicUrl}/api/v1/citizen/callback`] };
  const standIn = await startIdPortenStandIn({ identities, clients: [client], port: Number(env.IDPORTEN_PORT ?? 0) });
  Object.assign(env, { CITIZEN_OIDC_ISSUER: standIn.issuer, CITIZEN_OIDC_CLIENT_ID: client.clientId, CITIZEN_OIDC_CLIENT_SECRET: client.clientSecret });
  log(`Innbyggere logger inn med en lokal ID-porten på ${standIn.issuer} (syntetiske testpersoner): start på ${publicUrl}/api/v1/citizen/login`);
  return standIn.stop;
}
