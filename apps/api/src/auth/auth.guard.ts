import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { problems } from '../common/problem.js';
import { IS_PUBLIC, type AuthenticatedRequest } from './principal.js';
import { PrincipalService } from './principal.service.js';
import { TokenService } from './token.service.js';

/** Global guard: every route needs a valid Bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw problems.unauthenticated();
    let subject: string;
    try {
      subject = (await this.tokens.verify(token)).sub;
    } catch {
      throw problems.unauthenticated('Tokenet er ugyldig eller utløpt.');
    }
    const principal =
      this.tokens.mode === 'dev' ? await this.principals.byUserId(subject) : await this.principals.byExternalSubject(subject);
    if (!principal) throw problems.unauthenticated('Brukeren finnes ikke i løsningen.');
    request.principal = principal;
    return true;
  }
}
