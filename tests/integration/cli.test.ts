import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PASSWORD, tempDir, TOWNSHIP } from '../helpers/core';
import { acquireDataDirLock } from '../../main/core/instance-lock';

const root = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function query<T>(dataDir: string, sql: string): T[] {
  const db = new Database(path.join(dataDir, 'zongzhi.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

// Each case spawns the CLI several times through tsx (seconds apiece on a busy 2-core machine).
describe('admin CLI', { timeout: 120_000 }, () => {
  it('initialises a township and adds users non-interactively', () => {
    const dir = tempDir();
    const init = cli('init', '--data-dir', dir, '--township', TOWNSHIP, '--admin', 'admin', '--password', PASSWORD);
    expect(init.code).toBe(0);
    expect(init.out).toContain('玉井镇');
    expect(init.out).toContain('18 个村（社区）');
    const add = cli(
      'user',
      'add',
      '--data-dir',
      dir,
      '--username',
      'lu',
      '--name',
      '陆录入',
      '--role',
      '录入员',
      '--password',
      PASSWORD,
    );
    expect(add.code).toBe(0);
    const users = query<{ username: string; role: string }>(dir, 'SELECT username, role FROM users ORDER BY username');
    expect(users).toEqual([
      { username: 'admin', role: 'admin' },
      { username: 'lu', role: 'clerk' },
    ]);
    const audit = query<{ method: string; username: string }>(
      dir,
      'SELECT method, username FROM audit_log ORDER BY id',
    );
    expect(audit).toEqual([
      { method: 'setup.init', username: 'admin' },
      { method: 'users.create', username: 'cli' },
    ]);
  });

  it('exits non-zero with a Chinese message on bad arguments, writing nothing', () => {
    const dir = tempDir();
    const unknown = cli('init', '--data-dir', dir, '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('不认识的参数 --bogus');
    const missing = cli('init', '--data-dir', dir, '--township', TOWNSHIP);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('缺少参数 --admin');
    const shortCode = cli('init', '--data-dir', dir, '--township', '1406', '--admin', 'admin', '--password', PASSWORD);
    expect(shortCode.code).toBe(1);
    expect(shortCode.err).toContain('9 位数字');
    expect(query(dir, 'SELECT * FROM township')).toEqual([]);
    const role = cli(
      'user',
      'add',
      '--data-dir',
      dir,
      '--username',
      'x1',
      '--name',
      '某',
      '--role',
      'boss',
      '--password',
      PASSWORD,
    );
    expect(role.code).toBe(2);
    expect(role.err).toContain('角色只能是');
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('serve', '--port', 'abc').err).toContain('端口');
    const help = cli('--help');
    expect(help.code).toBe(0);
    for (const name of ['serve', 'init', 'user add', 'backup', 'restore']) expect(help.out).toContain(name);
  });

  it('backs up and restores, keeping the replaced database aside', () => {
    const dir = tempDir();
    expect(
      cli('init', '--data-dir', dir, '--township', TOWNSHIP, '--admin', 'admin', '--password', PASSWORD).code,
    ).toBe(0);
    const backupFile = path.join(tempDir(), 'b.sqlite');
    const backup = cli('backup', '--data-dir', dir, '--out', backupFile);
    expect(backup.code).toBe(0);
    expect(fs.existsSync(backupFile)).toBe(true);
    expect(
      cli(
        'user',
        'add',
        '--data-dir',
        dir,
        '--username',
        'later',
        '--name',
        '后来',
        '--role',
        'clerk',
        '--password',
        PASSWORD,
      ).code,
    ).toBe(0);
    expect(query(dir, 'SELECT 1 FROM users')).toHaveLength(2);

    const restore = cli('restore', '--data-dir', dir, backupFile);
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('已恢复 玉井镇');
    expect(query(dir, 'SELECT 1 FROM users')).toHaveLength(1);
    const saved = fs.readdirSync(path.join(dir, 'backups')).filter((f) => /^before-restore.*\.sqlite$/.test(f));
    expect(saved).toHaveLength(1);

    const otherDir = tempDir();
    expect(
      cli('init', '--data-dir', otherDir, '--township', '140621101', '--admin', 'admin', '--password', PASSWORD).code,
    ).toBe(0);
    const otherBackup = path.join(tempDir(), 'other.sqlite');
    expect(cli('backup', '--data-dir', otherDir, '--out', otherBackup).code).toBe(0);
    const foreign = cli('restore', '--data-dir', dir, otherBackup);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain('北周庄镇');

    const notDb = path.join(tempDir(), 'x.sqlite');
    fs.writeFileSync(notDb, 'this is not sqlite');
    const refused = cli('restore', '--data-dir', dir, notDb);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('不是有效的数据库文件');
    expect(query(dir, 'SELECT 1 FROM users')).toHaveLength(1);
  });
  it('refuses every command that opens the database while the app holds the folder, in Chinese', () => {
    const dir = tempDir();
    const running = acquireDataDirLock(dir); // a running app: this test process
    const commands = [
      ['init', '--township', TOWNSHIP, '--admin', 'admin', '--password', PASSWORD],
      ['user', 'add', '--username', 'x1', '--name', '某', '--role', 'clerk', '--password', PASSWORD],
      ['keys', 'show'],
      ['push', '--once', '--url', 'http://127.0.0.1:9'],
      ['restore', path.join(dir, 'zongzhi.sqlite')],
    ];
    for (const args of commands) {
      const r = cli(...args, '--data-dir', dir);
      expect(r.code, args[0]).toBe(1);
      expect(r.err, args[0]).toContain(`综治工作台正在使用数据文件夹 ${dir}（进程号 ${process.pid}），请先关闭程序`);
    }
    expect(fs.existsSync(path.join(dir, 'zongzhi.sqlite'))).toBe(false); // nothing was opened or written
    running.release();

    // An earlier version's lock names a process number; one that another process now has (this
    // test's own) must not keep the folder locked. The command takes it and lets go when it ends.
    fs.writeFileSync(path.join(dir, 'app.lock'), String(process.pid));
    const init = cli('init', '--data-dir', dir, '--township', TOWNSHIP, '--admin', 'admin', '--password', PASSWORD);
    expect(init.code, init.err).toBe(0);
    acquireDataDirLock(dir).release();
    expect(query(dir, 'SELECT code FROM township')).toEqual([{ code: TOWNSHIP }]);
  }, 120_000); // seven CLI processes, each starting tsx
});
