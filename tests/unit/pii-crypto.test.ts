import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PiiCipher } from '../../main/core/crypto/pii';
import { fileSecretStore, generatePiiKeys } from '../../main/core/crypto/secret-store';
import { tempDir } from '../helpers/core';

describe('PII field encryption', () => {
  it('writes v1:<keyId>:<base64> with a fresh nonce every time and reads it back', () => {
    const keys = generatePiiKeys();
    const c = new PiiCipher(keys);
    const a = c.encrypt('11010519491231002X');
    const b = c.encrypt('11010519491231002X');
    expect(a).toMatch(new RegExp(`^v1:${keys.keyId}:[A-Za-z0-9+/]+=*$`));
    expect(a).not.toBe(b);
    expect(c.decrypt(a)).toBe('11010519491231002X');
    expect(c.decrypt(c.encrypt('玉井村3组'))).toBe('玉井村3组');
  });

  it('refuses a tampered value and a value under an unknown key; older keys still decrypt', () => {
    const old = generatePiiKeys();
    const stored = new PiiCipher(old).encrypt('13800138000');
    const raw = Buffer.from(stored.split(':')[2]!, 'base64');
    raw[14] = raw[14]! ^ 1;
    const tampered = `v1:${old.keyId}:${raw.toString('base64')}`;
    expect(() => new PiiCipher(old).decrypt(tampered)).toThrow();
    expect(() => new PiiCipher(generatePiiKeys()).decrypt(stored)).toThrow(/缺少密钥/);
    expect(new PiiCipher(generatePiiKeys(), [old]).decrypt(stored)).toBe('13800138000');
  });

  it('hashes with a key: same input same hash, another key another hash', () => {
    const keys = generatePiiKeys();
    const h = new PiiCipher(keys).lookupHash('11010519491231002X');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(new PiiCipher(keys).lookupHash('11010519491231002X')).toBe(h);
    expect(new PiiCipher(generatePiiKeys()).lookupHash('11010519491231002X')).not.toBe(h);
  });

  it('keeps the keys in <keys>/pii.key, 0600, and reads the same keys again', () => {
    const dir = path.join(tempDir(), 'keys');
    const first = fileSecretStore(dir).loadOrCreatePiiKeys();
    const file = path.join(dir, 'pii.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const again = fileSecretStore(dir).loadOrCreatePiiKeys();
    expect(again.keyId).toBe(first.keyId);
    expect(again.dataKey.equals(first.dataKey)).toBe(true);
    fs.writeFileSync(file, 'not json');
    expect(() => fileSecretStore(dir).loadOrCreatePiiKeys()).toThrow(/已损坏/);
  });
});
