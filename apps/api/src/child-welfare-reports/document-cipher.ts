import { FieldCipher } from '../common/field-cipher.js';

/**
 * Stored report documents carry the child's national id, which is never stored in clear: they are
 * encrypted with their own key (not the national-id key reused for another purpose).
 */
export class DocumentCipher extends FieldCipher {
  constructor(masterKey: Buffer) {
    super(masterKey, 'bti/child-welfare-report/aes-256-gcm');
  }
}
