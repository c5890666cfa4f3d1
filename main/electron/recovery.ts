import { dialog } from 'electron';
import { BACKUP_KIND_LABELS } from '../../shared/api/backups';
import { formatDateTime } from '../../shared/dates';
import { systemClock } from '../core/clock';
import { databaseProblem, recoverFromBackup, recoveryCandidates } from '../core/db/recovery';
import { dataPaths } from '../core/paths';

/**
 * At start, a damaged database file: offer the newest backup that would restore instead of a crash
 * dialog. True when the database is sound or was restored; false when the app should quit.
 */
export function recoverDamagedDatabase(dataDir: string, migrationsDir: string): boolean {
  const paths = dataPaths(dataDir);
  const problem = databaseProblem(paths.dbFile);
  if (!problem) return true;
  const [newest] = recoveryCandidates(paths.backupsDir, paths.keysDir, migrationsDir);
  if (!newest) {
    dialog.showErrorBox(
      '综治工作台无法启动',
      `数据库文件已损坏（${problem}），且没有找到可用的备份。请联系技术支持；损坏的文件不要删除。`,
    );
    return false;
  }
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: '数据库文件已损坏',
    message: '数据库文件已损坏，可以用最新的备份恢复',
    detail:
      `检查结果：${problem}\n` +
      `最新可用备份：${formatDateTime(newest.at)}（${BACKUP_KIND_LABELS[newest.kind]}）\n${newest.file}\n\n` +
      '恢复后，备份之后录入的数据需要重新录入；损坏的文件会另存到备份文件夹，不会删除。',
    buttons: ['用此备份恢复', '退出'],
    defaultId: 0,
    cancelId: 1,
  });
  if (choice !== 0) return false;
  recoverFromBackup(paths, newest.file, migrationsDir, systemClock.now());
  return true;
}
