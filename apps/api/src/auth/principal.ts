import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Action, Actor } from '@app/domain';

export interface RoleScope {
  role: string;
  scopeType: 'unit' | 'cluster' | 'municipality' | 'platform';
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
/**
 * Marks a route the staff guard lets through without a staff token, with the reason why (DESIGN
 * 12.8.6: every endpoint declares an action or says why it needs none); test/route-declarations.
 */
export const Public = (reason: string) => SetMetadata(IS_PUBLIC, reason);

/** The caller of this request; the global guard guarantees it exists on non-public routes. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
});

export const REQUIRES = 'bti:requires';
/**
 * The municipality or platform action an endpoint needs (libs/domain permissions.ts): the global
 * AuthGuard asks `may(actor, action)` and answers 403 when the caller may not. Case actions are
 * the case-command runner's (`requires` on each command), not this decorator's.
 */
export const Requires = (action: Action) => SetMetadata(REQUIRES, action);

/** The domain's actor for a caller: who they are, their roles and their service. */
export function toActor(principal: Pick<Principal, 'userId' | 'municipalityId' | 'roles' | 'service'>): Actor {
  return {
    userId: principal.userId,
    municipalityId: principal.municipalityId,
    roles: principal.roles as Actor['roles'],
    service: principal.service ?? null,
  };
}
