import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { dnr, fnr } from '@navikt/fnrvalidator';

/** Fødselsnummer or D-nummer, with the mod-11 checks and a real date (@navikt/fnrvalidator). */
export function isValidNationalId(value: string): boolean {
  return /^\d{11}$/.test(value) && (fnr(value).status === 'valid' || dnr(value).status === 'valid');
}

/**
 * Encrypts national ids (AES-256-GCM, random IV) and makes a keyed hash (HMAC-SHA-256) for
 * exact-match lookup. Separate keys for the two are derived from DATA_ENCRYPTION_KEY with HKDF,
 * so the lookup hash reveals nothing about the encryption key.
 */
export class NationalIdCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(masterKey: Buffer) {
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'bti/national-id/aes-256-gcm', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'bti/national-id/hmac', 32));
  }

  encrypt(nationalId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(nationalId, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  decrypt(stored: string): string {
    const raw = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  hash(nationalId: string): string {
    return createHmac('sha256', this.hashKey).update(nationalId).digest('hex');
  }
}
