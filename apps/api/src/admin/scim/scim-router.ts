import type { Request, RequestHandler } from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../../audit/audit-trail.service.js';
import type { RowSecurity } from '../../database/row-security.js';
import type { ScimContext } from './scim-context.js';
import { scimGroups } from './scim-groups.js';
import { scimCallerOf, type ScimCaller } from './scim-tokens.js';
import { scimUsers } from './scim-users.js';

/** Where the identity provider provisions (DESIGN 12.7): `/scim/v2/Users`, `/scim/v2/Groups`. */
export const SCIM_PATH = '/scim/v2';

let declared = false;

/** SCIMMY's resources are process-wide; their handlers get the app's services through the context. */
function declareResources(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress((resource, instance, ctx) => scimUsers.ingress(resource, instance as never, ctx as ScimContext))
    .egress((resource, ctx) => scimUsers.egress(resource, ctx as ScimContext))
    .degress((resource, ctx) => scimUsers.degress(resource, ctx as ScimContext));
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress((resource, instance, ctx) => scimGroups.ingress(resource, instance as never, ctx as ScimContext))
    .egress((resource, ctx) => scimGroups.egress(resource, ctx as ScimContext))
    .degress((resource, ctx) => scimGroups.degress(resource, ctx as ScimContext));
}

type ScimRequest = Request & { scimCaller?: ScimCaller };

/** The SCIM 2.0 endpoints (RFC 7644) by scimmy-routers, authenticated by a municipality's SCIM token. */
export function createScimRouter(dataSource: DataSource, rowSecurity: RowSecurity, audit: AuditTrail): RequestHandler {
  declareResources();
  const router = new SCIMMYRouters({
    type: 'bearer',
    handler: async (request: ScimRequest) => {
      const caller = await scimCallerOf(dataSource, request.header('authorization'));
      if (!caller) throw new Error('Ugyldig eller tilbakekalt SCIM-token.');
      request.scimCaller = caller;
      return caller.actorId;
    },
    context: (request: ScimRequest): ScimContext => ({
      caller: request.scimCaller!,
      requestId: String(request.headers['x-request-id']),
      rowSecurity,
      audit,
    }),
  });
  // Bulk would run many changes outside one transaction per request: not offered.
  SCIMMY.Config.set({ bulk: false });
  return router as unknown as RequestHandler;
}
