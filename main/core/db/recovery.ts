/**
 * A database file damaged on disk (a power cut on an old PC, a failing drive) is found at start by
 * `quick_check`; instead of a crash dialog the app offers the newest backup that this version can
 * restore and its key opens. The damaged file is kept aside, never deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listBackups, type BackupEntry } from '../backup/store';
import { chooseRestoreKey, installRestoredKey } from './backup-key';
import { checkBackupFile, defaultBackupFile, putBackupInPlace } from './backup';

/** What is wrong with the database file, or null when it is sound (or not there yet: a first start). */
export function databaseProblem(dbFile: string): string | null {
  if (!fs.existsSync(dbFile)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(dbFile, { fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    return result === 'ok' ? null : String(result);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    db?.close();
  }
}

export interface RecoveryCandidate extends BackupEntry {
  township: string;
}

/** The backups that would restore, newest first: checked, and opened by a key at hand. */
export function recoveryCandidates(backupsDir: string, keysDir: string, migrationsDir: string): RecoveryCandidate[] {
  return listBackups(backupsDir).flatMap((b) => {
    try {
      const { name } = checkBackupFile(b.file, migrationsDir);
      chooseRestoreKey(b.file, keysDir);
      return [{ ...b, township: name }];
    } catch {
      return [];
    }
  });
}

/**
 * Replaces a damaged database with `backup` (which must be one of the candidates): the damaged file
 * and its WAL are moved to `backups/damaged-….sqlite` with the key of the time beside it, the backup
 * is copied in without its triggers (start-up rebuilds them), and its key installed.
 */
export function recoverFromBackup(
  places: { dbFile: string; backupsDir: string; keysDir: string },
  backup: string,
  migrationsDir: string,
  now: Date,
): { damagedSavedAs: string } {
  checkBackupFile(backup, migrationsDir);
  const key = chooseRestoreKey(backup, places.keysDir);
  const damagedSavedAs = defaultBackupFile(places.backupsDir, now, 'damaged');
  fs.mkdirSync(places.backupsDir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(places.dbFile + suffix)) fs.renameSync(places.dbFile + suffix, damagedSavedAs + suffix);
  }
  putBackupInPlace(backup, places.dbFile);
  installRestoredKey(places.keysDir, key, damagedSavedAs);
  return { damagedSavedAs: path.resolve(damagedSavedAs) };
}
