/**
 * A JSON value as PostgreSQL's jsonb gives it back: object keys shorter first, then in byte order,
 * and undefined members dropped (as JSON.stringify does). An answer built from the values a
 * request wrote must read exactly like a later read of the stored jsonb.
 */
export function asJsonb<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => asJsonb(v)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    const [x, y] = [Buffer.from(a), Buffer.from(b)];
    return x.length - y.length || Buffer.compare(x, y);
  });
  return Object.fromEntries(entries.map(([k, v]) => [k, asJsonb(v)])) as T;
}
