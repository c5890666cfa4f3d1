import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SessionStore } from './auth/sessions';
import { systemClock, type Clock } from './clock';
import type { CoreDeps } from './context';
import { PiiCipher } from './crypto/pii';
import { fileSecretStore, type SecretStore } from './crypto/secret-store';
import { openDatabase } from './db/connection';
import { migrate, type MigrateResult } from './db/migrate';
import { dataPaths } from './paths';
import { createDispatcher, type Dispatch } from './rpc/dispatcher';
import { handlers, preparers } from './rpc/handlers';
import { openDivisionSource, type DivisionSource } from './setup/divisions';
import { fileKeyStore, type KeyStore } from './sync/keystore';
import { createSyncScheduler, type SchedulerOptions } from './sync/scheduler';
import { dropChangeCapture, installChangeCapture } from './sync/triggers';

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
}

export interface Core {
  dispatch: Dispatch;
  deps: CoreDeps;
  migration: MigrateResult;
  paths: ReturnType<typeof dataPaths>;
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
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const conn = openDatabase(paths.dbFile);
  let migration: MigrateResult;
  const keys = opts.keys ?? fileKeyStore(paths.keysDir);
  try {
    migration = migrate(
      conn.sqlite,
      opts.migrationsDir ?? path.join(defaultResourcesDir(), 'migrations'),
      paths.backupsDir,
      () => dropChangeCapture(conn.sqlite), // an ALTER TABLE fails on a column a trigger names
    );
    installChangeCapture(conn.sqlite);
    keys.townshipKey(); // the key pair exists from the first start, before anything is sent
  } catch (err) {
    conn.close();
    throw err;
  }
  let pii: PiiCipher;
  try {
    pii = new PiiCipher((opts.secrets ?? fileSecretStore(paths.keysDir)).loadOrCreatePiiKeys());
  } catch (err) {
    conn.close();
    throw err;
  }
  const base = {
    conn,
    pii,
    clock: opts.clock ?? systemClock,
    sessions: new SessionStore(),
    divisions: opts.divisions ?? openDivisionSource(),
    keys,
  };
  const deps: CoreDeps = { ...base, sync: createSyncScheduler(base, opts.sync) };
  const close = () => {
    void deps.sync.stop();
    if (conn.sqlite.open) conn.close();
  };
  return {
    dispatch: createDispatcher(deps, handlers, preparers),
    deps,
    migration,
    paths,
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
