import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir, openCore } from '../../main/core/app';
import { fileSecretStore } from '../../main/core/crypto/secret-store';
import { backupDatabase, checkBackupFile, restoreDatabase } from '../../main/core/db/backup';
import { keysOpen } from '../../main/core/db/backup-key';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { tempDir } from '../helpers/core';

const migrationsDir = path.join(defaultResourcesDir(), 'migrations');
const cleanups: (() => unknown)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** A township with a case (a caller's phone, sealed) and no persons' ID numbers, backed up. */
function backedUp() {
  const t = makeCaseTownship();
  cleanups.push(() => t.core.deps.conn.sqlite.open && t.core.close());
  const file = path.join(tempDir(), 'b.sqlite');
  backupDatabase(path.join(t.dataDir, 'zongzhi.sqlite'), file);
  return { t, file };
}

/** The backup without any person (so no ID number): what is sealed there is only other columns. */
function withoutPersons(file: string) {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  db.exec('DROP TRIGGER sync_capture_persons_delete; DELETE FROM persons');
  db.close();
}

function tamper(file: string, sql: string) {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

describe('restore checks the backup schema against the one this version makes', () => {
  it('refuses a planted trigger, and the live database stays as it was', () => {
    const { t, file } = backedUp();
    tamper(file, "CREATE TRIGGER promote AFTER INSERT ON audit_log BEGIN UPDATE users SET role = 'admin'; END");
    expect(() => checkBackupFile(file, migrationsDir)).toThrow(/多出的触发器 promote（作用于 audit_log）/);
    const dbFile = path.join(t.dataDir, 'zongzhi.sqlite');
    t.core.close();
    const before = fs.readFileSync(dbFile);
    expect(() =>
      restoreDatabase({
        dbFile,
        backupsDir: path.join(t.dataDir, 'backups'),
        from: file,
        migrationsDir,
        now: new Date(),
      }),
    ).toThrow('不能恢复');
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });

  it('a trigger under an app trigger’s name passes the name check, but restore drops it and start-up rebuilds the app’s own', () => {
    const { t, file } = backedUp();
    tamper(
      file,
      "DROP TRIGGER cases_fts_delete; CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN UPDATE users SET role = 'admin'; END",
    );
    expect(checkBackupFile(file, migrationsDir).code).toBe('140621100');
    const dbFile = path.join(t.dataDir, 'zongzhi.sqlite');
    t.core.close();
    restoreDatabase({
      dbFile,
      backupsDir: path.join(t.dataDir, 'backups'),
      from: file,
      migrationsDir,
      now: new Date(),
    });
    const core = openCore({ dataDir: t.dataDir });
    cleanups.push(() => core.close());
    const sql = core.deps.conn.sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'cases_fts_delete'")
      .pluck()
      .get();
    expect(sql).not.toContain('users');
    expect(sql).toContain('DELETE FROM cases_fts');
  });

  it('refuses an extra table, view or index, and a changed table definition', () => {
    for (const sql of [
      'CREATE TABLE stash (x TEXT)',
      'CREATE VIEW everyone AS SELECT * FROM users',
      'CREATE INDEX users_role_idx ON users (role)',
      'ALTER TABLE users ADD COLUMN note TEXT',
    ]) {
      const { file } = backedUp();
      tamper(file, sql);
      expect(() => checkBackupFile(file, migrationsDir), sql).toThrow('不是本程序生成的，不能恢复');
    }
  });

  it('accepts the app’s own backup', () => {
    const { file } = backedUp();
    expect(checkBackupFile(file, migrationsDir).code).toBe('140621100');
  });
});

describe('restore’s key check covers every sealed column', () => {
  it('a backup whose only personal data is a caller’s phone opens with its key and not with another', () => {
    const t = makeCaseTownship();
    cleanups.push(() => t.core.deps.conn.sqlite.open && t.core.close());
    t.ok('cases.create', caseInput(t.gridA), t.sessions.clerk);
    const file = path.join(tempDir(), 'b.sqlite');
    backupDatabase(path.join(t.dataDir, 'zongzhi.sqlite'), file);
    withoutPersons(file);
    const own = fileSecretStore(path.join(t.dataDir, 'keys')).loadOrCreatePiiKeys();
    const other = fileSecretStore(tempDir()).loadOrCreatePiiKeys();
    expect(keysOpen(file, own)).toBe(true);
    expect(keysOpen(file, other)).toBe(false);
    expect(keysOpen(file, null)).toBe(false);
  });

  it('a visit’s phone alone is enough to refuse a wrong key', () => {
    const t = makeCaseTownship();
    cleanups.push(() => t.core.deps.conn.sqlite.open && t.core.close());
    t.ok(
      'visits.create',
      {
        villageId: t.villageA,
        gridId: t.gridA,
        visitorId: t.worker,
        visitedOn: '2026-09-29',
        method: 'in_person',
        subjectName: '李户主',
        address: '玉井村三组 12 号',
        content: '了解家中老人身体情况',
        phone: '13912345678',
      },
      t.sessions.clerk,
    );
    const file = path.join(tempDir(), 'b.sqlite');
    backupDatabase(path.join(t.dataDir, 'zongzhi.sqlite'), file);
    withoutPersons(file);
    expect(keysOpen(file, fileSecretStore(tempDir()).loadOrCreatePiiKeys())).toBe(false);
    expect(keysOpen(file, fileSecretStore(path.join(t.dataDir, 'keys')).loadOrCreatePiiKeys())).toBe(true);
  });
});
