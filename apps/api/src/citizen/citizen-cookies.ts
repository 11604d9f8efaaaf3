/** The citizen's session cookie (HttpOnly) holding the API's own citizen token (DESIGN 12.8.8). */
export const CITIZEN_COOKIE = 'bti_citizen';
/** Readable by the page, sent back in CSRF_HEADER on writes. */
export const CSRF_COOKIE = 'bti_citizen_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
