import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { holdCore, type CoreHolder } from '../core/core-holder';
import { NewerSchemaError } from '../core/db/migrate';
import { acquireDataDirLock, DataDirBusyError } from '../core/instance-lock';
import { recoverDamagedDatabase } from './recovery';
import { dataPaths, defaultDataDir } from '../core/paths';
import { dataDirArg } from './args';
import { countyFetch } from './county-net';
import { registerRpc } from './ipc';
import { ledgerFileForSession } from '../core/reports/ledger/jobs';
import { registerReportIpc } from './report-ipc';
import { safeStorageKeyStore, safeStorageSecretStore } from './keystore';
import { buildMenu } from './menu';
import { rendererSource } from './origin';
import { hardenSession } from './session';
import { createMainWindow } from './window';

// Bundled to out/main/index.js; the preload and the renderer sit beside it under out/.
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = rendererSource(outDir, app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);

const dataDir = dataDirArg(process.argv) ?? defaultDataDir();
// Chromium's own files go into the data folder too (setPath needs the folder to exist). Set before
// requestSingleInstanceLock, which Chromium keys on the userData folder: one window per data
// folder, while a copy started with another --data-dir may run beside it.
let dataDirError: unknown = null;
try {
  fs.mkdirSync(dataDir, { recursive: true });
  app.setPath('userData', dataDir);
} catch (err) {
  dataDirError = err; // shown once the app is ready (dialogs need it)
}
app.enableSandbox();

let lock: { release(): void } | null = null;
let core: CoreHolder | null = null;
let mainWindow: BrowserWindow | null = null;

function start(): void {
  try {
    if (dataDirError) throw dataDirError;
    // Also keeps the CLI (serve, restore) off this folder while the window is open.
    lock = acquireDataDirLock(dataDir);
    const migrationsDir = app.isPackaged
      ? path.join(process.resourcesPath, 'migrations')
      : path.join(app.getAppPath(), 'resources', 'migrations');
    if (!recoverDamagedDatabase(dataDir, migrationsDir)) {
      lock.release();
      app.quit();
      return;
    }
    core = holdCore(
      {
        dataDir,
        migrationsDir,
        keys: safeStorageKeyStore(dataPaths(dataDir).keysDir),
        secrets: safeStorageSecretStore(dataPaths(dataDir).keysDir),
        sync: { fetch: countyFetch(), log: (line) => console.warn(line) },
      },
      (opened) => {
        opened.deps.sync.start(); // upload to the county: now, on schedule, and on 立即上报
        opened.deps.backups.start(); // the day's backup, if this is the first start today
      },
      (line) => console.warn(line),
    );
  } catch (err) {
    const message =
      err instanceof NewerSchemaError || err instanceof DataDirBusyError
        ? err.message
        : `无法打开数据文件夹 ${dataDir} 中的数据库：${err instanceof Error ? err.message : String(err)}`;
    lock?.release();
    dialog.showErrorBox('综治工作台无法启动', message);
    app.quit();
    return;
  }

  hardenSession(session.defaultSession, source);
  registerRpc(core.dispatch, source, () => mainWindow);
  const held = core;
  registerReportIpc(
    source,
    () => mainWindow,
    (jobId, s) => ledgerFileForSession(held.core.deps, jobId, s),
  );
  Menu.setApplicationMenu(buildMenu(dataDir, () => mainWindow));
  mainWindow = createMainWindow(source, path.join(outDir, 'preload', 'index.cjs'));
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) {
      lock?.release();
      lock = null;
      return;
    }
    // Let an upload in flight finish (its receipt stored) before the database closes, then quit again.
    event.preventDefault();
    const closing = core.core;
    core = null;
    void closing.shutdown().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
