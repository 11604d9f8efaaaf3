import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Principal } from '../auth/principal.js';
import { problems } from '../common/problem.js';

/** The administration's actions (DESIGN 12.8.6). */
export type AdminAction = 'admin.units' | 'admin.users' | 'admin.profile';

/**
 * The one check of the administration: the caller is an admin of their own municipality. Every
 * query then stays inside `principal.municipalityId`, so another municipality's rows answer 404.
 * To be replaced by the permission table's guard (`libs/domain/src/permissions.ts`) when it lands.
 */
export function requireAdmin(principal: Principal, _action: AdminAction): void {
  const isAdmin = principal.roles.some((r) => r.role === 'admin' && r.scopeType === 'municipality' && r.scopeId === principal.municipalityId);
  if (!isAdmin) throw problems.forbidden('Bare kommunens administrator kan administrere dette.');
}

/** A path id that is no uuid names nothing: 404, as an id of another municipality. */
@Injectable()
export class KnownId implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw problems.notFound();
    return value;
  }
}
