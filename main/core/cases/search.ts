/**
 * The case search index: a contentless FTS5 table `cases_fts` (created by migration 0007) whose
 * rowid is the case's rowid and whose columns hold the bigram tokens of summary and place
 * (shared/cases/search-terms.ts). Local to this machine: it is derived data, not a synced table,
 * so it has no synced columns, no capture triggers and never enters the change log.
 *
 * Triggers keep it in step with every insert, edit of summary/place and tombstone, inside the
 * writer's transaction. They call `case_search_tokens()`, a function every connection registers
 * (db/connection.ts). They are installed from code at start, not by migration: a migration that
 * rebuilds `cases` (drizzle-kit copies, drops and renames) drops them with the old table and may
 * renumber rows, so missing triggers mean the index is rebuilt from the table.
 */
import type Database from 'better-sqlite3';
import { searchTokens } from '../../../shared/cases/search-terms';

export const SEARCH_TABLE = 'cases_fts';
const FN = 'case_search_tokens';

const TRIGGERS: Record<string, string> = {
  cases_fts_insert:
    `CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases WHEN NEW.deleted_at IS NULL BEGIN ` +
    `INSERT INTO ${SEARCH_TABLE}(rowid, summary, place) VALUES (NEW.rowid, ${FN}(NEW.summary), ${FN}(NEW.place)); END`,
  // Only writes that name these columns re-index; the loop's state changes leave the index alone.
  cases_fts_update:
    `CREATE TRIGGER cases_fts_update AFTER UPDATE OF summary, place, deleted_at ON cases BEGIN ` +
    `DELETE FROM ${SEARCH_TABLE} WHERE rowid = OLD.rowid; ` +
    `INSERT INTO ${SEARCH_TABLE}(rowid, summary, place) SELECT NEW.rowid, ${FN}(NEW.summary), ${FN}(NEW.place) ` +
    `WHERE NEW.deleted_at IS NULL; END`,
  cases_fts_delete: `CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN DELETE FROM ${SEARCH_TABLE} WHERE rowid = OLD.rowid; END`,
};

/** The index triggers' names: the only triggers on `cases` besides change capture. */
export const SEARCH_TRIGGER_NAMES: readonly string[] = Object.keys(TRIGGERS);

/** Lets this connection's triggers tokenise; deterministic, so SQLite may use it in indexes and triggers. */
export function registerSearchFunction(sqlite: Database.Database): void {
  sqlite.function(FN, { deterministic: true }, (text: unknown) => searchTokens(typeof text === 'string' ? text : null));
}

function installedTriggers(sqlite: Database.Database): Set<string> {
  const names = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases' AND name LIKE 'cases_fts_%'`)
    .pluck()
    .all() as string[];
  return new Set(names);
}

/** Refills the index from the live cases (after a migration rebuilt the table, or a bulk load). */
export function rebuildCaseSearch(sqlite: Database.Database): void {
  sqlite.exec(`INSERT INTO ${SEARCH_TABLE}(${SEARCH_TABLE}) VALUES ('delete-all')`);
  sqlite.exec(
    `INSERT INTO ${SEARCH_TABLE}(rowid, summary, place) ` +
      `SELECT rowid, ${FN}(summary), ${FN}(place) FROM cases WHERE deleted_at IS NULL ORDER BY rowid`,
  );
}

export function dropSearchTriggers(sqlite: Database.Database): void {
  for (const name of Object.keys(TRIGGERS)) sqlite.exec(`DROP TRIGGER IF EXISTS ${name}`);
}

/** Creates the triggers; when any was missing, rebuilds the index too. Returns whether it rebuilt. */
export function installCaseSearch(sqlite: Database.Database): boolean {
  const have = installedTriggers(sqlite);
  if (Object.keys(TRIGGERS).every((n) => have.has(n))) return false;
  sqlite
    .transaction(() => {
      dropSearchTriggers(sqlite);
      for (const ddl of Object.values(TRIGGERS)) sqlite.exec(ddl);
      rebuildCaseSearch(sqlite);
    })
    .immediate();
  return true;
}

/** Installs the triggers without touching the index (a bulk load that fills it itself calls this after). */
export function createSearchTriggers(sqlite: Database.Database): void {
  dropSearchTriggers(sqlite);
  for (const ddl of Object.values(TRIGGERS)) sqlite.exec(ddl);
}
