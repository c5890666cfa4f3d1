import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticPeople } from '../../main/core/people/synthetic';
import { makeCore, makeTownship, tempDir } from '../helpers/core';

const root = path.resolve(import.meta.dirname, '../..');
const [PERSON] = syntheticPeople({ countyCode: '140621', count: 1, seed: 'backup-key', today: '2026-11-26' });

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const keyOf = (dir: string) => fs.readFileSync(path.join(dir, 'keys', 'pii.key'), 'utf8');

/** A township folder; `withPerson` adds one person, so its database holds encrypted data. */
function township(withPerson: boolean): string {
  const t = makeTownship();
  if (withPerson) {
    t.ok(
      'people.create',
      { name: PERSON!.name, idNumber: PERSON!.idNumber, phone: PERSON!.mobile, remarks: null },
      t.admin,
    );
  }
  t.core.close();
  return t.dataDir;
}

function personCount(dir: string): number {
  const t = makeCore({ dataDir: dir });
  try {
    return t.count('persons');
  } finally {
    t.core.close();
  }
}

describe('backup and restore carry the personal-information key', () => {
  // Spawns the CLI several times: slow when the machine is busy.
  it(
    'writes the key beside the backup, and restore elsewhere makes the data readable again',
    { timeout: 180_000 },
    () => {
      const source = township(true);
      const backupFile = path.join(tempDir(), 'b.sqlite');
      const backup = cli('backup', '--data-dir', source, '--out', backupFile);
      expect(backup.code).toBe(0);
      expect(backup.out).toContain('b.sqlite.pii.key');
      const sideKey = `${backupFile}.pii.key`;
      expect(fs.readFileSync(sideKey, 'utf8')).toBe(keyOf(source));
      if (process.platform !== 'win32') expect(fs.statSync(sideKey).mode & 0o777).toBe(0o600);

      // Another machine: same township, its own key.
      const target = township(false);
      const targetKey = keyOf(target);
      expect(targetKey).not.toBe(keyOf(source));
      const restore = cli('restore', '--data-dir', target, backupFile);
      expect(restore.code, restore.err).toBe(0);
      expect(keyOf(target)).toBe(keyOf(source));
      // The replaced database keeps its own key beside it.
      const saved = fs.readdirSync(path.join(target, 'backups')).find((f) => /^before-restore.*\.sqlite$/.test(f))!;
      expect(fs.readFileSync(path.join(target, 'backups', `${saved}.pii.key`), 'utf8')).toBe(targetKey);

      const t = makeCore({ dataDir: target });
      try {
        const session = t.login('admin');
        const [person] = t.ok<{ id: string }[]>('people.list', {}, session);
        expect(t.ok('people.reveal', { id: person!.id }, session)).toMatchObject({
          idNumber: PERSON!.idNumber,
          phone: PERSON!.mobile,
        });
      } finally {
        t.core.close();
      }
    },
  );

  // Spawns the CLI several times: slow when the machine is busy.
  it('refuses a backup whose key is missing or wrong, replacing nothing', { timeout: 180_000 }, () => {
    const source = township(true);
    const backupFile = path.join(tempDir(), 'b.sqlite');
    expect(cli('backup', '--data-dir', source, '--out', backupFile).code).toBe(0);
    const target = township(false);
    const targetKey = keyOf(target);

    fs.writeFileSync(`${backupFile}.pii.key`, targetKey); // a key, but not this backup's
    const wrong = cli('restore', '--data-dir', target, backupFile);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('（与备份不匹配），不能恢复');

    fs.rmSync(`${backupFile}.pii.key`);
    const missing = cli('restore', '--data-dir', target, backupFile);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('备份旁没有密钥文件');
    expect(missing.err).toContain('不能恢复');

    expect(keyOf(target)).toBe(targetKey);
    expect(personCount(target)).toBe(0);
    expect(fs.existsSync(path.join(target, 'backups'))).toBe(false);
  });
});
