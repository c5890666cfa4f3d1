import os from 'node:os';
import path from 'node:path';

/** Folder name under the OS's per-user application data. */
export const APP_FOLDER = 'ZongzhiDesk';

/** Where the desktop app keeps its data; the CLI and the browser host use the same place. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_FOLDER);
}

/** The layout inside a data folder. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    dbFile: path.join(dataDir, 'zongzhi.sqlite'),
    backupsDir: path.join(dataDir, 'backups'),
    logsDir: path.join(dataDir, 'logs'),
    /** pii.key: the keys of the encrypted personal information (see crypto/secret-store.ts). */
    keysDir: path.join(dataDir, 'keys'),
    /** Case attachments, content-addressed: attachments/<sha256[0..2]>/<sha256>. */
    attachmentsDir: path.join(dataDir, 'attachments'),
    /** Attachment uploads under way, one folder per upload; beside the store so finishing is a rename. */
    uploadsDir: path.join(dataDir, 'tmp', 'uploads'),
  };
}
