import { jsonDepthExceeds } from './json-depth.js';

const nested = (depth: number) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('jsonDepthExceeds', () => {
  it('accepts flat values and bodies up to the limit', () => {
    expect(jsonDepthExceeds('x', 2)).toBe(false);
    expect(jsonDepthExceeds(nested(2), 2)).toBe(false);
    expect(jsonDepthExceeds([[1]], 2)).toBe(false);
  });

  it('refuses one level deeper than the limit, in objects and arrays', () => {
    expect(jsonDepthExceeds(nested(3), 2)).toBe(true);
    expect(jsonDepthExceeds([[[1]]], 2)).toBe(true);
  });

  it('handles 100 000 levels without overflowing the stack', () => {
    expect(jsonDepthExceeds(nested(100_000), 32)).toBe(true);
  });
});
