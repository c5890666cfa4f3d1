import { z } from 'zod';
import { method } from './define';

export const BACKUP_KIND_LABELS = { daily: '每日自动', weekly: '每周保留', manual: '手动' } as const;

export const backupEntrySchema = z.object({
  kind: z.enum(['daily', 'weekly', 'manual']),
  file: z.string(),
  name: z.string(),
  at: z.string(),
  size: z.number(),
  hasKey: z.boolean(),
});
export type BackupEntryInfo = z.infer<typeof backupEntrySchema>;

export const backupOverviewSchema = z.object({
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
  secondFolder: z.string().nullable(),
  secondFolderError: z.string().nullable(),
  backups: z.array(backupEntrySchema),
});
export type BackupOverview = z.infer<typeof backupOverviewSchema>;

export const backupsApi = {
  'backups.overview': method({
    title: '查看备份',
    access: ['admin'],
    write: false,
    input: z.object({}),
    output: backupOverviewSchema,
  }),
  'backups.create': method({
    title: '立即备份',
    access: ['admin'],
    write: true,
    input: z.object({}),
    output: z.object({ file: z.string() }),
  }),
  /** Replaces every record with a backup's: the app closes its database, restores, opens it again. */
  'backups.restore': method({
    title: '恢复备份',
    access: ['admin'],
    write: true,
    input: z.object({ file: z.string().min(1, { message: '请选择备份' }).max(1000) }),
    output: z.object({ township: z.string() }),
  }),
  'backups.setSecondFolder': method({
    title: '设置第二备份位置',
    access: ['admin'],
    write: true,
    input: z.object({
      // A folder on a USB drive; null stops copying there.
      folder: z
        .string()
        .trim()
        .max(500, { message: '文件夹路径过长' })
        .min(1, { message: '请填写文件夹路径' })
        .nullable(),
    }),
    output: backupOverviewSchema,
  }),
};
