import { safeStorage } from 'electron';
import { fileSecretStore, type SecretStore } from '../core/crypto/secret-store';
import { fileKeyStore, type KeyStore, type PrivateKeySeal } from '../core/sync/keystore';

/**
 * safeStorage (DPAPI on Windows, the Keychain on macOS, the Secret Service on Linux) as a sealer,
 * or null — with a warning in the log — where there is no real system key store and the 0600 file
 * of browser mode is used instead. Called after app 'ready' (safeStorage needs it).
 */
function systemSealer(keysDir: string, what: string, warn: (message: string) => void): PrivateKeySeal | null {
  if (!safeStorage.isEncryptionAvailable()) {
    warn(`系统密钥库不可用，${what}改存为仅本账户可读的文件（${keysDir}）`);
    return null;
  }
  // Linux without a keyring: "basic_text" is a fixed key, no better than the file, and a key
  // sealed with it could not be opened once a real keyring appears.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    warn(`未找到系统密钥环（basic_text），${what}改存为仅本账户可读的文件（${keysDir}）`);
    return null;
  }
  return {
    seal: (text) => safeStorage.encryptString(text),
    open: (sealed) => {
      try {
        return safeStorage.decryptString(sealed);
      } catch (err) {
        throw new Error(
          `无法用系统密钥库解开${what}（是否换了系统账户或电脑？）：${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
    },
  };
}

/** The township's signing key for the desktop app, sealed in keys/…private.jwk.sealed. */
export function safeStorageKeyStore(keysDir: string, warn: (message: string) => void = console.warn): KeyStore {
  return fileKeyStore(keysDir, systemSealer(keysDir, '本乡镇私钥', warn) ?? undefined);
}

/** The personal-information keys for the desktop app, sealed in keys/pii.key.sealed. */
export function safeStorageSecretStore(keysDir: string, warn: (message: string) => void = console.warn): SecretStore {
  return fileSecretStore(keysDir, systemSealer(keysDir, '个人信息密钥', warn) ?? undefined);
}
