import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import pg from 'pg';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { Principal } from '../auth/principal.js';

/**
 * The one transaction of a request that touches case data: it runs as the non-owner role
 * `bti_app` with the caller's identity set, so PostgreSQL's row-level security (migrations
 * AuditAndRowSecurity, RowSecurityScopes) hides other cases even from a query that forgets
 * CaseAccessPolicy. Every area uses it (commands through CaseCommandRunner, reads and statistics
 * directly).
 */
@Injectable()
export class RowSecurity {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `work` inside one transaction as the caller; the identity settings end with it (`is_local`).
   * As `DataSource.transaction`, except that the transaction is opened and the identity set in
   * one round trip instead of two (every request pays it; docs/BENCHMARKS.md, run 9).
   */
  async transaction<T>(principal: Principal, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await begin(runner, principal);
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        // The request's own error is what the caller sees (a lost connection answers 503), not the rollback's.
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }
}

/**
 * One simple-protocol query of two statements: the transaction and the identity. A simple query
 * takes no parameters, so the two ids are written as literals, after checking they are uuids (they
 * come from our own user table, never from the request). Then TypeORM's own bookkeeping, as its
 * `startTransaction()` leaves it: a nested `em.save()` takes a savepoint instead of a transaction
 * of its own, and `commitTransaction()` commits.
 */
async function begin(runner: QueryRunner, principal: Principal): Promise<void> {
  if (!isUUID(principal.userId) || !isUUID(principal.municipalityId)) throw new Error('RowSecurity: the caller has no valid identity');
  try {
    await runner.query(
      `START TRANSACTION; SELECT set_config('bti.user_id', ${pg.escapeLiteral(principal.userId)}, true), ` +
        `set_config('bti.municipality_id', ${pg.escapeLiteral(principal.municipalityId)}, true), set_config('role', 'bti_app', true)`,
    );
  } catch (error) {
    // The transaction may have opened before the settings failed: the connection goes back to the pool clean.
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
}

/** Global: every feature module runs its requests in the same kind of transaction. */
@Global()
@Module({ providers: [RowSecurity], exports: [RowSecurity] })
export class RowSecurityModule {}
