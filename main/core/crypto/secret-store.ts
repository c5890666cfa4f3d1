import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The keys that protect personal information at rest; never stored in the database file. */
export interface PiiKeys {
  /** Short id written into every ciphertext, so keys can rotate without rewriting old rows at once. */
  keyId: string;
  /** 32 bytes, AES-256-GCM. */
  dataKey: Buffer;
  /** 32 bytes, HMAC-SHA256 for the ID-number lookup column; separate from the data key. */
  hmacKey: Buffer;
}

/**
 * Where the PII keys live. Browser mode, the CLI and tests use the key file below. The Electron
 * shell should pass a store that keeps the same JSON sealed with `safeStorage.encryptString`
 * (main/electron may import electron; main/core never does), reading an existing pii.key once to
 * migrate it so data written in browser mode stays readable.
 */
export interface SecretStore {
  /** Returns the keys, creating them on first use. */
  loadOrCreatePiiKeys(): PiiKeys;
}

interface KeyFileV1 {
  version: 1;
  keyId: string;
  dataKey: string; // base64
  hmacKey: string; // base64
}

export function generatePiiKeys(): PiiKeys {
  return {
    keyId: crypto.randomBytes(4).toString('hex'),
    dataKey: crypto.randomBytes(32),
    hmacKey: crypto.randomBytes(32),
  };
}

export function decodeKeys(text: string, file: string): PiiKeys {
  let parsed: Partial<KeyFileV1>;
  try {
    parsed = JSON.parse(text) as Partial<KeyFileV1>;
  } catch {
    throw new Error(`密钥文件 ${file} 已损坏，无法读取`);
  }
  const dataKey = Buffer.from(parsed.dataKey ?? '', 'base64');
  const hmacKey = Buffer.from(parsed.hmacKey ?? '', 'base64');
  if (parsed.version !== 1 || !parsed.keyId || dataKey.length !== 32 || hmacKey.length !== 32) {
    throw new Error(`密钥文件 ${file} 格式不正确`);
  }
  return { keyId: parsed.keyId, dataKey, hmacKey };
}

export function encodeKeys(keys: PiiKeys): string {
  const file: KeyFileV1 = {
    version: 1,
    keyId: keys.keyId,
    dataKey: keys.dataKey.toString('base64'),
    hmacKey: keys.hmacKey.toString('base64'),
  };
  return JSON.stringify(file);
}

/** `<dataDir>/keys/pii.key`, readable by the owner only (0600, folder 0700). */
export function fileSecretStore(keysDir: string): SecretStore {
  const file = path.join(keysDir, 'pii.key');
  return {
    loadOrCreatePiiKeys() {
      if (fs.existsSync(file)) return decodeKeys(fs.readFileSync(file, 'utf8'), file);
      fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
      const keys = generatePiiKeys();
      try {
        // 'wx': if another process created it meanwhile, use theirs.
        fs.writeFileSync(file, encodeKeys(keys), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return decodeKeys(fs.readFileSync(file, 'utf8'), file);
        throw err;
      }
      return keys;
    },
  };
}
