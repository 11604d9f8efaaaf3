import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { isUUID } from 'class-validator';
import pg from 'pg';
import { DataSource, QueryFailedError, type EntityManager, type QueryRunner } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import type { CitizenPrincipal } from '../auth/citizen-principal.js';
import { statementName } from './prepared.js';
import { sqlLiteral, type LiteralValue } from './sql-literal.js';

/**
 * The one transaction of a request that touches case data: it runs as the non-owner role
 * `bti_app` with the caller's identity set, so PostgreSQL's row-level security (migrations
 * AuditAndRowSecurity, RowSecurityScopes) hides other cases even from a query that forgets
 * CaseAccessPolicy. Every area uses it (commands through CaseCommandRunner, reads and statistics
 * directly): `transaction()` for work of several statements, `once()` for a read that is one
 * statement (the case read and the case list).
 */
@Injectable()
export class RowSecurity {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `work` inside one transaction as the caller; the identity settings end with it (`is_local`).
   * As `DataSource.transaction`, except that the transaction is opened and the identity set in
   * one round trip instead of two (every request pays it; docs/BENCHMARKS.md, run 9).
   */
  async transaction<T>(principal: Principal, work: (em: EntityManager) => Promise<T>, isolation?: 'REPEATABLE READ'): Promise<T> {
    return this.inTransaction(beginSql(principal, isolation), work);
  }

  /**
   * `work` inside one transaction as a citizen (DESIGN 12.4): `bti.citizen_hmac` instead of
   * `bti.user_id`, so only the citizen policies (migration FamilyAccess) let rows through.
   */
  async asCitizen<T>(citizen: CitizenPrincipal, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!/^[0-9a-f]{64}$/.test(citizen.hmac)) throw new Error('RowSecurity: the citizen has no valid identity');
    return this.inTransaction(
      `START TRANSACTION; SELECT set_config('bti.citizen_hmac', ${pg.escapeLiteral(citizen.hmac)}, true), set_config('role', 'bti_app', true), ` +
        `set_config('plan_cache_mode', 'force_generic_plan', true)`,
      work,
    );
  }

  /** `work` in a transaction opened by `openSql` (transaction and identity in one round trip), committed or rolled back. */
  private async inTransaction<T>(openSql: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await begin(runner, openSql);
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

  /**
   * One statement as the caller, in a transaction of its own, in **one round trip**: a single
   * simple-protocol query opens the transaction, sets the identity, runs the statement and commits
   * (`transaction()` needs four round trips for the same: begin, statement, audit row, COMMIT).
   * The hot reads (a case, a list page) write their audit row in the same statement, as a
   * data-modifying CTE, so "no audit row, no read" still holds: it is one transaction.
   *
   * The statement is prepared on the connection (SQL `PREPARE`, once per connection and text, like
   * `preparedQuery`) and run by `EXECUTE` with its values written as literals (`sqlLiteral`), since
   * the simple protocol takes no parameters. `text` names its values TypeORM's way (`:name`);
   * a value `sqlLiteral` cannot write is refused before anything is sent.
   * docs/BENCHMARKS.md, run 12, has the measurement.
   *
   * Fenced: the answer must hold exactly the results it expects (`statementRows`), and a
   * connection that lost the statement (SQLSTATE 26000: `DISCARD ALL`, or a transaction-mode
   * pooler handing the next query to another server connection) gets it prepared again inside the
   * same round trip, under a name of its own that is deallocated before COMMIT.
   */
  async once<T>(principal: Principal, text: string, params: Record<string, unknown>): Promise<T[]> {
    const [prepared, values] = this.dataSource.driver.escapeQueryWithParameters(text, params);
    const args = (values as LiteralValue[]).map(sqlLiteral).join(', ');
    const begin = beginSql(principal);
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.ClientBase;
      const name = await this.prepareOn(client, prepared);
      try {
        return statementRows<T>(await this.send(client, `${begin}; EXECUTE ${name}(${args}); COMMIT`), ['START TRANSACTION', 'identity', 'EXECUTE', 'COMMIT'], 2);
      } catch (error) {
        if (sqlState(error) !== MISSING_PREPARED_STATEMENT) throw error;
        preparedOn.get(client)?.delete(name);
        const fresh = pg.escapeIdentifier(`${statementName(prepared)}_${randomBytes(4).toString('hex')}`);
        const sql = `${begin}; PREPARE ${fresh} AS ${prepared}; EXECUTE ${fresh}(${args}); DEALLOCATE ${fresh}; COMMIT`;
        return statementRows<T>(await this.send(client, sql), ['START TRANSACTION', 'identity', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'COMMIT'], 3);
      }
    } finally {
      await runner.release();
    }
  }

  private async prepareOn(client: pg.ClientBase, text: string): Promise<string> {
    const name = pg.escapeIdentifier(`${statementName(text)}_sql`);
    let names = preparedOn.get(client);
    if (names?.has(name)) return name;
    try {
      await this.send(client, `PREPARE ${name} AS ${text}`);
    } catch (error) {
      // 42P05: the connection has it already (should this bookkeeping and the server ever disagree): same name, same text.
      if ((error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code !== '42P05') throw error;
    }
    if (!names) preparedOn.set(client, (names = new Set()));
    names.add(name);
    return name;
  }

  /**
   * A simple query through the pg client, logged and its errors wrapped as TypeORM's query runner
   * does (the problem filter maps them: a lost connection is a 503). A failure inside the
   * transaction leaves it aborted: it is rolled back before the connection goes back to the pool.
   */
  private async send(client: pg.ClientBase, sql: string): Promise<unknown> {
    const logger = this.dataSource.logger;
    logger.logQuery(sql);
    try {
      return await client.query(sql);
    } catch (error) {
      logger.logQueryError(error as Error, sql);
      await client.query('ROLLBACK').catch(() => undefined);
      throw new QueryFailedError(sql, [], error as Error);
    }
  }
}

