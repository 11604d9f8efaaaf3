import { asJsonb } from './jsonb.js';

describe('asJsonb', () => {
  it("orders keys as jsonb stores them: shorter first, then by bytes", () => {
    const guardian = { name: 'Mor', relation: 'mor', parentalResponsibility: true, contact: '99' };
    expect(Object.keys(asJsonb(guardian))).toEqual(['name', 'contact', 'relation', 'parentalResponsibility']);
    // Bytes, not code units or locale: 'Z' (0x5a) before 'a' (0x61); 'é' is two bytes in UTF-8.
    expect(Object.keys(asJsonb({ b: 1, a: 2, Z: 3, é: 4 }))).toEqual(['Z', 'a', 'b', 'é']);
  });

  it('drops undefined members and recurses into arrays and nested objects', () => {
    expect(JSON.stringify(asJsonb([{ line2: undefined, postalCode: '0150', line1: 'Gate 1' }]))).toBe('[{"line1":"Gate 1","postalCode":"0150"}]');
    expect(asJsonb(null)).toBeNull();
    expect(asJsonb('x')).toBe('x');
  });
});
