import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticator } from './authenticator.js';
import { DEFAULT_PURPOSE, IS_PUBLIC, type AuthenticatedRequest } from './principal.js';

/** Global guard: every route needs a valid Bearer token unless marked @Public(). */
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
    return true;
  }
}
