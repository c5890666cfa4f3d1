import type Database from 'better-sqlite3';
import { schemaVersionOf } from '../db/migrate';
import { newId } from '../ids';
import { encodeBundle, type EncodedBundle } from './bundle';
import type { KeyStore } from './keystore';
import type { PiiCipher } from '../crypto/pii';
import { wireRows, type WireRow } from './wire';

export interface BundleLimits {
  /** At most this many changes per bundle. */
  maxChanges: number;
  /** At most about this many bytes of JSON lines before compression (one oversized change still goes alone). */
  maxBytes: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = { maxChanges: 10_000, maxBytes: 8 * 1024 * 1024 };

export interface LogRow {
  seq: number;
  table_name: string;
  row_id: string;
  op: string;
  at: string;
  data: string;
}

/** One change as a JSON line; `data` is already JSON from SQLite, so it is spliced in, not re-parsed. */
export function changeLine(r: LogRow, toWire: WireRow): string {
  return (
    `{"seq":${r.seq},"table":${JSON.stringify(r.table_name)},"id":${JSON.stringify(r.row_id)},` +
    `"op":${JSON.stringify(r.op)},"at":${JSON.stringify(r.at)},"row":${toWire(r.table_name, r.data)}}`
  );
}

export interface PendingChanges {
  township: string;
  schemaVersion: number;
  /** Serialised change lines, in sequence order. */
  lines: string[];
  lastSeq: number;
}

/** The changes after `afterSeq`, within the limits, from one consistent snapshot of the log. */
export function readPendingChanges(
  sqlite: Database.Database,
  afterSeq: number,
  limits: BundleLimits,
  /** Without the PII cipher a change of a table with sealed columns cannot be bundled (it throws). */
  toWire: WireRow = wireRows(null),
): PendingChanges {
  const read = sqlite.transaction(() => {
    const township = sqlite.prepare('SELECT code FROM township LIMIT 1').pluck().get() as string | undefined;
    if (!township) throw new Error('尚未初始化乡镇，无法生成上报包');
    const lines: string[] = [];
    let bytes = 0;
    let lastSeq = afterSeq;
    const rows = sqlite
      .prepare('SELECT seq, table_name, row_id, op, at, data FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?')
      .iterate(afterSeq, limits.maxChanges) as IterableIterator<LogRow>;
    for (const r of rows) {
      const line = changeLine(r, toWire);
      const size = Buffer.byteLength(line) + 1;
      if (lines.length > 0 && bytes + size > limits.maxBytes) break;
      lines.push(line);
      bytes += size;
      lastSeq = r.seq;
    }
    return { township, lines, lastSeq, schemaVersion: schemaVersionOf(sqlite) };
  });
  return read.deferred();
}

export interface BundleSource {
  sqlite: Database.Database;
  keys: KeyStore;
  /** Opens the sealed personal information, which travels readable to the county (wire.ts). */
  pii: PiiCipher;
  now: () => Date;
}

/**
 * The next bundle after `afterSeq` (the last sequence the county acknowledged), or null when
 * nothing is pending. Reads one consistent snapshot of the log, then signs and encrypts off it.
 */
export async function buildNextBundle(
  src: BundleSource,
  afterSeq: number,
  limits: BundleLimits = DEFAULT_BUNDLE_LIMITS,
): Promise<EncodedBundle | null> {
  const recipient = src.keys.countyKey();
  if (!recipient) throw new Error('尚未导入县综治中心的公钥，无法生成上报包');
  const pending = readPendingChanges(src.sqlite, afterSeq, limits, wireRows(src.pii));
  if (pending.lines.length === 0) return null;
  return encodeBundle(
    {
      township: pending.township,
      bundleId: newId(),
      seqFrom: afterSeq + 1,
      seqTo: pending.lastSeq,
      schemaVersion: pending.schemaVersion,
      createdAt: src.now().toISOString(),
    },
    pending.lines,
    src.keys.townshipKey(),
    recipient,
  );
}
