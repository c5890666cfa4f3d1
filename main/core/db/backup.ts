import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { ApiError } from '../../../shared/errors';
import { NewerSchemaError } from './migrate';
import { dropAllTriggers, unexpectedSchemaObjects } from './backup-schema';
import { ensurePrivateFile, PRIVATE_FILE_MODE } from '../private-files';

function stampForFile(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** A consistent copy of the live database (VACUUM INTO works while others read and write). */
export function backupDatabase(dbFile: string, outFile: string): string {
  if (fs.existsSync(outFile)) throw new ApiError('CONFLICT', `备份文件已存在：${outFile}`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // VACUUM INTO fills an empty file and keeps its mode: owner-only from the first byte.
    ensurePrivateFile(outFile);
    db.prepare('VACUUM INTO ?').run(outFile);
  } finally {
    db.close();
  }
  return outFile;
}

export function defaultBackupFile(backupsDir: string, now: Date, label = 'zongzhi'): string {
  return path.join(backupsDir, `${label}-${stampForFile(now)}.sqlite`);
}

/** Checks that `file` is a township database this version can open; returns its township name. */
export function checkBackupFile(file: string, migrationsDir: string): { code: string; name: string } {
  if (!fs.existsSync(file)) throw new ApiError('NOT_FOUND', `找不到备份文件：${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new ApiError('VALIDATION', `${file} 不是有效的数据库文件`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new ApiError('VALIDATION', `备份文件已损坏：${String(integrity)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const known = readMigrationFiles({ migrationsFolder: migrationsDir }).length;
    if (version > known) throw new NewerSchemaError(version, known);
    const extra = unexpectedSchemaObjects(db, migrationsDir);
    if (extra.length) {
      const more = extra.length > 5 ? `等 ${extra.length} 处` : '';
      throw new ApiError(
        'VALIDATION',
        `备份文件的数据库结构不是本程序生成的，不能恢复：${extra.slice(0, 5).join('；')}${more}`,
      );
    }
    const hasTownship = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='township'").get();
    const row = hasTownship
      ? (db.prepare('SELECT code, name FROM township LIMIT 1').get() as { code: string; name: string } | undefined)
      : undefined;
    if (!row) throw new ApiError('VALIDATION', `${file} 不是综治工作台的数据备份（缺少乡镇信息）`);
    return row;
  } catch (err) {
    if (err instanceof ApiError || err instanceof NewerSchemaError) throw err;
    throw new ApiError('VALIDATION', `${file} 不是有效的数据库文件`);
  } finally {
    db.close();
  }
}

function townshipCodeOf(dbFile: string): string | null {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='township'").get();
    return hasTable
      ? ((db.prepare('SELECT code FROM township LIMIT 1').pluck().get() as string | undefined) ?? null)
      : null;
  } finally {
    db.close();
  }
}

/**
 * Replaces the database with a checked backup. The current database is first saved beside the
 * other backups, so a restore can itself be undone. The caller must hold the data folder's lock.
 */
export function restoreDatabase(opts: {
  dbFile: string;
  backupsDir: string;
  from: string;
  migrationsDir: string;
  now: Date;
}): { township: string; previousSavedAs: string | null } {
  const backup = checkBackupFile(opts.from, opts.migrationsDir);
  // A backup of another township would mix two townships' data and change-log numbering.
  const current = fs.existsSync(opts.dbFile) ? townshipCodeOf(opts.dbFile) : null;
  if (current && current !== backup.code) {
    throw new ApiError(
      'CONFLICT',
      `该备份属于${backup.name}（${backup.code}），与本机乡镇（${current}）不一致，不能恢复`,
    );
  }
  const township = backup.name;
  let previousSavedAs: string | null = null;
  if (fs.existsSync(opts.dbFile)) {
    previousSavedAs = backupDatabase(opts.dbFile, defaultBackupFile(opts.backupsDir, opts.now, 'before-restore'));
  }
  putBackupInPlace(opts.from, opts.dbFile);
  return { township, previousSavedAs };
}

/**
 * Puts a checked backup where the database lives: copied aside (owner-only), stripped of its
 * triggers (start-up rebuilds the app's own from code), then renamed over it with no stale WAL.
 */
export function putBackupInPlace(from: string, dbFile: string): void {
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(from, tmp);
  fs.chmodSync(tmp, PRIVATE_FILE_MODE);
  const copy = new Database(tmp, { fileMustExist: true });
  try {
    dropAllTriggers(copy);
  } finally {
    copy.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  fs.renameSync(tmp, dbFile);
}

/** Puts the database saved before a restore back in place (the restore could not be completed). */
export function undoRestore(dbFile: string, savedAs: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  fs.copyFileSync(savedAs, dbFile);
}
