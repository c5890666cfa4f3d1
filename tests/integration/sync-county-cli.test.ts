import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOkpKey, toPublicJwk } from '../../main/core/sync/jwk';
import { openCountyDb } from '../../county-server/db';
import { registerTownshipKey } from '../../county-server/keys';
import { tempDir, TOWNSHIP } from '../helpers/core';
import { getJson } from '../helpers/sync';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'county-server/cli.ts');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('county server CLI', () => {
  it('refuses a private key, a foreign curve or a bad code when registering, in Chinese', () => {
    const db = openCountyDb(path.join(tempDir('zongzhi-county-reg-'), 'county.sqlite'));
    try {
      const key = generateOkpKey('Ed25519');
      const now = new Date().toISOString();
      expect(() => registerTownshipKey(db, TOWNSHIP, JSON.stringify(key), now)).toThrow('含有私钥');
      const x = toPublicJwk(generateOkpKey('X25519'));
      expect(() => registerTownshipKey(db, TOWNSHIP, JSON.stringify(x), now)).toThrow('crv 为 Ed25519');
      expect(() => registerTownshipKey(db, '12345', JSON.stringify(toPublicJwk(key)), now)).toThrow('9 位数字');
      expect(registerTownshipKey(db, TOWNSHIP, JSON.stringify(toPublicJwk(key)), now).result).toBe('registered');
      expect(registerTownshipKey(db, TOWNSHIP, JSON.stringify(toPublicJwk(key)), now).result).toBe('already');
      const next = toPublicJwk(generateOkpKey('Ed25519'));
      expect(registerTownshipKey(db, TOWNSHIP, JSON.stringify(next), now).result).toBe('added-key');
      expect(() => registerTownshipKey(db, '140621101', JSON.stringify(next), now)).toThrow('已登记给乡镇');
    } finally {
      db.close();
    }
  });

  it('generates the county key, registers a township, and serves status', async () => {
    const dir = tempDir('zongzhi-county-cli-');
    const keygen = cli('keygen', '--data-dir', dir);
    expect(keygen.code).toBe(0);
    const publicFile = /公钥文件（交给各乡镇导入）：(.+)/.exec(keygen.out)![1]!.trim();
    expect(JSON.parse(fs.readFileSync(publicFile, 'utf8'))).toMatchObject({ kty: 'OKP', crv: 'X25519' });
    const priv = fs.readdirSync(path.join(dir, 'keys')).find((f) => f.endsWith('.private.jwk'))!;
    expect(fs.statSync(path.join(dir, 'keys', priv)).mode & 0o777).toBe(0o600);

    const key = generateOkpKey('Ed25519');
    const pubFile = path.join(dir, 'township.jwk');
    fs.writeFileSync(pubFile, JSON.stringify(toPublicJwk(key)));
    const reg = cli('register-township', '--data-dir', dir, '--code', TOWNSHIP, '--public-key', pubFile);
    expect(reg.code).toBe(0);
    expect(reg.out).toContain(`已登记乡镇 ${TOWNSHIP}`);

    const child = spawn(process.execPath, ['--import', 'tsx', script, 'start', '--data-dir', dir, '--port', '0'], {
      cwd: root,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`退出码 ${code}：${out}`)));
      });
      const status = (await getJson(`${url}/api/v1/status`)).body;
      expect(status.townships).toEqual([expect.objectContaining({ code: TOWNSHIP, lastSeq: 0, bundleCount: 0 })]);
      const missing = await getJson(`${url}/api/v1/nothing`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain('没有这个地址');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
