import pg from 'pg';

/** What `sqlLiteral` writes: the values our one-trip statements bind (ids, names, times, id lists). */
export type LiteralValue = string | number | boolean | Date | null | undefined | readonly (string | null)[];

/**
 * A value as an SQL literal, for the simple protocol, which takes no parameters (RowSecurity.once).
 * Strings go through pg's `escapeLiteral`; a list becomes an array literal (`'{"a","b"}'`), which
 * PostgreSQL casts to the parameter's type (`uuid[]`, `text[]`). Anything else is refused, so no
 * value reaches the SQL text unescaped.
 */
export function sqlLiteral(value: LiteralValue): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('sqlLiteral: not a finite number');
    return String(value);
  }
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (Array.isArray(value)) return pg.escapeLiteral(`{${value.map(arrayElement).join(',')}}`);
  throw new Error(`sqlLiteral: no literal for a ${typeof value}`);
}

/** An element of an array literal: quoted, with `"` and `\` escaped (PostgreSQL's array syntax). */
function arrayElement(element: string | null): string {
  if (element === null) return 'NULL';
  if (typeof element !== 'string') throw new Error('sqlLiteral: array elements must be strings');
  return `"${element.replace(/[\\"]/g, '\\$&')}"`;
}
