import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SessionStore } from './auth/sessions';
import { createBackupSchedule } from './backup/schedule';
import { seedCaseDefaults } from './cases/seed';
import { sweepOverdue } from './cases/sweep';
import { sweepUploads } from './cases/uploads';
import { clockFromEnv, type Clock } from './clock';
import type { CoreDeps } from './context';
import { PiiCipher } from './crypto/pii';
import { fileSecretStore, type PiiKeys, type SecretStore } from './crypto/secret-store';
import { openDatabase } from './db/connection';
import { migrate, type MigrateResult } from './db/migrate';
import { dataPaths } from './paths';
import { installCaseSearch } from './cases/search';
import { createDispatcher, type Dispatch } from './rpc/dispatcher';
import { handlers, preparers } from './rpc/handlers';
import { openDivisionSource, type DivisionSource } from './setup/divisions';
import { getTownship } from './setup/service';
import { ledgerJobsOf, ledgerTempRoot } from './reports/ledger/jobs';
import { fileKeyStore, type KeyStore } from './sync/keystore';
import { createSyncScheduler, type SchedulerOptions } from './sync/scheduler';
import { dropChangeCapture, installChangeCapture } from './sync/triggers';

const UPLOAD_SWEEP_MS = 10 * 60_000;

export interface CoreOptions {
  dataDir: string;
  /** resources/migrations; the packaged app passes its resources path. */
  migrationsDir?: string;
  clock?: Clock;
  divisions?: DivisionSource;
  /** The township's keys; the desktop app passes one backed by safeStorage. */
  keys?: KeyStore;
  /** How uploads reach the county (fetch, timers); the host starts the schedule with `deps.sync.start()`. */
  sync?: SchedulerOptions;
  /**
   * Where the personal-information keys come from. Default: `<dataDir>/keys/pii.key` (0600), used by
   * browser mode, the CLI and tests; the Electron shell may pass a safeStorage-backed store.
   */
  secrets?: SecretStore;
  /** The host's way to restore a backup while running (close, restore, reopen); see CoreDeps. */
  onRestoreRequest?: CoreDeps['requestRestore'];
  /** How often the overdue sweep runs (ms); 0 runs it only at start. Default 10 minutes. */
  sweepIntervalMs?: number;
}

export interface Core {
  dispatch: Dispatch;
  deps: CoreDeps;
  migration: MigrateResult;
  paths: ReturnType<typeof dataPaths>;
  /** Raises 督办 on overdue cases now (also run at start and on a timer); returns how many. */
  sweepOverdue(): number;
  /** Stops the upload schedule (a pass in flight is abandoned) and closes the database. */
  close(): void;
  /**
   * Waits (up to `maxWaitMs`) for a pass in flight to finish, then closes: what hosts call on the
   * way out. A pass cut off here is safe: its bundle stays 'uploading' and goes again as the same bytes.
   */
  shutdown(maxWaitMs?: number): Promise<void>;
}

/** resources/ beside the source tree (dev, tests, CLI) — the packaged app passes its own. */
export function defaultResourcesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'resources', 'migrations'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('找不到 resources/migrations 目录');
    dir = up;
  }
  return path.join(dir, 'resources');
}

/** Opens (creating if needed) the township database in `dataDir`, migrates it, and returns the dispatcher. */
export function openCore(opts: CoreOptions): Core {
  const paths = dataPaths(opts.dataDir);
  const migrationsDir = opts.migrationsDir ?? path.join(defaultResourcesDir(), 'migrations');
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const conn = openDatabase(paths.dbFile);
  let migration: MigrateResult;
  const keys = opts.keys ?? fileKeyStore(paths.keysDir);
  try {
    migration = migrate(
      conn.sqlite,
      migrationsDir,
      paths.backupsDir,
      () => dropChangeCapture(conn.sqlite), // an ALTER TABLE fails on a column a trigger names
    );
    installChangeCapture(conn.sqlite);
    installCaseSearch(conn.sqlite);
    keys.townshipKey(); // the key pair exists from the first start, before anything is sent
  } catch (err) {
    conn.close();
    throw err;
  }
  let pii: PiiCipher;
  let piiKeys: PiiKeys;
  try {
    piiKeys = (opts.secrets ?? fileSecretStore(paths.keysDir)).loadOrCreatePiiKeys();
    pii = new PiiCipher(piiKeys);
  } catch (err) {
    conn.close();
    throw err;
  }
  const clock = opts.clock ?? clockFromEnv();
  const base = {
    conn,
    pii,
    clock,
    sessions: new SessionStore(),
    divisions: opts.divisions ?? openDivisionSource(),
    keys,
    dataDir: paths.dataDir,
    backupsDir: paths.backupsDir,
    migrationsDir,
    requestRestore: opts.onRestoreRequest ?? null,
    backups: createBackupSchedule(
      { ...paths, sqlite: conn.sqlite, piiKeys },
      clock,
      () => getTownship(conn.db)?.code ?? null,
    ),
    attachmentsDir: paths.attachmentsDir,
    uploadsDir: paths.uploadsDir,
  };
  const deps: CoreDeps = { ...base, sync: createSyncScheduler(base, opts.sync) };
  // A township set up before cases existed gets the default taxonomy and calendar now.
  if (getTownship(conn.db)) {
    const now = deps.clock.now().toISOString();
    conn.sqlite.transaction(() => seedCaseDefaults(conn.db, now, 'system')).immediate();
  }
  const sweep = () => sweepOverdue(deps);
  sweep();
  const sweepMs = opts.sweepIntervalMs ?? 10 * 60_000;
  const sweepTimer =
    sweepMs > 0
      ? setInterval(() => {
          // A failed pass (database busy, disk full) must not end the app; the next one tries again.
          try {
            sweep();
          } catch (err) {
            console.error('超期督办扫描失败：', err);
          }
        }, sweepMs)
      : undefined;
  sweepTimer?.unref();
  // Attachment uploads: none survives a restart; while running, one idle for an hour is abandoned.
  // File times are wall-clock times, so this compares with Date.now(), not the injected clock.
  sweepUploads(paths.uploadsDir, Date.now(), 0);
  // Ledger workbooks of a run that did not close (they may hold full ID numbers): gone at start.
  fs.rmSync(ledgerTempRoot(deps), { recursive: true, force: true });
  const uploadsTimer = setInterval(() => {
    try {
      sweepUploads(paths.uploadsDir, Date.now());
    } catch (err) {
      console.error('清理过期上传失败：', err);
    }
  }, UPLOAD_SWEEP_MS);
  uploadsTimer.unref();
  const close = () => {
    clearInterval(sweepTimer);
    clearInterval(uploadsTimer);
    ledgerJobsOf(deps).dispose();
    deps.backups.stop();
    void deps.sync.stop();
    if (conn.sqlite.open) conn.close();
  };
  return {
    dispatch: createDispatcher(deps, handlers, preparers),
    deps,
    migration,
    paths,
    sweepOverdue: sweep,
    close,
    shutdown: async (maxWaitMs = 5000) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)));
      await Promise.race([deps.sync.stop(), limit]);
      clearTimeout(timer);
      close();
    },
  };
}
