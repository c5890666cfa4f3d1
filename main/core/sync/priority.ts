/**
 * 突发事件 reports go to the county ahead of everything else. The regular stream is a contiguous
 * range of the change log, so a report logged behind thousands of other changes would wait for all
 * of them; instead each pass first sends a priority bundle carrying, out of sequence, the latest
 * state of every report (and of its case) the county has not acknowledged yet. It does not advance
 * the county's sequence: the regular stream still carries the same changes in order later, and the
 * county keeps the newer copy (docs/bundle-format.md, "Priority bundles").
 */
import type Database from 'better-sqlite3';
import { schemaVersionOf } from '../db/migrate';
import { newId } from '../ids';
import { encodeBundle, type EncodedBundle } from './bundle';
import { changeLine, type BundleSource, type LogRow } from './build';
import { wireRows, type WireRow } from './wire';

/** Tables whose unsent changes jump the queue; their case rows come along. */
export const PRIORITY_TABLE = 'case_emergency_reports';

/** The latest unacknowledged change of each report row and of each of their cases, in sequence order. */
const PRIORITY_SQL = `
WITH reports AS (
  SELECT max(seq) AS seq FROM change_log WHERE seq > @after AND table_name = '${PRIORITY_TABLE}' GROUP BY row_id
), report_cases AS (
  SELECT DISTINCT json_extract(data, '$.case_id') AS id FROM change_log WHERE seq IN (SELECT seq FROM reports)
), case_rows AS (
  SELECT max(seq) AS seq FROM change_log
  WHERE seq > @after AND table_name = 'cases' AND row_id IN (SELECT id FROM report_cases) GROUP BY row_id
)
SELECT seq, table_name, row_id, op, at, data FROM change_log
WHERE seq IN (SELECT seq FROM reports UNION SELECT seq FROM case_rows)
ORDER BY seq`;

export interface PriorityChanges {
  township: string;
  schemaVersion: number;
  rows: LogRow[];
  lines: string[];
}

/** Unsent report changes after `afterSeq` (the county's acknowledged sequence), or null when none. */
export function readPriorityChanges(
  sqlite: Database.Database,
  afterSeq: number,
  toWire: WireRow = wireRows(null),
): PriorityChanges | null {
  const read = sqlite.transaction(() => {
    const rows = sqlite.prepare(PRIORITY_SQL).all({ after: afterSeq }) as LogRow[];
    if (rows.length === 0) return null;
    const township = sqlite.prepare('SELECT code FROM township LIMIT 1').pluck().get() as string | undefined;
    if (!township) throw new Error('尚未初始化乡镇，无法生成上报包');
    const lines = rows.map((r) => changeLine(r, toWire));
    return { township, schemaVersion: schemaVersionOf(sqlite), rows, lines };
  });
  return read.deferred();
}

/** The priority bundle for what the county has not acknowledged after `afterSeq`, or null. */
export async function buildPriorityBundle(src: BundleSource, afterSeq: number): Promise<EncodedBundle | null> {
  const recipient = src.keys.countyKey();
  if (!recipient) throw new Error('尚未导入县综治中心的公钥，无法生成上报包');
  const pending = readPriorityChanges(src.sqlite, afterSeq, wireRows(src.pii));
  if (!pending) return null;
  return encodeBundle(
    {
      township: pending.township,
      bundleId: newId(),
      seqFrom: pending.rows[0]!.seq,
      seqTo: pending.rows[pending.rows.length - 1]!.seq,
      schemaVersion: pending.schemaVersion,
      createdAt: src.now().toISOString(),
      priority: true,
    },
    pending.lines,
    src.keys.townshipKey(),
    recipient,
  );
}
