import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import {
  generateOkpKey,
  parsePrivateJwk,
  parsePublicJwk,
  privateKeyOf,
  publicKeyOf,
  toPublicJwk,
  type OkpPublicJwk,
} from './jwk';
import { writePrivateFile } from '../private-files';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: OkpPublicJwk;
}

export interface RecipientKey {
  kid: string;
  publicKey: KeyObject;
  publicJwk: OkpPublicJwk;
}

/**
 * Where the township keeps its keys. The file store below serves browser mode, the CLI and tests;
 * the desktop app will pass one that seals the private key with Electron's safeStorage instead.
 */
export interface KeyStore {
  /** The township's Ed25519 signing key, created the first time it is asked for. */
  townshipKey(): SigningKey;
  /** The county's X25519 public key bundles are encrypted to, once imported. */
  countyKey(): RecipientKey | null;
  /** Checks and stores the county's public key (JWK text); returns it. */
  importCountyKey(jwkText: string): RecipientKey;
}

const FILES = {
  townshipPrivate: 'township-ed25519.private.jwk',
  townshipPublic: 'township-ed25519.public.jwk',
  countyPublic: 'county-x25519.public.jwk',
};

/**
 * Seals the private key at rest (the desktop app: Electron's safeStorage, i.e. DPAPI / Keychain /
 * the Secret Service). The sealed key goes in its own file; a plain key file left from browser
 * mode is sealed on first use and then removed.
 */
export interface PrivateKeySeal {
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

export const SEALED_SUFFIX = '.sealed';

export function fileKeyStore(keysDir: string, sealer?: PrivateKeySeal): KeyStore {
  const file = (name: keyof typeof FILES) => path.join(keysDir, FILES[name]);
  let signing: SigningKey | null = null;

  /** The private key's JWK text and the file it came from, or null before the first start. */
  function readPrivate(): { text: string; from: string } | null {
    const plainFile = file('townshipPrivate');
    const sealedFile = plainFile + SEALED_SUFFIX;
    if (sealer && fs.existsSync(sealedFile))
      return { text: sealer.open(fs.readFileSync(sealedFile)), from: sealedFile };
    if (!sealer && fs.existsSync(sealedFile)) {
      // Never make a new key over a sealed one: the county knows this township by it.
      throw new Error(
        `本乡镇私钥已由系统密钥库加密保存（${sealedFile}），当前无法解开；请在原来的桌面程序和系统账户下打开`,
      );
    }
    if (!fs.existsSync(plainFile)) return null;
    const text = fs.readFileSync(plainFile, 'utf8');
    if (sealer) {
      parsePrivateJwk(text, 'Ed25519', `本乡镇私钥文件 ${plainFile} `); // only a good key is sealed
      writePrivateFile(sealedFile, sealer.seal(text));
      fs.rmSync(plainFile);
    }
    return { text, from: plainFile };
  }

  function writePrivate(text: string): void {
    const plainFile = file('townshipPrivate');
    if (sealer) writePrivateFile(plainFile + SEALED_SUFFIX, sealer.seal(text));
    else writePrivateFile(plainFile, text);
  }

  return {
    townshipKey() {
      if (signing) return signing;
      const stored = readPrivate();
      let jwk;
      if (stored) {
        jwk = parsePrivateJwk(stored.text, 'Ed25519', `本乡镇私钥文件 ${stored.from} `);
      } else {
        jwk = generateOkpKey('Ed25519');
        writePrivate(JSON.stringify(jwk, null, 2) + '\n');
        writePrivateFile(file('townshipPublic'), JSON.stringify(toPublicJwk(jwk), null, 2) + '\n');
      }
      signing = { kid: jwk.kid, privateKey: privateKeyOf(jwk), publicJwk: toPublicJwk(jwk) };
      return signing;
    },
    countyKey() {
      const f = file('countyPublic');
      if (!fs.existsSync(f)) return null;
      const jwk = parsePublicJwk(fs.readFileSync(f, 'utf8'), 'X25519', `县级公钥文件 ${f} `);
      return { kid: jwk.kid, publicKey: publicKeyOf(jwk), publicJwk: jwk };
    },
    importCountyKey(jwkText) {
      const jwk = parsePublicJwk(jwkText, 'X25519', '县级公钥');
      writePrivateFile(file('countyPublic'), JSON.stringify(jwk, null, 2) + '\n');
      return { kid: jwk.kid, publicKey: publicKeyOf(jwk), publicJwk: jwk };
    },
  };
}
