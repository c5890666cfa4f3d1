import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir, openCore } from '../../main/core/app';
import { databaseProblem, recoverFromBackup, recoveryCandidates } from '../../main/core/db/recovery';
import { dataPaths } from '../../main/core/paths';
import { makeTownship } from '../helpers/core';

const root = path.resolve(import.meta.dirname, '../..');
const migrationsDir = path.join(defaultResourcesDir(), 'migrations');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A township with one grid, its day's backup, then a second grid the backup does not have. */
async function backedUpTownship() {
  const t = makeTownship();
  const [village] = t.ok<{ id: string }[]>('org.listVillages', {}, t.admin);
  const grid = (name: string) =>
    t.ok('org.createGrid', { villageId: village!.id, type: 'village', name, households: 9, residents: 20 }, t.admin);
  grid('备份前的网格');
  expect((await t.core.deps.backups.runDaily()).lastError).toBeNull();
  grid('备份后的网格');
  t.core.close();
  return t.dataDir;
}

/** Overwrites a few pages in the middle of the file, as a failing disk would. */
function damage(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(dbFile, 'r+');
  const at = Math.floor(pages / 2) * pageSize;
  fs.writeSync(fd, crypto.randomBytes(pageSize * 3), 0, pageSize * 3, at);
  fs.closeSync(fd);
}

const gridNames = (dataDir: string) => {
  const db = new Database(dataPaths(dataDir).dbFile, { readonly: true });
  try {
    return db.prepare('SELECT name FROM grids ORDER BY name').pluck().all();
  } finally {
    db.close();
  }
};

describe('a damaged database file at start', () => {
  it('is found by quick_check, and the newest backup that restores replaces it; the damaged file is kept', async () => {
    const dataDir = await backedUpTownship();
    const paths = dataPaths(dataDir);
    expect(databaseProblem(paths.dbFile)).toBeNull();
    damage(paths.dbFile);
    expect(databaseProblem(paths.dbFile)).not.toBeNull();
    const candidates = recoveryCandidates(paths.backupsDir, paths.keysDir, migrationsDir);
    expect(candidates.map((c) => c.kind).sort()).toEqual(['daily', 'weekly']);

    const r = recoverFromBackup(paths, candidates[0]!.file, migrationsDir, new Date());
    expect(fs.existsSync(r.damagedSavedAs)).toBe(true);
    expect(fs.existsSync(`${r.damagedSavedAs}.pii.key`)).toBe(true);
    expect(databaseProblem(paths.dbFile)).toBeNull();
    const core = openCore({ dataDir });
    cleanups.push(() => core.close());
    expect(gridNames(dataDir)).toEqual(['备份前的网格']);
  });

  it('browser mode: serve opens a recovery page instead of exiting, restores the chosen backup, then serves the app', async () => {
    const dataDir = await backedUpTownship();
    damage(dataPaths(dataDir).dbFile);
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'main/cli.ts'), 'serve', '--data-dir', dataDir, '--port', '0'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(
      () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    );
    let output = '';
    const seen = (re: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const look = () => {
          const m = re.exec(output);
          if (m) resolve(m);
          return Boolean(m);
        };
        if (look()) return;
        const onData = (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (look()) child.stdout!.off('data', onData);
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
      });
    const openUrl = (await seen(/请在浏览器中打开：(\S+)/))[1]!;
    expect(output).toContain('已进入恢复模式，可用备份 2 份');
    const url = new URL(openUrl);
    const token = url.searchParams.get('token')!;

    const recoveryPage = await fetch(openUrl);
    expect(recoveryPage.status).toBe(503);
    const html = await recoveryPage.text();
    expect(html).toContain('数据库文件已损坏');
    expect(html).toContain('用此备份恢复');
    expect((await fetch(`${url.origin}/?token=wrong`)).status).toBe(403);
    const forged = await fetch(`${url.origin}/recover`, {
      method: 'POST',
      body: new URLSearchParams({ token: 'x', choice: '0' }),
    });
    expect(forged.status).toBe(403);

    const chosen = await fetch(`${url.origin}/recover`, {
      method: 'POST',
      body: new URLSearchParams({ token, choice: '0' }),
    });
    expect(chosen.status).toBe(200);
    expect(await chosen.text()).toContain('已用备份恢复');
    // The usual host comes up on the same address and token.
    await seen(/当前为 \S+/);
    const health = await fetch(`${url.origin}/api/rpc/setup.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zongzhi-token': token },
      body: '{}',
    });
    expect(health.status).toBe(200);
    expect(gridNames(dataDir)).toEqual(['备份前的网格']);
  });
});
