/**
 * What the streamed forms (事件台账, 入户走访登记表) share: their rows in print order as rowids first,
 * then read a chunk at a time by rowid through one prepared statement (the chunk's rowids bound as a
 * JSON array), handed over as arrays (no object per row from SQLite) and read by field name through
 * their position — building a keyed object per row first cost more than the SQL did.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** A row as SQLite hands it over: the selected fields' values in their order. */
export type RawRow = unknown[];

/** `<table>.rowid IN (…)` over the JSON array bound as `ids`: one statement text for every chunk. */
export const rowidIn = (table: SQLiteTable): SQL =>
  sql`${table}.rowid IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;

/** Reads chunks through a query whose WHERE holds rowidIn: prepared once, rows as arrays. */
export function chunkReader(query: {
  prepare(): { values(placeholders: Record<string, unknown>): unknown[] };
}): (ids: number[]) => RawRow[] {
  const statement = query.prepare();
  return (ids) => (ids.length === 0 ? [] : (statement.values({ ids: JSON.stringify(ids) }) as RawRow[]));
}

/** Reads a raw row's value by field name: `Row` is what the query's fields select. */
export function fieldReader<Row>(fields: object): <K extends keyof Row>(raw: RawRow, key: K) => Row[K] {
  const positions = Object.fromEntries(Object.keys(fields).map((k, i) => [k, i])) as Record<keyof Row, number>;
  return (raw, key) => raw[positions[key]] as Row[typeof key];
}

/** Every row, `chunk` rowids at a time; `between` runs after each chunk (where the writer yields). */
export async function* streamByRowid<T>(
  ids: number[],
  read: (ids: number[]) => T[],
  between: () => Promise<void>,
  chunk = 500,
): AsyncGenerator<T> {
  for (let at = 0; at < ids.length; at += chunk) {
    yield* read(ids.slice(at, at + chunk));
    await between();
  }
}
