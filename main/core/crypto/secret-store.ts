import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writePrivateFile } from '../private-files';
import { SEALED_SUFFIX, type PrivateKeySeal } from '../sync/keystore';

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
 * Where the PII keys live. Browser mode, the CLI and tests use the key file below; the Electron
 * shell passes the same store with a safeStorage sealer (main/electron/keystore.ts), which reads an
 * existing pii.key once to migrate it so data written in browser mode stays readable.
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

/**
 * `<dataDir>/keys/pii.key`, readable by the owner only (0600, folder 0700). With a `sealer` (the
 * desktop app: safeStorage) the key lives sealed in `pii.key.sealed` instead; a plain pii.key found
 * then (browser mode before, or put there by a restore) is the one to use: it is sealed and removed.
 */
export function fileSecretStore(keysDir: string, sealer?: PrivateKeySeal): SecretStore {
  const file = path.join(keysDir, 'pii.key');
  const sealedFile = file + SEALED_SUFFIX;
  return {
    loadOrCreatePiiKeys() {
      if (fs.existsSync(file)) {
        const keys = decodeKeys(fs.readFileSync(file, 'utf8'), file);
        if (sealer) {
          writePrivateFile(sealedFile, sealer.seal(encodeKeys(keys)));
          fs.rmSync(file);
        }
        return keys;
      }
      if (fs.existsSync(sealedFile)) {
        // Never make a new key over a sealed one: every encrypted value in the database needs it.
        if (!sealer) {
          throw new Error(
            `个人信息密钥已由系统密钥库加密保存（${sealedFile}），当前无法解开；请在原来的桌面程序和系统账户下打开`,
          );
        }
        return decodeKeys(sealer.open(fs.readFileSync(sealedFile)), sealedFile);
      }
      const keys = generatePiiKeys();
      if (sealer) {
        writePrivateFile(sealedFile, sealer.seal(encodeKeys(keys)));
        return keys;
      }
      fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
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
