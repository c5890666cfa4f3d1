import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export class DataDirBusyError extends Error {
  constructor(readonly pid: number | null) {
    super(`数据文件夹正被另一个综治工作台进程使用${pid ? `（进程号 ${pid}）` : ''}，请先关闭它`);
    this.name = 'DataDirBusyError';
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** A lock file of an earlier version held a process number, which a later process may reuse. */
function isPidFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      const n = fs.readSync(fd, head, 0, 16, 0);
      return n > 0 && head.toString('latin1', 0, n) !== SQLITE_HEADER.slice(0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function holderPid(pidFile: string): number | null {
  try {
    return Number(fs.readFileSync(pidFile, 'utf8')) || null;
  } catch {
    return null;
  }
}

/**
 * One running app per data folder (desktop window or browser host); restore needs it to itself.
 * The lock is an exclusive SQLite lock on `app.lock`, which the operating system drops when the
 * holder ends in any way: a crash leaves nothing to take over, and a reused process number cannot
 * keep the folder locked. `app.lock.pid` only names the holder in the message.
 */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'app.lock');
  const pidFile = `${file}.pid`;
  if (isPidFile(file)) fs.rmSync(file, { force: true });
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in this mode it is kept until the connection closes.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); COMMIT');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DataDirBusyError(holderPid(pidFile));
    throw err;
  }
  fs.writeFileSync(pidFile, String(process.pid));
  return {
    release: () => {
      if (!db.open) return;
      if (holderPid(pidFile) === process.pid) fs.rmSync(pidFile, { force: true });
      db.close();
    },
  };
}
