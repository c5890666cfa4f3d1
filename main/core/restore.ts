/**
 * Replaces the data folder's database with a backup: checked first (schema, township, a key that
 * opens it), the current database saved beside the backups with its key, the backup's key installed,
 * then opened once so an older backup migrates and the county's bookkeeping is carried forward. Any
 * failure after the swap puts everything back. The caller holds the folder's lock, and no core may be
 * open on it (the CLI's `restore`, or a host that closed its core first).
 */
import path from 'node:path';
import { defaultResourcesDir, openCore, type CoreOptions } from './app';
import { checkBackupFile, restoreDatabase, undoRestore } from './db/backup';
import { chooseRestoreKey, installRestoredKey, undoRestoredKey } from './db/backup-key';
import { dataPaths } from './paths';
import { carrySyncForward } from './sync/restore-sync';

export function restoreDataFolder(
  from: string,
  opts: Omit<CoreOptions, 'dataDir'> & { dataDir: string; now: Date },
): { township: string; previousSavedAs: string | null } {
  const paths = dataPaths(opts.dataDir);
  const migrationsDir = opts.migrationsDir ?? path.join(defaultResourcesDir(), 'migrations');
  // Before anything is replaced: a backup no key can open would lose every ID number and phone.
  checkBackupFile(from, migrationsDir);
  const key = chooseRestoreKey(from, paths.keysDir);
  const r = restoreDatabase({ dbFile: paths.dbFile, backupsDir: paths.backupsDir, from, migrationsDir, now: opts.now });
  installRestoredKey(paths.keysDir, key, r.previousSavedAs);
  const core = openCore(opts);
  try {
    if (r.previousSavedAs) carrySyncForward(core.deps.conn.sqlite, r.previousSavedAs, core.deps.clock.now());
  } catch (err) {
    core.close();
    undoRestore(paths.dbFile, r.previousSavedAs!);
    undoRestoredKey(paths.keysDir, r.previousSavedAs!);
    throw new Error(`恢复已撤销，数据库保持恢复前的状态：${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  core.close();
  return r;
}
