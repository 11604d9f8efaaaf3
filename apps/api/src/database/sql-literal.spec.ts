import { sqlLiteral } from './sql-literal.js';

describe('sqlLiteral (values written into a simple-protocol query)', () => {
  it('quotes strings, doubling quotes, and marks backslashes as an escape string', () => {
    expect(sqlLiteral('ola.leder')).toBe(`'ola.leder'`);
    expect(sqlLiteral(`x'); DROP TABLE bti_case; --`)).toBe(`'x''); DROP TABLE bti_case; --'`);
    expect(sqlLiteral('a\\b')).toBe(` E'a\\\\b'`);
  });

  it('writes NULL, booleans, finite numbers and times (as UTC ISO text)', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(false)).toBe('FALSE');
    expect(sqlLiteral(50)).toBe('50');
    expect(sqlLiteral(new Date('2026-11-30T12:00:00.123Z'))).toBe(`'2026-11-30T12:00:00.123Z'`);
    expect(() => sqlLiteral(Number.NaN)).toThrow(/finite/);
  });

  it('writes a list as an array literal, each element quoted and escaped', () => {
    expect(sqlLiteral([])).toBe(`'{}'`);
    expect(sqlLiteral(['0964b97a-d196-444e-9a7b-6f890de0908a', null])).toBe(`'{"0964b97a-d196-444e-9a7b-6f890de0908a",NULL}'`);
    expect(sqlLiteral(['c,d', "e'f"])).toBe(`'{"c,d","e''f"}'`);
  });

  it('refuses anything else rather than write it unescaped', () => {
    expect(() => sqlLiteral({ a: 1 } as never)).toThrow(/no literal/);
    expect(() => sqlLiteral([1] as never)).toThrow(/strings/);
  });
});
