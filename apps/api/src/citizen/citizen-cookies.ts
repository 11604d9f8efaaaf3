import type { CookieOptions, Request, Response } from 'express';
import { CITIZEN_TOKEN_SECONDS } from './citizen-token.service.js';

/** The citizen's session (DESIGN 12.8.8): HttpOnly, holds the API's own citizen token. */
export const CITIZEN_COOKIE = 'bti_citizen';
/** Double-submit CSRF: readable by the page, sent back in CSRF_HEADER on every write. */
export const CSRF_COOKIE = 'bti_citizen_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The session cookie goes only to the citizen's endpoints; the CSRF cookie to every path, so /innbygger pages can read it. */
export const CITIZEN_COOKIE_PATH = '/api/v1/citizen';
const CSRF_COOKIE_PATH = '/';

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Secure over https (as Express sees it, behind TRUST_PROXY too) and always in production. */
function attributes(request: Request, production: boolean): CookieOptions {
  return { secure: request.secure || production, sameSite: 'lax' };
}

/** Sets both cookies, as long-lived as the token they carry. */
export function setCitizenSession(request: Request, response: Response, session: { token: string; csrf: string }, production: boolean): void {
  const base = { ...attributes(request, production), maxAge: CITIZEN_TOKEN_SECONDS * 1000 };
  response.cookie(CITIZEN_COOKIE, session.token, { ...base, httpOnly: true, path: CITIZEN_COOKIE_PATH });
  response.cookie(CSRF_COOKIE, session.csrf, { ...base, httpOnly: false, path: CSRF_COOKIE_PATH });
}

export function clearCitizenSession(request: Request, response: Response, production: boolean): void {
  const base = attributes(request, production);
  response.clearCookie(CITIZEN_COOKIE, { ...base, httpOnly: true, path: CITIZEN_COOKIE_PATH });
  response.clearCookie(CSRF_COOKIE, { ...base, httpOnly: false, path: CSRF_COOKIE_PATH });
}
