import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import {
  fingerprint,
  generateOkpKey,
  parsePrivateJwk,
  parsePublicJwk,
  privateKeyOf,
  publicKeyOf,
  toPublicJwk,
} from '../main/core/sync/jwk';
import { writePrivateFile } from '../main/core/private-files';
import type { CountyDb } from './db';

const PRIVATE_RE = /^county-x25519-([A-Za-z0-9_-]{43})\.private\.jwk$/;

/**
 * A new county key pair (X25519). The private key stays in keys/ (0600); the public JWK beside it is
 * what townships import. Old keys are kept, so bundles already encrypted to them still open.
 */
export function generateCountyKey(keysDir: string) {
  const jwk = generateOkpKey('X25519');
  writePrivateFile(path.join(keysDir, `county-x25519-${jwk.kid}.private.jwk`), JSON.stringify(jwk, null, 2) + '\n');
  const publicFile = path.join(keysDir, `county-x25519-${jwk.kid}.public.jwk`);
  fs.writeFileSync(publicFile, JSON.stringify(toPublicJwk(jwk), null, 2) + '\n');
  return { kid: jwk.kid, publicFile, fingerprint: fingerprint(jwk.kid) };
}

/** Every county private key, by key id. */
export function loadCountyKeys(keysDir: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const files = fs.existsSync(keysDir) ? fs.readdirSync(keysDir) : [];
  for (const name of files) {
    if (!PRIVATE_RE.test(name)) continue;
    const file = path.join(keysDir, name);
    const jwk = parsePrivateJwk(fs.readFileSync(file, 'utf8'), 'X25519', `县级私钥文件 ${file} `);
    keys.set(jwk.kid, privateKeyOf(jwk));
  }
  if (keys.size === 0) throw new Error(`${keysDir} 中没有县级私钥，请先运行 keygen`);
  return keys;
}

export type RegisterResult = 'registered' | 'added-key' | 'already';

/** Registers a township's Ed25519 public key; a second key for the same township is a rotation. */
export function registerTownshipKey(db: CountyDb, code: string, jwkText: string, now: string) {
  if (!/^\d{9}$/.test(code)) throw new Error(`乡镇代码应为 9 位数字，收到：${code}`);
  const jwk = parsePublicJwk(jwkText, 'Ed25519', '乡镇公钥文件');
  const { sqlite } = db;
  return sqlite.transaction((): { kid: string; result: RegisterResult } => {
    const owner = sqlite.prepare('SELECT township_code FROM county_township_keys WHERE kid = ?').pluck().get(jwk.kid);
    if (owner === code) return { kid: jwk.kid, result: 'already' };
    if (owner) throw new Error(`该公钥已登记给乡镇 ${String(owner)}，不能再登记给 ${code}`);
    const known = sqlite.prepare('SELECT 1 FROM county_townships WHERE code = ?').get(code);
    if (!known) sqlite.prepare('INSERT INTO county_townships (code, registered_at) VALUES (?, ?)').run(code, now);
    sqlite
      .prepare('INSERT INTO county_township_keys (kid, township_code, jwk, registered_at) VALUES (?, ?, ?, ?)')
      .run(jwk.kid, code, JSON.stringify(jwk), now);
    return { kid: jwk.kid, result: known ? 'added-key' : 'registered' };
  })();
}

/** Looks up a registered township key by its id (read each time, so a key registered meanwhile works). */
export function townshipKeyLookup(db: CountyDb) {
  const stmt = db.sqlite.prepare('SELECT township_code, jwk FROM county_township_keys WHERE kid = ?');
  const cache = new Map<string, { township: string; key: KeyObject }>();
  return (kid: string) => {
    const hit = cache.get(kid);
    if (hit) return hit;
    const row = stmt.get(kid) as { township_code: string; jwk: string } | undefined;
    if (!row) return null;
    const found = { township: row.township_code, key: publicKeyOf(parsePublicJwk(row.jwk, 'Ed25519')) };
    cache.set(kid, found);
    return found;
  };
}
