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

export interface CoreOptions {
  dataDir: string;
  /** resources/migrations; the packaged app passes its resources path. */
  migrationsDir?: string;
  clock?: Clock;
  divisions?: DivisionSource;
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
  close(): void;
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
  try {
    migration = migrate(
      conn.sqlite,
      opts.migrationsDir ?? path.join(defaultResourcesDir(), 'migrations'),
      paths.backupsDir,
    );
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
  const deps: CoreDeps = {
    conn,
    pii,
    clock: opts.clock ?? systemClock,
    sessions: new SessionStore(),
    divisions: opts.divisions ?? openDivisionSource(),
  };
  return { dispatch: createDispatcher(deps, handlers, preparers), deps, migration, paths, close: () => conn.close() };
}
