import type { backupsApi } from '../../../shared/api/backups';
import { ApiError, fieldError } from '../../../shared/errors';
import { checkBackupFile } from '../db/backup';
import { chooseRestoreKey } from '../db/backup-key';
import { dataPaths } from '../paths';
import type { CoreDeps, Handlers, Preparers } from '../context';
import { writeBackupSettings, secondFolderProblem } from './settings';
import { listBackups } from './store';

function overview(deps: CoreDeps) {
  return { ...deps.backups.status(), backups: listBackups(deps.backupsDir) };
}

// Copying files cannot run inside a transaction: the work is the preparer's, the handler records it.
export const backupsPreparers: Preparers<typeof backupsApi> = {
  'backups.create': async (_input, deps) => ({ file: await deps.backups.runManual() }),
  'backups.setSecondFolder': async (input, deps) => {
    if (input.folder !== null) {
      const problem = secondFolderProblem(input.folder);
      if (problem) throw fieldError(['folder'], problem);
    }
    writeBackupSettings(deps.dataDir, { secondFolder: input.folder });
    await deps.backups.runDaily(); // copies what is there now to the new place
    return null;
  },
};

/** The file must be one of the backups the page lists, checked as the CLI's restore checks it. */
function restorable(deps: CoreDeps, file: string): string {
  if (!listBackups(deps.backupsDir).some((b) => b.file === file)) {
    throw fieldError(['file'], '只能恢复“数据备份”页列出的备份');
  }
  const { name } = checkBackupFile(file, deps.migrationsDir);
  chooseRestoreKey(file, dataPaths(deps.dataDir).keysDir);
  return name;
}

export const backupsHandlers: Handlers<typeof backupsApi> = {
  'backups.overview': (_input, ctx) => overview(ctx),
  'backups.create': (_input, ctx) => ctx.prepared as { file: string },
  'backups.setSecondFolder': (_input, ctx) => overview(ctx),
  'backups.restore': (input, ctx) => {
    if (!ctx.requestRestore) throw new ApiError('CONFLICT', '此处不能在运行中恢复，请关闭程序后用命令行 restore 恢复');
    const township = restorable(ctx, input.file);
    // The host closes this database and restores once this call has answered.
    ctx.requestRestore(input.file, ctx.user!);
    return { township };
  },
};
