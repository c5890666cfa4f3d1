/**
 * Backups that happen by themselves: at the first start of each day a copy of the database goes to
 * `backups/daily/` with its personal-information key beside it, the first one of each ISO week also
 * to `backups/weekly/`; 7 daily and 4 weekly are kept. Attachments (content-addressed, never
 * changed) are mirrored once into `backups/attachments/`. With a second folder set (a USB drive) the
 * same goes there too, under `ZongzhiDesk-backups/<乡镇代码>/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shanghaiDateIso } from '../../../shared/dates';
import { encodeKeys, type PiiKeys } from '../crypto/secret-store';
import { backupKeyFile } from '../db/backup-key';
import type Database from 'better-sqlite3';
import { defaultBackupFile } from '../db/backup';
import { ensurePrivateFile, PRIVATE_FILE_MODE, writePrivateFile } from '../private-files';
import { isoWeekOf } from './week';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

export type BackupKind = 'daily' | 'weekly' | 'manual';

export interface BackupEntry {
  kind: BackupKind;
  file: string;
  name: string;
  /** When the copy was made (the file's time). */
  at: string;
  size: number;
  /** Whether its personal-information key lies beside it. */
  hasKey: boolean;
}

export interface BackupPlaces {
  /** The live connection: SQLite's online backup copies it a few pages at a time, so the app stays responsive. */
  sqlite: Database.Database;
  /** The keys in use, written beside each copy (the desktop app's own are sealed, not a file to copy). */
  piiKeys: PiiKeys;
  attachmentsDir: string;
  backupsDir: string;
}

const layout = (backupsDir: string) => ({
  daily: path.join(backupsDir, 'daily'),
  weekly: path.join(backupsDir, 'weekly'),
  attachments: path.join(backupsDir, 'attachments'),
});

const stampOf = (day: string) => day.replace(/-/g, '');

/** A consistent copy of the live database into a new owner-only file, without holding up other work. */
async function copyDatabase(sqlite: Database.Database, file: string, now: Date): Promise<void> {
  if (fs.existsSync(file)) throw new Error(`备份文件已存在：${file}`);
  const part = `${file}.part`;
  fs.rmSync(part, { force: true });
  ensurePrivateFile(part);
  await sqlite.backup(part);
  fs.utimesSync(part, now, now); // the list shows when it was made, on the app's clock
  fs.renameSync(part, file);
}

/** Copies a backup and its key to another name (a weekly from the day's copy, a copy on the second folder). */
function copyBackup(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, `${to}.part`);
  fs.chmodSync(`${to}.part`, PRIVATE_FILE_MODE);
  const { atime, mtime } = fs.statSync(from);
  fs.utimesSync(`${to}.part`, atime, mtime); // a copy is as old as what it copies
  fs.renameSync(`${to}.part`, to);
  const key = backupKeyFile(from);
  if (fs.existsSync(key)) {
    fs.copyFileSync(key, backupKeyFile(to));
    fs.chmodSync(backupKeyFile(to), PRIVATE_FILE_MODE);
  }
}

/** Attachment files not yet in `target` are copied there (a file's name is its hash: never changes). */
export function mirrorAttachments(source: string, target: string): number {
  if (!fs.existsSync(source)) return 0;
  let copied = 0;
  for (const prefix of fs.readdirSync(source)) {
    const dir = path.join(source, prefix);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) {
      const to = path.join(target, prefix, name);
      if (fs.existsSync(to)) continue;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(dir, name), `${to}.part`);
      fs.renameSync(`${to}.part`, to);
      copied++;
    }
  }
  return copied;
}

/** Keeps the newest `keep` backups in `dir` (names sort by date), with their keys. */
function rotate(dir: string, keep: number): void {
  if (!fs.existsSync(dir)) return;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort();
  for (const old of files.slice(0, Math.max(0, files.length - keep))) {
    fs.rmSync(path.join(dir, old), { force: true });
    fs.rmSync(backupKeyFile(path.join(dir, old)), { force: true });
  }
}

