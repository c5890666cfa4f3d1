import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { ensurePrivateFile } from '../private-files';
import { MIGRATION_STEPS, type MigrationStep } from './migration-steps';

/** Schema version = number of migrations applied, kept in PRAGMA user_version. */
export function schemaVersionOf(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

export class NewerSchemaError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `数据库由更新版本的综治工作台写入（数据结构版本 ${fileVersion}，本程序支持到 ${appVersion}）。` +
        '请安装最新版本后再打开，切勿用旧版本修改此数据库。',
    );
    this.name = 'NewerSchemaError';
  }
}

export interface MigrateResult {
  from: number;
  to: number;
  /** The VACUUM INTO copy taken before migrating, if anything was applied to existing data. */
  backupFile: string | null;
}

/**
 * Applies drizzle-kit migrations from `migrationsDir` (with their steps) in one transaction, after
 * a VACUUM INTO backup of a non-empty database. Refuses a database written by a newer schema.
 */
export function migrate(
  sqlite: Database.Database,
  migrationsDir: string,
  backupDir: string,
  /** Runs in the migration transaction first, e.g. to drop triggers that would block an ALTER TABLE. */
  beforeApply: () => void = () => {},
  /** Code run right after the migration of that number (see migration-steps.ts). */
  steps: Record<number, MigrationStep> = MIGRATION_STEPS,
): MigrateResult {
  const migrations = readMigrationFiles({ migrationsFolder: migrationsDir });
  const from = schemaVersionOf(sqlite);
  const to = migrations.length;
  if (from > to) throw new NewerSchemaError(from, to);
  if (from === to) return { from, to, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0) {
    fs.mkdirSync(backupDir, { recursive: true });
    backupFile = path.join(backupDir, `before-migrate-v${from}-to-v${to}-${Date.now()}.sqlite`);
    ensurePrivateFile(backupFile);
    sqlite.prepare('VACUUM INTO ?').run(backupFile);
  }
  // drizzle-kit rebuilds a table by copy-drop-rename, which the foreign keys would refuse mid-way;
  // the pragma is ignored inside a transaction, so it is switched off around it and the whole
  // result checked before commit.
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      beforeApply();
      for (let n = from; n < to; n++) {
        for (const stmt of migrations[n]!.sql) {
          if (stmt.trim()) sqlite.exec(stmt);
        }
        steps[n]?.(sqlite);
      }
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`迁移后有 ${broken.length} 条记录的关联失效，已撤销本次升级`);
      sqlite.pragma(`user_version = ${to}`);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { from, to, backupFile };
}
