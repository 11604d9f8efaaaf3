import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemException } from '../common/problem.js';
import { RateLimits } from './rate-limits.js';

/** What the limiter reads of a request: the auth guard, which runs first, has set the caller's id. */
type LimitedRequest = Request & { principal?: { userId: string } };

const LOGIN = 'bti:rateLimitLogin';
/** Marks a login endpoint: counted per IP against RATE_LIMIT_LOGIN_PER_IP. */
export const LoginRateLimit = () => SetMetadata(LOGIN, true);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard after authentication: logins count per IP, writes (every other method than GET,
 * HEAD, OPTIONS) per user and per IP. Over a limit: 429 problem with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    const ip = request.ip ?? 'unknown';
    const login = this.reflector.getAllAndOverride<boolean>(LOGIN, [context.getHandler(), context.getClass()]);
    const keys = login
      ? { loginPerIp: ip }
      : READS.has(request.method)
        ? null
        : { writesPerIp: ip, ...(request.principal ? { writesPerUser: request.principal.userId } : {}) };
    if (!keys) return true;
    const wait = await this.limits.consume(keys);
    if (wait === null) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
    throw new ProblemException(429, 'TOO_MANY_REQUESTS', `For mange forespørsler: prøv igjen om ${wait} sekunder.`, undefined, { retryAfterSeconds: wait });
  }
}
