import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../api/schema';
import { ProblemError, unwrap } from '../api/client';

export type CitizenSchemas = components['schemas'];

/**
 * The family's API client (DESIGN 12.8.8). The browser holds no token: the session is the API's
 * HttpOnly cookie `bti_citizen`, sent by the browser itself. A write carries the readable cookie
 * `bti_citizen_csrf` back as `X-CSRF-Token` (double submit). Never the staff client: that one adds
 * a staff Bearer token, which the citizen endpoints refuse.
 */
const CSRF_COOKIE = 'bti_citizen_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const csrf: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (token && !SAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', token);
    return request;
  },
};

export const citizenApi = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
citizenApi.use(csrf);

/** Where the browser goes to log in: the API redirects to ID-porten and back to /innbygger. */
export const LOGIN_URL = '/api/v1/citizen/login';

/** Ends the session: the API clears both cookies (204, with or without a live session). */
export async function logout(): Promise<void> {
  await unwrap(citizenApi.POST('/api/v1/citizen/logout'));
}

/** Not logged in, or the session ran out. */
export const isLoggedOut = (error: unknown): boolean => error instanceof ProblemError && error.problem.status === 401;
