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

/** Writes a file readable by its owner only (0600; Windows ignores the bits, the profile folder is private). */
export function writePrivateFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
}

const FILES = {
  townshipPrivate: 'township-ed25519.private.jwk',
  townshipPublic: 'township-ed25519.public.jwk',
  countyPublic: 'county-x25519.public.jwk',
};

export function fileKeyStore(keysDir: string): KeyStore {
  const file = (name: keyof typeof FILES) => path.join(keysDir, FILES[name]);
  let signing: SigningKey | null = null;

  return {
    townshipKey() {
      if (signing) return signing;
      const privFile = file('townshipPrivate');
      let jwk;
      if (fs.existsSync(privFile)) {
        jwk = parsePrivateJwk(fs.readFileSync(privFile, 'utf8'), 'Ed25519', `本乡镇私钥文件 ${privFile} `);
      } else {
        jwk = generateOkpKey('Ed25519');
        writePrivateFile(privFile, JSON.stringify(jwk, null, 2) + '\n');
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
