import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@app/platform';

/** The Swagger UI at /docs writes inline <style> elements; its scripts are files like ours. */
const DOCS_PATH = /^\/docs(\/|$)/;
const API_PATH = /^\/api\//;
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * helmet's headers with a Content-Security-Policy the built web UI passes: scripts, styles, fonts
 * and requests from our own origin only (no inline script anywhere), the OIDC issuer reachable for
 * the UI's code flow, and no framing at all. HSTS only when PUBLIC_URL is https (on plain http it
 * would stop a developer's localhost).
 */
export function securityHeaders(config: Pick<AppConfig, 'authMode' | 'oidc' | 'mail'>): RequestHandler {
  const https = config.mail.publicUrl.startsWith('https:');
  const issuer = config.authMode === 'oidc' && config.oidc.issuer ? [new URL(config.oidc.issuer).origin] : [];
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...issuer],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: https ? [] : null,
  };
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: https ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
  const docs = helmet.contentSecurityPolicy({ useDefaults: false, directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } });
  return (req: Request, res: Response, next: NextFunction) => {
    // What the API answers depends on who asks: never stored, so a browser never answers one user's
    // request (a 304 on the case's ETag) with what it kept from another's.
    if (API_PATH.test(req.path)) res.setHeader('Cache-Control', 'no-store');
    headers(req, res, (error?: unknown) => (error ? next(error) : DOCS_PATH.test(req.path) ? docs(req, res, next) : next()));
  };
}