/** SQLSTATE 26000, invalid_sql_statement_name: the connection has no statement of that name. */
const MISSING_PREPARED_STATEMENT = '26000';

function sqlState(error: unknown): string | undefined {
  return (error as { driverError?: { code?: string } }).driverError?.code;
}

/**
 * The rows of statement `index` of a multi-statement simple query, after checking it answered one
 * result per statement sent (`statements` names them, for the error). Anything else means the
 * text holds statements this code does not know of (a third statement in `beginSql`, a `;` in the
 * prepared text) and reading by index would return the wrong rows: refuse instead.
 */
export function statementRows<T>(results: unknown, statements: readonly string[], index: number): T[] {
  const list = Array.isArray(results) ? (results as pg.QueryResult[]) : [results as pg.QueryResult];
  if (list.length !== statements.length) {
    throw new Error(`RowSecurity.once: expected ${statements.length} results (${statements.join(', ')}), got ${list.length}`);
  }
  return list[index].rows as T[];
}

/** The statements prepared by `once` on each pooled connection (a connection that is closed is forgotten). */
const preparedOn = new WeakMap<pg.ClientBase, Set<string>>();

/**
 * The transaction and the caller's identity, as simple-protocol SQL. A simple query takes no
 * parameters, so the two ids are written as literals, after checking they are uuids (they come
 * from our own user table, never from the request).
 *
 * `plan_cache_mode`: the prepared statements (the case load, the list page, the audit row) run
 * their generic plan, made once per connection. Left to choose, PostgreSQL kept re-planning the
 * list page for every request (a custom plan with row security took 3.5–6 ms to plan at national
 * scale, more than it took to run); the generic plans are as fast, given indexes that do not
 * mislead them (migration CaseCreatedMunicipalityIndex). Unprepared statements are planned per
 * execution as before.
 *
 * `bti_assert_caller` refuses, in this same statement, a deactivated user (SQLSTATE 28000, answered
 * 401) and a role this process holds for the caller that is gone (BTI01, answered 403): whatever a
 * process has cached, deactivation and a removed role act on the next request (DESIGN 12.8.5).
 */
function beginSql(principal: Principal, isolation?: 'REPEATABLE READ'): string {
  if (!isUUID(principal.userId) || !isUUID(principal.municipalityId)) throw new Error('RowSecurity: the caller has no valid identity');
  return (
    `START TRANSACTION${isolation ? ` ISOLATION LEVEL ${isolation}` : ''}; SELECT set_config('bti.user_id', ${pg.escapeLiteral(principal.userId)}, true), ` +
    `set_config('bti.municipality_id', ${pg.escapeLiteral(principal.municipalityId)}, true), set_config('role', 'bti_app', true), ` +
    `set_config('plan_cache_mode', 'force_generic_plan', true), ` +
    `bti_assert_caller(${pg.escapeLiteral(principal.userId)}::uuid, ${pg.escapeLiteral(heldRoles(principal))})`
  );
}

/** The caller's roles as this process holds them, `role:scopeType:scopeId` comma-separated (migration CallerRolesCheck). */
function heldRoles(principal: Principal): string {
  return principal.roles.map((r) => `${r.role}:${r.scopeType}:${r.scopeId}`).join(',');
}

/**
 * One simple-protocol query of two statements: the transaction and the identity (`beginSql`, or the citizen's).
 * Then TypeORM's own bookkeeping, as its `startTransaction()` leaves it: a nested `em.save()`
 * takes a savepoint instead of a transaction of its own, and `commitTransaction()` commits.
 */
async function begin(runner: QueryRunner, openSql: string): Promise<void> {
  try {
    await runner.query(openSql);
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
