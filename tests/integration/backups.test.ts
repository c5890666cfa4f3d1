import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir, openCore } from '../../main/core/app';
import { checkBackupFile } from '../../main/core/db/backup';
import { keysOpen } from '../../main/core/db/backup-key';
import { decodeKeys } from '../../main/core/crypto/secret-store';
import { KEEP_DAILY, KEEP_WEEKLY } from '../../main/core/backup/store';
import { callAsync, sha256, uploadFile } from '../helpers/attachments';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { makeCore, PASSWORD, tempDir } from '../helpers/core';

type T = ReturnType<typeof makeCaseTownship>;
let t: T | undefined;
afterEach(() => t?.core.close());

const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('backups that happen by themselves', () => {
  it('one a day with its key, one a week, 7 and 4 kept, attachments mirrored once', async () => {
    t = makeCaseTownship('2026-11-02T09:00:00+08:00'); // a Monday
    const c = t.ok('cases.create', caseInput(t.gridA), t.sessions.clerk).case;
    const photo = Buffer.from('现场照片的字节');
    expect((await uploadFile(t, t.sessions.clerk, c.id, photo)).ok).toBe(true);
    const backups = path.join(t.dataDir, 'backups');

    const first = await t.core.deps.backups.runDaily();
    expect(first.lastError).toBeNull();
    expect(files(path.join(backups, 'daily'))).toEqual([
      'zongzhi-daily-20261102.sqlite',
      'zongzhi-daily-20261102.sqlite.pii.key',
    ]);
    expect(files(path.join(backups, 'weekly'))).toEqual([
      'zongzhi-weekly-2026W45.sqlite',
      'zongzhi-weekly-2026W45.sqlite.pii.key',
    ]);
    const daily = path.join(backups, 'daily', 'zongzhi-daily-20261102.sqlite');
    expect(modeOf(daily)).toBe(0o600);
    // A copy this version restores, opened by the key beside it.
    expect(checkBackupFile(daily, path.join(defaultResourcesDir(), 'migrations')).code).toBe('140621100');
    const key = decodeKeys(fs.readFileSync(`${daily}.pii.key`, 'utf8'), 'key');
    expect(keysOpen(daily, key)).toBe(true);
    const hash = sha256(photo);
    expect(fs.readFileSync(path.join(backups, 'attachments', hash.slice(0, 2), hash))).toEqual(photo);

    // Later the same day: nothing new.
    t.at('2026-11-02T17:00:00+08:00');
    await t.core.deps.backups.runDaily();
    expect(files(path.join(backups, 'daily')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);

    // Five weeks of days: the newest 7 daily and 4 weekly remain.
    for (let day = 3; day <= 37; day++) {
      t.at(new Date(Date.parse('2026-11-01T01:00:00Z') + (day - 1) * 86_400_000).toISOString());
      await t.core.deps.backups.runDaily();
    }
    const dailies = files(path.join(backups, 'daily')).filter((f) => f.endsWith('.sqlite'));
    expect(dailies).toHaveLength(KEEP_DAILY);
    expect(dailies.at(-1)).toBe('zongzhi-daily-20261207.sqlite');
    const weeklies = files(path.join(backups, 'weekly')).filter((f) => f.endsWith('.sqlite'));
    expect(weeklies).toEqual([
      'zongzhi-weekly-2026W47.sqlite',
      'zongzhi-weekly-2026W48.sqlite',
      'zongzhi-weekly-2026W49.sqlite',
      'zongzhi-weekly-2026W50.sqlite',
    ]);
    expect(weeklies).toHaveLength(KEEP_WEEKLY);
    expect(files(path.join(backups, 'daily')).filter((f) => f.endsWith('.pii.key'))).toHaveLength(KEEP_DAILY);
  });

  it('管理员 sets a second folder (checked), backs up by hand, and both land there too', async () => {
    t = makeCaseTownship();
    const admin = t.sessions.admin;
    const usb = tempDir('zongzhi-usb-');
    const bad = await callAsync(t, 'backups.setSecondFolder', { folder: path.join(usb, 'missing') }, admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['folder'] }] } });
    expect(JSON.stringify(bad)).toContain('U 盘');
    const relative = await callAsync(t, 'backups.setSecondFolder', { folder: 'backup' }, admin);
    expect(JSON.stringify(relative)).toContain('完整的文件夹路径');

    const set = await callAsync(t, 'backups.setSecondFolder', { folder: usb }, admin);
    expect(set.ok).toBe(true);
    const there = path.join(usb, 'ZongzhiDesk-backups', '140621100');
    expect(files(path.join(there, 'daily'))).toContain('zongzhi-daily-20260930.sqlite');

    const made = await callAsync(t, 'backups.create', {}, admin);
    expect(made.ok).toBe(true);
    const file = (made as { data: { file: string } }).data.file;
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(`${file}.pii.key`)).toBe(true);
    const overview = t.ok<{ secondFolder: string; backups: { kind: string; name: string }[] }>(
      'backups.overview',
      {},
      admin,
    );
    expect(overview.secondFolder).toBe(usb);
    expect(overview.backups.map((b) => b.kind).sort()).toEqual(['daily', 'manual', 'weekly']);
    // Recorded: who set the folder and who made a backup.
    const audited = t.core.deps.conn.sqlite
      .prepare("SELECT method FROM audit_log WHERE method LIKE 'backups.%' ORDER BY id")
      .pluck()
      .all();
    expect(audited).toEqual(['backups.setSecondFolder', 'backups.create']);
    // Survives a restart: the setting is the data folder's.
    const dataDir = t.dataDir;
    t.core.close();
    t = undefined;
    const again = makeCore({ dataDir });
    try {
      expect(again.ok<{ secondFolder: string }>('backups.overview', {}, again.login('admin')).secondFolder).toBe(usb);
    } finally {
      again.core.close();
    }
  });

  it('only 管理员 may see or make backups', async () => {
    t = makeCaseTownship();
    for (const s of [t.sessions.clerk, t.sessions.reviewer]) {
      expect(t.call('backups.overview', {}, s)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await callAsync(t, 'backups.create', {}, s)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('restore from the page: only a listed backup, handed to the host; without a host that can, refused', async () => {
    t = makeCaseTownship();
    const listed = (await callAsync(t, 'backups.create', {}, t.sessions.admin)) as { data: { file: string } };
    const here = t.call('backups.restore', { file: listed.data.file }, t.sessions.admin);
    expect(here).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const dataDir = t.dataDir;
    t.core.close();
    t = undefined;
    const asked: string[] = [];
    const core = openCore({ dataDir, onRestoreRequest: (file, by) => asked.push(`${by.username} ${file}`) });
    try {
      const admin = core.dispatch({ method: 'auth.login', input: { username: 'admin', password: PASSWORD } });
      const session = (admin as { data: { session: string } }).data.session;
      const call = (file: string) => core.dispatch({ method: 'backups.restore', input: { file }, session });
      expect(call('/etc/passwd')).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ path: ['file'] }] },
      });
      expect(call(listed.data.file)).toEqual({ ok: true, data: { township: '玉井镇' } });
      expect(asked).toEqual([`admin ${listed.data.file}`]);
    } finally {
      core.close();
    }
  });
});
