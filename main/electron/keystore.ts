import { safeStorage } from 'electron';
import { fileKeyStore, type KeyStore, type PrivateKeySeal } from '../core/sync/keystore';

/**
 * The township's keys for the desktop app: the private key sealed with safeStorage (DPAPI on
 * Windows, the Keychain on macOS, the Secret Service on Linux) in keys/…private.jwk.sealed.
 * Without a real system key store the 0600 file of browser mode is used, and the log says so.
 * Called after app 'ready' (safeStorage needs it).
 */
export function safeStorageKeyStore(keysDir: string, warn: (message: string) => void = console.warn): KeyStore {
  if (!safeStorage.isEncryptionAvailable()) {
    warn(`系统密钥库不可用，本乡镇私钥改存为仅本账户可读的文件（${keysDir}）`);
    return fileKeyStore(keysDir);
  }
  // Linux without a keyring: "basic_text" is a fixed key, no better than the file, and a key
  // sealed with it could not be opened once a real keyring appears.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    warn(`未找到系统密钥环（basic_text），本乡镇私钥改存为仅本账户可读的文件（${keysDir}）`);
    return fileKeyStore(keysDir);
  }
  const sealer: PrivateKeySeal = {
    seal: (text) => safeStorage.encryptString(text),
    open: (sealed) => {
      try {
        return safeStorage.decryptString(sealed);
      } catch (err) {
        throw new Error(
          `无法用系统密钥库解开本乡镇私钥（是否换了系统账户或电脑？）：${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
    },
  };
  return fileKeyStore(keysDir, sealer);
}
