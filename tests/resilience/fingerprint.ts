/**
 * Whether a call wrote anything, cheaply enough to ask around every one of thousands of calls.
 * TEMP triggers on every table of the township database count the rows inserted, updated or
 * deleted into a TEMP table; a rolled-back transaction rolls the count back with it, so the count
 * moves only for a committed write. With change_log's last seq (every synced insert, update and
 * tombstone) they make the fingerprint a refused call must leave as it was. Audit rows the
 * dispatcher writes on purpose for a refusal — failed or blocked logins, and sealed-value lookups it
 * answered before refusing — are not counted, since recording those is the point.
 */
import type Database from 'better-sqlite3';

const REFUSAL_AUDIT = `NEW.method IN ('auth.loginFailed', 'auth.loginBlocked') OR NEW.method LIKE 'lookup.%'`;

export function writeFingerprint(sqlite: Database.Database): () => string {
  const tables = (sqlite.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name);
  sqlite.exec('CREATE TEMP TABLE fuzz_writes (n INTEGER NOT NULL); INSERT INTO fuzz_writes VALUES (0);');
  for (const table of tables) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const when = table === 'audit_log' && op === 'INSERT' ? `WHEN NOT (${REFUSAL_AUDIT})` : '';
      sqlite.exec(
        `CREATE TEMP TRIGGER "fuzz_${table}_${op}" AFTER ${op} ON main."${table}" ${when}
         BEGIN UPDATE fuzz_writes SET n = n + 1; END`,
      );
    }
  }
  const writes = sqlite.prepare('SELECT n FROM temp.fuzz_writes').pluck();
  const lastChange = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM main.change_log').pluck();
  return () => `${writes.get() as number}:${lastChange.get() as number}`;
}
