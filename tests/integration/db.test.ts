import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir, openCore } from '../../main/core/app';
import { NewerSchemaError } from '../../main/core/db/migrate';
import { makeTownship, tempDir } from '../helpers/core';

const migrationsDir = path.join(defaultResourcesDir(), 'migrations');
let cleanup: () => void = () => {};
afterEach(() => cleanup());

/** A copy of the real migrations plus one more, as the next version of the app would ship. */
function migrationsWithOneMore(): string {
  const dir = tempDir('zongzhi-mig-');
  fs.cpSync(migrationsDir, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const tag = '9999_add_note';
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(dir, `${tag}.sql`), 'ALTER TABLE `grids` ADD `note` text;');
  return dir;
}

describe('database', () => {
  it('opens in WAL with foreign keys and a busy timeout, at the current schema version', () => {
    const t = makeTownship();
    cleanup = () => t.core.close();
    const { sqlite } = t.core.deps.conn;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8'));
    expect(sqlite.pragma('user_version', { simple: true })).toBe(journal.entries.length);
    const id = sqlite.prepare('SELECT id FROM users LIMIT 1').pluck().get() as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // UUIDv7
  });

  it('backs up with VACUUM INTO before migrating existing data, then applies the new migration', () => {
    const t = makeTownship();
    const dataDir = t.dataDir;
    t.core.close();
    const core = openCore({ dataDir, migrationsDir: migrationsWithOneMore() });
    cleanup = () => core.close();
    expect(core.migration.from).toBe(core.migration.to - 1);
    expect(core.migration.backupFile).toBeTruthy();
    const backup = new Database(core.migration.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM villages').pluck().get()).toBe(18);
    backup.close();
    const cols = core.deps.conn.sqlite.prepare("SELECT name FROM pragma_table_info('grids')").pluck().all();
    expect(cols).toContain('note');
  });

  it('applies a table rebuild (copy, drop, rename) under rows that reference the table', () => {
    const t = makeTownship();
    const v = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk)[0]!;
    t.ok('org.createGrid', { villageId: v.id, type: 'village', name: '一网格', households: 1, residents: 1 }, t.clerk);
    const dataDir = t.dataDir;
    t.core.close();
    const dir = migrationsWithOneMore();
    const columns = new Database(path.join(dataDir, 'zongzhi.sqlite'), { readonly: true });
    const ddl = columns.prepare("SELECT sql FROM sqlite_master WHERE name = 'villages'").pluck().get() as string;
    columns.close();
    fs.writeFileSync(
      path.join(dir, '9999_add_note.sql'),
      [
        ddl.replace('`villages`', '`__new_villages`'),
        'INSERT INTO `__new_villages` SELECT * FROM `villages`;',
        'DROP TABLE `villages`;',
        'ALTER TABLE `__new_villages` RENAME TO `villages`;',
      ].join('\n--> statement-breakpoint\n'),
    );
    const core = openCore({ dataDir, migrationsDir: dir });
    cleanup = () => core.close();
    const { sqlite } = core.deps.conn;
    expect(sqlite.prepare('SELECT count(*) FROM villages').pluck().get()).toBe(18);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('rolls back a failing migration completely', () => {
    const t = makeTownship();
    const dataDir = t.dataDir;
    t.core.close();
    const dir = migrationsWithOneMore();
    fs.writeFileSync(
      path.join(dir, '9999_add_note.sql'),
      'ALTER TABLE `grids` ADD `note` text;\n--> statement-breakpoint\nBROKEN SQL;',
    );
    expect(() => openCore({ dataDir, migrationsDir: dir })).toThrow();
    const db = new Database(path.join(dataDir, 'zongzhi.sqlite'));
    cleanup = () => db.close();
    expect(db.prepare("SELECT name FROM pragma_table_info('grids')").pluck().all()).not.toContain('note');
  });

  it('refuses a database written by a newer version, with a Chinese message', () => {
    const t = makeTownship();
    const dataDir = t.dataDir;
    t.core.close();
    const db = new Database(path.join(dataDir, 'zongzhi.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    let err: unknown;
    try {
      openCore({ dataDir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NewerSchemaError);
    expect((err as Error).message).toContain('更新版本');
  });
});
