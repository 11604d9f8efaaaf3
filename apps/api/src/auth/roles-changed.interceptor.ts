import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { ROLES_CHANGED_SQLSTATE, sqlState } from '../common/problem.filter.js';
import { Authenticator } from './authenticator.js';

/**
 * When the identity statement found a role this process still held for the caller gone (answered
 * 403 ROLES_CHANGED), the cached roles are forgotten, so the caller's next request is decided on
 * the roles they hold now. Removals are rare: the whole cache goes.
 */
@Injectable()
export class RolesChangedInterceptor implements NestInterceptor {
  constructor(private readonly authenticator: Authenticator) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (sqlState(error) === ROLES_CHANGED_SQLSTATE) this.authenticator.forgetPrincipals();
        throw error;
      }),
    );
  }
}
