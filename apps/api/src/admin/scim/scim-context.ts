import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import type { AuditTrail } from '../../audit/audit-trail.service.js';
import type { RowSecurity } from '../../database/row-security.js';
import type { ScimCaller } from './scim-tokens.js';

/** What each SCIM handler gets (SCIMMY's handlers are process-wide, so the app's services travel here). */
export interface ScimContext {
  caller: ScimCaller;
  requestId: string;
  rowSecurity: RowSecurity;
  audit: AuditTrail;
}

export const SCIM_PURPOSE = 'scim-provisjonering';

/**
 * One transaction per SCIM request, as the admin who made the token (the API's role, their
 * identity: the audit's actor, and the hand-over list's caller).
 */
export function inScimTransaction<T>(ctx: ScimContext, work: (em: EntityManager, principal: Principal, audit: AuditTrail) => Promise<T>): Promise<T> {
  const principal: Principal = {
    userId: ctx.caller.actorId,
    username: ctx.caller.actorUsername,
    displayName: ctx.caller.actorUsername,
    municipalityId: ctx.caller.municipalityId,
    roles: [{ role: 'admin', scopeType: 'municipality', scopeId: ctx.caller.municipalityId }],
    service: null,
    requestId: ctx.requestId,
    purpose: SCIM_PURPOSE,
  };
  return ctx.rowSecurity.transaction(principal, (em) => work(em, principal, ctx.audit));
}
