import { TOWNSHIP_COLUMN, type CountyDb } from './db';

export interface TownshipStatus {
  code: string;
  /** The township's name as its own bundles report it, once one has arrived. */
  name: string | null;
  registeredAt: string;
  lastBundleId: string | null;
  lastSeq: number;
  lastReceivedAt: string | null;
  bundleCount: number;
  changeCount: number;
  /** The most recent refusal of a bundle this township signed (code and Chinese reason), and when. */
  lastError: string | null;
  lastErrorAt: string | null;
  /** Live (not tombstoned) rows per mirror table. */
  rows: Record<string, number>;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** What the county has from each township: last bundle, last sequence and counts. */
export function countyStatus(db: CountyDb): { townships: TownshipStatus[] } {
  const { sqlite } = db;
  const townships = sqlite
    .prepare(
      `SELECT t.code, t.registered_at, t.last_bundle_id, t.last_seq, t.last_received_at, t.bundle_count,
         t.change_count, t.last_error, t.last_error_at, (SELECT name FROM township m WHERE m.${ident(TOWNSHIP_COLUMN)} = t.code LIMIT 1) AS name
       FROM county_townships t ORDER BY t.code`,
    )
    .all() as {
    code: string;
    name: string | null;
    registered_at: string;
    last_bundle_id: string | null;
    last_seq: number;
    last_received_at: string | null;
    bundle_count: number;
    change_count: number;
    last_error: string | null;
    last_error_at: string | null;
  }[];
  const counters = [...db.mirror.keys()].map(
    (table) =>
      [
        table,
        sqlite
          .prepare(`SELECT count(*) FROM ${ident(table)} WHERE ${ident(TOWNSHIP_COLUMN)} = ? AND deleted_at IS NULL`)
          .pluck(),
      ] as const,
  );
  return {
    townships: townships.map((t) => ({
      code: t.code,
      name: t.name,
      registeredAt: t.registered_at,
      lastBundleId: t.last_bundle_id,
      lastSeq: t.last_seq,
      lastReceivedAt: t.last_received_at,
      bundleCount: t.bundle_count,
      changeCount: t.change_count,
      lastError: t.last_error,
      lastErrorAt: t.last_error_at,
      rows: Object.fromEntries(counters.map(([table, stmt]) => [table, stmt.get(t.code) as number])),
    })),
  };
}
