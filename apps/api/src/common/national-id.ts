import { createHmac, hkdfSync } from 'node:crypto';
import { dnr, fnr } from '@navikt/fnrvalidator';
import { FieldCipher } from './field-cipher.js';

/**
 * Fødselsnummer or D-nummer, with the mod-11 checks and a real date (@navikt/fnrvalidator), or a
 * synthetic test identity (Digdir's convention: month + 80), which no real person has.
 */
export function isValidNationalId(value: string): boolean {
  return /^\d{11}$/.test(value) && (fnr(value).status === 'valid' || dnr(value).status === 'valid' || isSyntheticNationalId(value));
}

/** A synthetic national id (Digdir test users, «syntetisk fødselsnummer»): month digits + 80, real day, mod-11 checks. */
export function isSyntheticNationalId(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const month = Number(value.slice(2, 4)) - 80;
  const day = Number(value.slice(0, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = [...value].map(Number);
  const k1 = mod11(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = mod11([...d.slice(0, 9), k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k1 === d[9] && k2 === d[10];
}

function mod11(digits: number[], weights: number[]): number {
  const rest = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11);
  return rest === 11 ? 0 : rest; // 10 is never valid: it matches no digit
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
