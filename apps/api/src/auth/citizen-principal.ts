import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * A logged-in citizen (DESIGN 12.4): not an app_user. Carries the HMAC of the national id, never
 * the national id itself (logs, audit rows and job payloads see only the HMAC), and the login's acr.
 */
export interface CitizenPrincipal {
  hmac: string;
  acr: string;
  requestId: string;
}

export type CitizenRequest = Request & { citizen?: CitizenPrincipal };

/** The citizen of this request; CitizenGuard guarantees it on citizen routes. */
export const CurrentCitizen = createParamDecorator((_: unknown, ctx: ExecutionContext): CitizenPrincipal => {
  return ctx.switchToHttp().getRequest<CitizenRequest>().citizen!;
});
