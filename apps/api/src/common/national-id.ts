import { createHmac, hkdfSync } from 'node:crypto';
import { dnr, fnr, tnr } from '@navikt/fnrvalidator';
import { FieldCipher } from './field-cipher.js';

/**
 * Fødselsnummer or D-nummer, with the mod-11 checks and a real date (@navikt/fnrvalidator), or a
 * synthetic test identity (Digdir's convention: month + 80), which no real person has.
 */
export function isValidNationalId(value: string): boolean {
  return /^\d{11}$/.test(value) && (fnr(value).status === 'valid' || dnr(value).status === 'valid' || isSyntheticNationalId(value));
}

/** A synthetic national id (Digdir's test users, TestNorge: month digits + 80, real date, mod-11 checks). */
export function isSyntheticNationalId(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const result = tnr(value);
  return result.status === 'valid' && result.type === 'tnr';
}

/**
 * Encrypts national ids (AES-256-GCM, random IV) and makes a keyed hash (HMAC-SHA-256) for
 * exact-match lookup. Separate keys for the two are derived from DATA_ENCRYPTION_KEY with HKDF,
 * so the lookup hash reveals nothing about the encryption key.
 */
export class NationalIdCipher extends FieldCipher {
  private readonly hashKey: Buffer;

  constructor(masterKey: Buffer) {
    super(masterKey, 'bti/national-id/aes-256-gcm');
    this.hashKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'bti/national-id/hmac', 32));
  }

  hash(nationalId: string): string {
    return createHmac('sha256', this.hashKey).update(nationalId).digest('hex');
  }
}
