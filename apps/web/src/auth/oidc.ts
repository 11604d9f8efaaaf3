// Authorization-code flow with PKCE (RFC 7636) against the municipality's OIDC issuer. The UI is
// a public client: no secret, the code verifier proves the redirect came from this tab.
const STATE_KEY = 'bti.oidc';

interface PendingLogin {
  state: string;
  verifier: string;
  tokenEndpoint: string;
  clientId: string;
  redirectUri: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const randomString = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error('Fant ikke innloggingstjenesten (OIDC-oppsettet).');
  return (await response.json()) as Discovery;
}

export const oidcRedirectUri = () => `${window.location.origin}/innlogging/tilbake`;

/** Sends the browser to the issuer's login page. */
export async function startOidcLogin(issuer: string, clientId: string): Promise<void> {
  const { authorization_endpoint, token_endpoint } = await discover(issuer);
  const pending: PendingLogin = {
    state: randomString(),
    verifier: randomString(),
    tokenEndpoint: token_endpoint,
    clientId,
    redirectUri: oidcRedirectUri(),
  };
  sessionStorage.setItem(STATE_KEY, JSON.stringify(pending));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: pending.redirectUri,
    scope: 'openid profile',
    state: pending.state,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** Back from the issuer: checks the state, redeems the code with the verifier, returns the access token. */
export async function completeOidcLogin(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const raw = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  if (params.get('error')) throw new Error(`Innloggingen ble avbrutt (${params.get('error')}).`);
  const pending = raw ? (JSON.parse(raw) as PendingLogin) : null;
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) {
    throw new Error('Innloggingssvaret passer ikke til denne fanen. Prøv å logge inn på nytt.');
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error('Innloggingstjenesten godtok ikke koden. Prøv å logge inn på nytt.');
  const { access_token } = (await response.json()) as { access_token?: string };
  if (!access_token) throw new Error('Innloggingstjenesten ga ikke noe tilgangstoken.');
  return access_token;
}
