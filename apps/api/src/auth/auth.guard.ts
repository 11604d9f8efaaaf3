import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { may, type Action } from '@app/domain';
import { problems } from '../common/problem.js';
import { Authenticator } from './authenticator.js';
import { DEFAULT_PURPOSE, IS_PUBLIC, REQUIRES, toActor, type AuthenticatedRequest } from './principal.js';

/**
 * Global guard: every route needs a valid Bearer token unless marked @Public(reason), and the action
 * its `@Requires(...)` names (the permission table decides, libs/domain permissions.ts).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const stored = await this.authenticator.authenticate(request.headers.authorization);
    const purpose = request.headers['x-purpose'];
    request.principal = {
      ...stored,
      requestId: String(request.headers['x-request-id']),
      purpose: typeof purpose === 'string' && /^[\p{L}\p{N} .,:;()/_-]{1,200}$/u.test(purpose) ? purpose : DEFAULT_PURPOSE,
    };
    const action = this.reflector.getAllAndOverride<Action | undefined>(REQUIRES, [context.getHandler(), context.getClass()]);
    if (action && !may(toActor(request.principal), action)) throw problems.forbidden(FORBIDDEN_DETAIL[action] ?? 'Rollen din gir ikke tilgang til dette.');
    return true;
  }
}

/** What a caller without the action is told (403), in the words of the screen they tried. */
const FORBIDDEN_DETAIL: Partial<Record<Action, string>> = {
  'audit.read': 'Bare revisor kan lese revisjonsloggen.',
  'stats.read': 'Statistikk er for rollen analytiker.',
  'iks.queue': 'IKS-køen er for IKS-koordinatoren og medlemmer av kjernegruppene.',
  'iks.orders.read': 'Kompetansebestillinger er for IKS-koordinatoren og enhetsledere.',
  'mail.failed.read': 'Bare administratorer ser e-post som ikke kom fram.',
  'admin.units': 'Bare kommunens administrator kan administrere dette.',
  'admin.users': 'Bare kommunens administrator kan administrere dette.',
  'admin.profile': 'Bare kommunens administrator kan administrere dette.',
};
