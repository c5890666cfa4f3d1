import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import { backupDatabase } from '../../main/core/db/backup';
import { makeTownship, tempDir } from '../helpers/core';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const cleanups: (() => unknown)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

// File modes are a POSIX matter; Windows keeps the data folder in the user's profile.
describe.skipIf(process.platform === 'win32')('files holding personal data are owner-only', () => {
  it('the database and its WAL files, from the first start', () => {
    const t = makeTownship();
    cleanups.push(() => t.core.close());
    const db = path.join(t.dataDir, 'zongzhi.sqlite');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) expect(modeOf(f), path.basename(f)).toBe(0o600);
  });

  it('a database left readable by others by an earlier version is made owner-only at start', () => {
    const t = makeTownship();
    const db = path.join(t.dataDir, 'zongzhi.sqlite');
    t.core.close();
    fs.chmodSync(db, 0o644);
    const core = openCore({ dataDir: t.dataDir });
    cleanups.push(() => core.close());
    expect(modeOf(db)).toBe(0o600);
  });

  it('a backup, also when the umask would allow others to read it', () => {
    const t = makeTownship();
    cleanups.push(() => t.core.close());
    const old = process.umask(0o022);
    try {
      const out = backupDatabase(path.join(t.dataDir, 'zongzhi.sqlite'), path.join(tempDir(), 'b.sqlite'));
      expect(modeOf(out)).toBe(0o600);
      expect(fs.statSync(out).size).toBeGreaterThan(0);
    } finally {
      process.umask(old);
    }
  });
});
