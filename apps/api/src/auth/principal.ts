import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export interface RoleScope {
  role: string;
  scopeType: 'unit' | 'cluster' | 'municipality';
  scopeId: string;
}

/** The authenticated caller: the domain's Actor plus who they are. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  municipalityId: string;
  roles: RoleScope[];
  /** The service (services.json) of a team, TFA or IKS member; null for unit staff (DESIGN 8.3). */
  service: string | null;
  /** This request's id (X-Request-Id), for the audit trail and log lines. */
  requestId: string;
  /** Why the data is used (X-Purpose header), recorded in the audit trail. */
  purpose: string;
}

export const DEFAULT_PURPOSE = 'saksbehandling';

export type AuthenticatedRequest = Request & { principal?: Principal; id?: string | number };

export const IS_PUBLIC = 'bti:isPublic';
/** Marks a route that needs no token (health, dev-login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller of this request; the global guard guarantees it exists on non-public routes. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
});

export function hasRole(principal: Pick<Principal, 'roles'>, ...roles: string[]): boolean {
  return principal.roles.some((r) => roles.includes(r.role));
}