export interface DailyResult {
  /** The day's copy, or null when it was already made today. */
  daily: string | null;
  weekly: string | null;
  attachmentsCopied: number;
}

/** The day's backup in `backupsDir`, unless one exists for `now`'s day (Shanghai); rotates. */
export async function dailyBackup(places: BackupPlaces, now: Date): Promise<DailyResult> {
  const day = shanghaiDateIso(now);
  const dirs = layout(places.backupsDir);
  const daily = path.join(dirs.daily, `zongzhi-daily-${stampOf(day)}.sqlite`);
  if (fs.existsSync(daily)) return { daily: null, weekly: null, attachmentsCopied: 0 };
  await copyDatabase(places.sqlite, daily, now);
  writePrivateFile(backupKeyFile(daily), encodeKeys(places.piiKeys));
  const weekly = path.join(dirs.weekly, `zongzhi-weekly-${isoWeekOf(day)}.sqlite`);
  const newWeek = !fs.existsSync(weekly);
  if (newWeek) copyBackup(daily, weekly);
  rotate(dirs.daily, KEEP_DAILY);
  rotate(dirs.weekly, KEEP_WEEKLY);
  const attachmentsCopied = mirrorAttachments(places.attachmentsDir, dirs.attachments);
  return { daily, weekly: newWeek ? weekly : null, attachmentsCopied };
}

/** A backup made now by hand, beside the automatic ones (kept until removed). */
export async function manualBackup(places: BackupPlaces, now: Date): Promise<string> {
  // Two in the same second (a double click) get their own names.
  let file = defaultBackupFile(places.backupsDir, now);
  for (let n = 2; fs.existsSync(file) || fs.existsSync(`${file}.part`); n++) {
    file = defaultBackupFile(places.backupsDir, now).replace(/\.sqlite$/, `-${n}.sqlite`);
  }
  await copyDatabase(places.sqlite, file, now);
  writePrivateFile(backupKeyFile(file), encodeKeys(places.piiKeys));
  mirrorAttachments(places.attachmentsDir, layout(places.backupsDir).attachments);
  return file;
}

/** The backups on file, newest first: the automatic ones and those made by hand. */
export function listBackups(backupsDir: string): BackupEntry[] {
  const dirs = layout(backupsDir);
  const entries: BackupEntry[] = [];
  const scan = (dir: string, kind: BackupKind, match: RegExp) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      if (!match.test(name)) continue;
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      entries.push({
        kind,
        file,
        name,
        at: stat.mtime.toISOString(),
        size: stat.size,
        hasKey: fs.existsSync(backupKeyFile(file)),
      });
    }
  };
  scan(dirs.daily, 'daily', /^zongzhi-daily-\d{8}\.sqlite$/);
  scan(dirs.weekly, 'weekly', /^zongzhi-weekly-\d{4}W\d{2}\.sqlite$/);
  scan(backupsDir, 'manual', /^zongzhi-\d{8}-\d{6}(-\d+)?\.sqlite$/);
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * The same backups on the second folder: the day's and week's copies, rotated there as here, and
 * the attachments. Under a folder per township, so one drive can serve several machines.
 */
export function mirrorToSecondFolder(places: BackupPlaces, folder: string, township: string): void {
  const target = path.join(folder, 'ZongzhiDesk-backups', township);
  const here = layout(places.backupsDir);
  const there = layout(target);
  for (const kind of ['daily', 'weekly'] as const) {
    if (!fs.existsSync(here[kind])) continue;
    for (const name of fs.readdirSync(here[kind]).filter((f) => f.endsWith('.sqlite'))) {
      const to = path.join(there[kind], name);
      if (!fs.existsSync(to)) copyBackup(path.join(here[kind], name), to);
    }
    rotate(there[kind], kind === 'daily' ? KEEP_DAILY : KEEP_WEEKLY);
  }
  mirrorAttachments(places.attachmentsDir, there.attachments);
}
