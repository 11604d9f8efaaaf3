import type { ExecutionContext } from '@nestjs/common';
import { isCitizenAction } from '@app/domain';
import { problems } from '../common/problem.js';
import { REQUIRES } from '../auth/principal.js';

/**
 * The citizen action the route declares (`@Requires`, DESIGN 12.8.6), checked against the
 * permission table; a citizen route without one is refused (fails closed), never served.
 */
export function requireCitizenAction(context: ExecutionContext): void {
  const action: unknown = Reflect.getMetadata(REQUIRES, context.getHandler()) ?? Reflect.getMetadata(REQUIRES, context.getClass());
  if (!isCitizenAction(action)) throw problems.forbidden('Denne tjenesten er ikke åpen for innbyggere.');
}
