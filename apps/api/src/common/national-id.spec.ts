import { randomBytes } from 'node:crypto';
import { isSyntheticNationalId, isValidNationalId, NationalIdCipher } from './national-id.js';

describe('national id', () => {
  it('accepts a valid fødselsnummer and a valid D-nummer', () => {
    expect(isValidNationalId('13097248022')).toBe(true);
    expect(isValidNationalId('53097248016')).toBe(true);
  });

  it('accepts a synthetic test identity (month + 80) and refuses one with a wrong checksum', () => {
    expect(isSyntheticNationalId('03888510086')).toBe(true);
    expect(isValidNationalId('05901050041')).toBe(true);
    expect(isSyntheticNationalId('03888510087')).toBe(false);
    expect(isSyntheticNationalId('13097248022')).toBe(false);
  });

  it('refuses a wrong checksum, a wrong length and letters', () => {
    expect(isValidNationalId('13097248023')).toBe(false);
    expect(isValidNationalId('1309724802')).toBe(false);
    expect(isValidNationalId('1309724802a')).toBe(false);
  });

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const cipher = new NationalIdCipher(randomBytes(32));
    const a = cipher.encrypt('13097248022');
    const b = cipher.encrypt('13097248022');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('13097248022');
    expect(cipher.decrypt(a)).toBe('13097248022');
  });

  it('hashes deterministically per key, differently across keys', () => {
    const key = randomBytes(32);
    expect(new NationalIdCipher(key).hash('13097248022')).toBe(new NationalIdCipher(key).hash('13097248022'));
    expect(new NationalIdCipher(randomBytes(32)).hash('13097248022')).not.toBe(new NationalIdCipher(key).hash('13097248022'));
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new NationalIdCipher(randomBytes(32));
    const raw = Buffer.from(cipher.encrypt('13097248022'), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(raw.toString('base64'))).toThrow();
  });
});
