import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppUser, RoleAssignmentRow } from '@app/persistence';
import type { Principal } from './principal.js';

/** Who the user is and what they may do; the request adds requestId and purpose. */
export type StoredPrincipal = Omit<Principal, 'requestId' | 'purpose'>;

/**
 * Loads a caller's roles and scopes from the database (the token says who, the database says what).
 * A deactivated user is nobody; the identity statement of each request checks it again (RowSecurity).
 */
@Injectable()
export class PrincipalService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Dev mode's subject: a user the demo seed marked (`app_user.demo`), or nobody. */
  async demoUserById(userId: string): Promise<StoredPrincipal | null> {
    if (!isUUID(userId)) return null;
    return this.toPrincipal(await this.dataSource.getRepository(AppUser).findOneBy({ id: userId, demo: true, active: true }));
  }

  /** Dev login: only the demo seed's users get a token (DESIGN 12.8.4). */
  async demoUserByUsername(username: string): Promise<StoredPrincipal | null> {
    return this.toPrincipal(await this.dataSource.getRepository(AppUser).findOneBy({ username, demo: true, active: true }));
  }

  async byExternalSubject(subject: string): Promise<StoredPrincipal | null> {
    return this.toPrincipal(await this.dataSource.getRepository(AppUser).findOneBy({ externalSubject: subject, active: true }));
  }

  async byUsername(username: string): Promise<StoredPrincipal | null> {
    return this.toPrincipal(await this.dataSource.getRepository(AppUser).findOneBy({ username, active: true }));
  }

  private async toPrincipal(user: AppUser | null): Promise<StoredPrincipal | null> {
    if (!user) return null;
    const roles = await this.dataSource.getRepository(RoleAssignmentRow).findBy({ userId: user.id });
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      municipalityId: user.municipalityId,
      service: user.service ?? null,
      roles: roles.map((r) => ({ role: r.role, scopeType: r.scopeType, scopeId: r.scopeId })),
    };
  }
}
