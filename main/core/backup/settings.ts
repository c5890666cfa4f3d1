/**
 * Where backups also go (a USB drive the clerk picked): `backup.json` in the data folder, this
 * machine's own setting, read and checked like any input from outside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const settingsSchema = z.object({ secondFolder: z.string().min(1).nullable() });
export type BackupSettings = z.infer<typeof settingsSchema>;

const fileOf = (dataDir: string) => path.join(dataDir, 'backup.json');

/** The settings, or the defaults with a Chinese reason when the file is there but unreadable. */
export function readBackupSettings(dataDir: string): { settings: BackupSettings; problem: string | null } {
  const file = fileOf(dataDir);
  if (!fs.existsSync(file)) return { settings: { secondFolder: null }, problem: null };
  try {
    return { settings: settingsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), problem: null };
  } catch {
    return { settings: { secondFolder: null }, problem: `备份设置文件 ${file} 无法读取，已按未设置第二备份位置处理` };
  }
}

export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  const file = fileOf(dataDir);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(settingsSchema.parse(settings), null, 2));
  fs.renameSync(tmp, file);
}

/** Why `folder` cannot take backups, or null: it must be an absolute path to a writable folder. */
export function secondFolderProblem(folder: string): string | null {
  if (!path.isAbsolute(folder)) return '请填写完整的文件夹路径，例如 E:\\综治备份 或 /media/usb/综治备份';
  try {
    if (!fs.statSync(folder).isDirectory()) return `${folder} 不是文件夹`;
    fs.accessSync(folder, fs.constants.W_OK);
    return null;
  } catch {
    return `无法写入文件夹 ${folder}：请确认 U 盘已插好、文件夹存在且可写`;
  }
}
