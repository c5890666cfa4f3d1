import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { encodeKeys, fileSecretStore, generatePiiKeys } from '../../main/core/crypto/secret-store';

const { safeStorage } = vi.hoisted(() => ({
  safeStorage: {
    available: true,
    backend: 'gnome_libsecret',
    isEncryptionAvailable: () => safeStorage.available,
    getSelectedStorageBackend: () => safeStorage.backend,
    // A stand-in for the OS key store: reversible, and visibly not the plain text.
    encryptString: vi.fn((text: string) => Buffer.from('sealed:' + Buffer.from(text).toString('base64'))),
    decryptString: vi.fn((data: Buffer) => {
      const s = data.toString();
      if (!s.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(s.slice(7), 'base64').toString();
    }),
  },
}));
vi.mock('electron', () => ({ safeStorage }));

const { safeStorageSecretStore } = await import('../../main/electron/keystore');
const keysDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zongzhi-pii-keys-')), 'keys');

describe('the desktop app keeps the personal-information key with safeStorage', () => {
  it('creates the key sealed, never as a plain file, and opens it again', () => {
    const dir = keysDir();
    const warn = vi.fn();
    const keys = safeStorageSecretStore(dir, warn).loadOrCreatePiiKeys();
    expect(warn).not.toHaveBeenCalled();
    expect(fs.readdirSync(dir)).toEqual(['pii.key.sealed']);
    const sealed = fs.readFileSync(path.join(dir, 'pii.key.sealed'), 'utf8');
    expect(sealed).toMatch(/^sealed:/);
    expect(sealed).not.toContain(keys.dataKey.toString('base64'));
    const again = safeStorageSecretStore(dir, warn).loadOrCreatePiiKeys();
    expect(again.keyId).toBe(keys.keyId);
    expect(again.dataKey.equals(keys.dataKey) && again.hmacKey.equals(keys.hmacKey)).toBe(true);
  });

  it('seals a pii.key left by browser mode or a restore, and removes the plain file', () => {
    const dir = keysDir();
    const plain = fileSecretStore(dir).loadOrCreatePiiKeys();
    const migrated = safeStorageSecretStore(dir, vi.fn()).loadOrCreatePiiKeys();
    expect(migrated.keyId).toBe(plain.keyId);
    expect(fs.readdirSync(dir)).toEqual(['pii.key.sealed']);
    // A restore puts the backup's key back as a plain file: it replaces the sealed one.
    const restored = generatePiiKeys();
    fs.writeFileSync(path.join(dir, 'pii.key'), encodeKeys(restored), { mode: 0o600 });
    expect(safeStorageSecretStore(dir, vi.fn()).loadOrCreatePiiKeys().keyId).toBe(restored.keyId);
    expect(safeStorageSecretStore(dir, vi.fn()).loadOrCreatePiiKeys().keyId).toBe(restored.keyId);
    expect(fs.readdirSync(dir)).toEqual(['pii.key.sealed']);
  });

  it('never makes a new key over a sealed one, and says why it cannot open one', () => {
    const dir = keysDir();
    safeStorageSecretStore(dir, vi.fn()).loadOrCreatePiiKeys();
    // The CLI or browser mode on the same folder: no sealer.
    expect(() => fileSecretStore(dir).loadOrCreatePiiKeys()).toThrow(/个人信息密钥已由系统密钥库加密保存/);
    expect(fs.readdirSync(dir)).toEqual(['pii.key.sealed']);
    fs.writeFileSync(path.join(dir, 'pii.key.sealed'), 'garbage');
    expect(() => safeStorageSecretStore(dir, vi.fn()).loadOrCreatePiiKeys()).toThrow(
      /无法用系统密钥库解开个人信息密钥/,
    );
  });

  it('falls back to the 0600 file, with a warning, where there is no real system key store', () => {
    const warn = vi.fn();
    safeStorage.available = false;
    const dir = keysDir();
    safeStorageSecretStore(dir, warn).loadOrCreatePiiKeys();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('系统密钥库不可用，个人信息密钥改存为'));
    expect(fs.readdirSync(dir)).toEqual(['pii.key']);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'pii.key')).mode & 0o777).toBe(0o600);
    safeStorage.available = true;
    if (process.platform === 'linux') {
      safeStorage.backend = 'basic_text';
      warn.mockClear();
      safeStorageSecretStore(keysDir(), warn).loadOrCreatePiiKeys();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('basic_text'));
      safeStorage.backend = 'gnome_libsecret';
    }
  });

  it('is what the shell opens the core with', () => {
    const main = fs.readFileSync(path.resolve(import.meta.dirname, '../../main/electron/main.ts'), 'utf8');
    expect(main).toContain('secrets: safeStorageSecretStore(dataPaths(dataDir).keysDir)');
  });
});
