import crypto from 'node:crypto';
import type { PiiKeys } from './secret-store';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Field encryption for personal information: AES-256-GCM per value with a random 96-bit nonce,
 * stored as `v1:<keyId>:<base64(nonce | ciphertext | tag)>`; plus a keyed lookup hash
 * (HMAC-SHA256) so an ID number can be found without decrypting every row.
 */
export class PiiCipher {
  private readonly keys: Map<string, PiiKeys>;
  private readonly current: PiiKeys;

  /** `current` encrypts; `older` keys only decrypt (after a rotation). */
  constructor(current: PiiKeys, older: PiiKeys[] = []) {
    this.current = current;
    this.keys = new Map([...older, current].map((k) => [k.keyId, k]));
  }

  get keyId(): string {
    return this.current.keyId;
  }

  encrypt(plain: string): string {
    const nonce = crypto.randomBytes(NONCE_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.current.dataKey, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${VERSION}:${this.current.keyId}:${Buffer.concat([nonce, body, tag]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [version, keyId, payload] = stored.split(':');
    if (version !== VERSION || !keyId || payload === undefined) throw new Error('无法识别的加密数据格式');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`缺少密钥 ${keyId}：数据库与本机密钥文件不匹配`);
    const raw = Buffer.from(payload, 'base64');
    if (raw.length < NONCE_BYTES + TAG_BYTES) throw new Error('加密数据已损坏');
    const decipher = crypto.createDecipheriv('aes-256-gcm', key.dataKey, raw.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    // Decoded as it comes out: no joined buffer per value (a ledger decrypts 100,000 of these).
    return (
      decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES), undefined, 'utf8') + decipher.final('utf8')
    );
  }

  encryptNullable(plain: string | null): string | null {
    return plain === null ? null : this.encrypt(plain);
  }

  decryptNullable(stored: string | null): string | null {
    return stored === null ? null : this.decrypt(stored);
  }

  /** Hex HMAC-SHA256 under the lookup key; callers normalise first (ID numbers: the 18-digit form). */
  lookupHash(value: string): string {
    return crypto.createHmac('sha256', this.current.hmacKey).update(value, 'utf8').digest('hex');
  }
}
