import type { backupsApi } from '../../../shared/api/backups';
import { fieldError } from '../../../shared/errors';
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

export const backupsHandlers: Handlers<typeof backupsApi> = {
  'backups.overview': (_input, ctx) => overview(ctx),
  'backups.create': (_input, ctx) => ctx.prepared as { file: string },
  'backups.setSecondFolder': (_input, ctx) => overview(ctx),
};
