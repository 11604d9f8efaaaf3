import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * Runs `text` as a named prepared statement on the transaction's connection: PostgreSQL parses and
 * plans it once per connection and then only binds and executes it. The hot statements (a case's
 * load, a list page, the audit row) took about as long to plan as to run; docs/BENCHMARKS.md,
 * run 9, has the measurement.
 *
 * The name is derived from the text, so one text is one statement on every connection and two
 * texts can never share a name (node-postgres refuses a name reused with another text). Use it
 * only for statements whose text comes from a bounded set of shapes (the values go in `values`),
 * since each shape stays prepared on each pooled connection for the connection's life.
 *
 * It goes through TypeORM's query runner like `em.query`, so logging and error translation
 * (QueryFailedError → problem documents) are the same; the pg driver accepts the query object.
 */
export function preparedQuery<T = unknown>(em: EntityManager, text: string, values: readonly unknown[]): Promise<T> {
  const query = { name: statementName(text), text };
  return em.query(query as unknown as string, values as unknown[]) as Promise<T>;
}

const names = new Map<string, string>();
const MAX_REMEMBERED = 1000;

/** `bti_` and a hash of the text: one text is one name on every connection. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `bti_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    // The map only saves hashing; forgetting it is harmless (the name is recomputed the same).
    if (names.size >= MAX_REMEMBERED) names.clear();
    names.set(text, name);
  }
  return name;
}
