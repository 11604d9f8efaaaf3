import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

/** The login in flight between /citizen/login and /citizen/callback: never stored server-side, never logged. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A path under /innbygger to land on after the login. */
  returnTo: string;
}

/** An HttpOnly cookie sent only to the callback, for the ten minutes a login may take. */
export const LOGIN_COOKIE = 'bti_citizen_login';
export const LOGIN_COOKIE_PATH = '/api/v1/citizen/callback';
export const LOGIN_SECONDS = 10 * 60;

/**
 * Seals the login transaction into the cookie's value (JWE, dir + A256GCM): the browser carries it
 * but can neither read the PKCE verifier nor change the state. Key derived from DATA_ENCRYPTION_KEY.
 */
export class LoginTransactionSeal {
  private readonly key: Uint8Array;

  constructor(masterKey: Buffer) {
    this.key = new Uint8Array(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'bti/citizen-login/a256gcm', 32));
  }

  seal(transaction: LoginTransaction): Promise<string> {
    return new EncryptJWT({ ...transaction })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${LOGIN_SECONDS}s`)
      .encrypt(this.key);
  }

  /** The transaction, or null when the value is missing, tampered with or expired. */
  async open(value: string | undefined): Promise<LoginTransaction | null> {
    if (!value) return null;
    try {
      const { payload } = await jwtDecrypt(value, this.key);
      const { state, nonce, codeVerifier, returnTo } = payload;
      if ([state, nonce, codeVerifier, returnTo].some((v) => typeof v !== 'string')) return null;
      return { state, nonce, codeVerifier, returnTo } as LoginTransaction;
    } catch {
      return null;
    }
  }
}

/**
 * The page to land on after the login: a same-site path under /innbygger (no scheme, no host, no
 * `..` escaping it), normalised; `/innbygger` when none is given; null when it is not allowed.
 */
export function safeReturnTo(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return '/innbygger';
  if (!raw.startsWith('/innbygger') || raw.includes('\\') || raw.startsWith('//')) return null;
  const base = 'http://bti.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base || !/^\/innbygger(\/|$)/.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
