import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { preparedQuery } from './prepared.js';

/**
 * The one transaction of a request that touches case data: it runs as the non-owner role
 * `bti_app` with the caller's identity set, so PostgreSQL's row-level security (migration
 * AuditAndRowSecurity) hides other cases even from a query that forgets CaseAccessPolicy.
 * Every area uses it (commands through CaseCommandRunner, reads and statistics directly).
 */
@Injectable()
export class RowSecurity {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `work` inside one transaction as the caller; the identity settings end with it (`is_local`). */
  transaction<T>(principal: Principal, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await preparedQuery(em, SET_IDENTITY, [principal.userId, principal.municipalityId]);
      return work(em);
    });
  }
}

const SET_IDENTITY = `SELECT set_config('bti.user_id', $1, true), set_config('bti.municipality_id', $2, true), set_config('role', 'bti_app', true)`;

/** Global: every feature module runs its requests in the same kind of transaction. */
@Global()
@Module({ providers: [RowSecurity], exports: [RowSecurity] })
export class RowSecurityModule {}
