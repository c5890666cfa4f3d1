import type { KeyObject } from 'node:crypto';
import {
  BundleError,
  bundleHash,
  decodeBundle,
  type BundleErrorKind,
  type BundleHeader,
  type ChangeLine,
} from '../main/core/sync/bundle';
import { applyChanges } from './apply';
import type { CountyDb } from './db';
import { CountyError } from './errors';
import { townshipKeyLookup } from './keys';

export interface Receipt {
  bundleId: string;
  township: string;
  seqFrom: number;
  seqTo: number;
  changeCount: number;
  /** SHA-256 of the bundle exactly as received, hex. */
  hash: string;
  receivedAt: string;
}

export interface Receiver {
  /** 201 with a new receipt, 200 with the original one for an identical repeat, or a CountyError. */
  receive(id: string, raw: Buffer, priority?: boolean): Promise<{ status: 200 | 201; receipt: Receipt }>;
}

const STATUS: Record<BundleErrorKind, [number, string]> = {
  malformed: [400, 'BAD_BUNDLE'],
  recipient: [400, 'WRONG_RECIPIENT'],
  sender: [403, 'UNKNOWN_SENDER'],
  signature: [403, 'BAD_SIGNATURE'],
  too_large: [413, 'TOO_LARGE'],
  content: [422, 'BAD_CONTENT'],
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const COMPACT_RE = /^[A-Za-z0-9_.-]+$/;

interface BundleRow {
  id: string;
  township_code: string;
  seq_from: number;
  seq_to: number;
  change_count: number;
  hash: string;
  received_at: string;
}

const toReceipt = (r: BundleRow): Receipt => ({
  bundleId: r.id,
  township: r.township_code,
  seqFrom: r.seq_from,
  seqTo: r.seq_to,
  changeCount: r.change_count,
  hash: r.hash,
  receivedAt: r.received_at,
});

export function createReceiver(
  db: CountyDb,
  countyKeys: Map<string, KeyObject>,
  opts: { maxPlainBytes: number; now?: () => Date },
): Receiver {
  const { sqlite } = db;
  const now = opts.now ?? (() => new Date());
  const senderKey = townshipKeyLookup(db);
  const findBundle = sqlite.prepare(
    'SELECT id, township_code, seq_from, seq_to, change_count, hash, received_at FROM county_bundles WHERE id = ?',
  );
  const lastSeq = sqlite.prepare('SELECT last_seq FROM county_townships WHERE code = ?').pluck();
  const insertBundle = sqlite.prepare(
    `INSERT INTO county_bundles (id, township_code, seq_from, seq_to, change_count, schema_version, sender_kid,
       hash, received_at, raw, priority) VALUES (@id, @township, @seqFrom, @seqTo, @count, @schemaVersion,
       @senderKid, @hash, @receivedAt, @raw, @priority)`,
  );
  const priorityRows = sqlite.prepare(
    'SELECT table_name, row_id, seq FROM county_priority_rows WHERE township_code = ?',
  );
  const notePriority = sqlite.prepare(
    `INSERT INTO county_priority_rows (township_code, table_name, row_id, seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (township_code, table_name, row_id) DO UPDATE SET seq = max(seq, excluded.seq)`,
  );
  const clearPriority = sqlite.prepare(
    'DELETE FROM county_priority_rows WHERE township_code = @township AND seq <= @seqTo',
  );

  /** `table|id` → the change a priority bundle brought ahead of the sequence. */
  function newerRows(township: string): Map<string, number> {
    const rows = priorityRows.all(township) as { table_name: string; row_id: string; seq: number }[];
    return new Map(rows.map((r) => [`${r.table_name}|${r.row_id}`, r.seq]));
  }
  const noteError = sqlite.prepare('UPDATE county_townships SET last_error = ?, last_error_at = ? WHERE code = ?');
  const advance = sqlite.prepare(
    `UPDATE county_townships SET last_seq = @seqTo, last_bundle_id = @id, last_received_at = @receivedAt,
       bundle_count = bundle_count + 1, change_count = change_count + @count WHERE code = @township`,
  );

  /** Same id seen before: the original receipt if the bytes are the same, else a conflict. */
  function repeat(id: string, hash: string) {
    const seen = findBundle.get(id) as BundleRow | undefined;
    if (!seen) return null;
    if (seen.hash !== hash) throw new CountyError(409, 'ID_CONFLICT', `包编号 ${id} 已收到过内容不同的包`);
    return { status: 200 as const, receipt: toReceipt(seen) };
  }

  return {
    async receive(id, raw, priority = false) {
      if (!UUID_RE.test(id)) throw new CountyError(400, 'BAD_ID', '包编号应为小写的 UUIDv7');
      const hash = bundleHash(raw);
      const early = repeat(id, hash);
      if (early) return early;

      const body = raw.toString('latin1');
      if (!COMPACT_RE.test(body)) throw new CountyError(400, 'BAD_BUNDLE', '上报包不是 JWE 紧凑格式');
      let decoded;
      try {
        decoded = await decodeBundle(body, {
          recipient: (kid) => countyKeys.get(kid) ?? null,
          sender: senderKey,
          maxPlainBytes: opts.maxPlainBytes,
        });
      } catch (err) {
        if (!(err instanceof BundleError)) throw err;
        const [status, code] = STATUS[err.kind];
        throw new CountyError(status, code, err.message);
      }
      const { header, changes } = decoded;
      try {
        if ((header.priority === true) !== priority) {
          const why = priority ? '优先通道只收优先包（包头 priority）' : '优先包须上传到 /api/v1/priority/';
          throw new CountyError(422, 'BAD_CONTENT', why);
        }
        return priority ? acceptPriority(id, hash, raw, header, changes) : accept(id, hash, raw, header, changes);
      } catch (err) {
        // The signature says who sent it, so the refusal is kept for the status page.
        if (err instanceof CountyError)
          noteError.run(`${err.code}：${err.message}`, now().toISOString(), header.township);
        throw err;
      }
    },
  };

  function accept(id: string, hash: string, raw: Buffer, header: BundleHeader, changes: ChangeLine[]) {
    if (header.bundleId !== id)
      throw new CountyError(400, 'ID_MISMATCH', `包头中的编号 ${header.bundleId} 与地址中的 ${id} 不符`);

    // Checked again inside the write transaction: another upload may have landed while this one was decrypted.
    return sqlite
      .transaction(() => {
        const again = repeat(id, hash);
        if (again) return again;
        const last = lastSeq.get(header.township) as number;
        if (header.seqFrom !== last + 1) {
          const code = header.seqFrom > last + 1 ? 'SEQ_GAP' : 'SEQ_REPLAY';
          const why = header.seqFrom > last + 1 ? '序号不连续' : '序号已接收过';
          throw new CountyError(
            409,
            code,
            `${why}：应从第 ${last + 1} 号开始，收到 ${header.seqFrom}–${header.seqTo}`,
            {
              expectedSeqFrom: last + 1,
            },
          );
        }
        applyChanges(db, header.township, changes, newerRows(header.township));
        const row = { ...header, id, hash, receivedAt: now().toISOString(), raw, priority: 0 };
        insertBundle.run(row);
        advance.run(row);
        clearPriority.run({ township: header.township, seqTo: header.seqTo });
        return { status: 201 as const, receipt: toReceipt(findBundle.get(id) as BundleRow) };
      })
      .immediate();
  }

  /**
   * A priority bundle: applied at once, out of sequence, without advancing it. Changes the regular
   * stream already carried are skipped (the county has them, or newer); the rest are noted so the
   * stream's older copies of the same rows do not overwrite them when they arrive.
   */
  function acceptPriority(id: string, hash: string, raw: Buffer, header: BundleHeader, changes: ChangeLine[]) {
    if (header.bundleId !== id)
      throw new CountyError(400, 'ID_MISMATCH', `包头中的编号 ${header.bundleId} 与地址中的 ${id} 不符`);
    return sqlite
      .transaction(() => {
        const again = repeat(id, hash);
        if (again) return again;
        const last = lastSeq.get(header.township) as number;
        const ahead = changes.filter((c) => c.seq > last);
        applyChanges(db, header.township, ahead, newerRows(header.township));
        for (const c of ahead) notePriority.run(header.township, c.table, c.id, c.seq);
        insertBundle.run({ ...header, id, hash, receivedAt: now().toISOString(), raw, priority: 1 });
        return { status: 201 as const, receipt: toReceipt(findBundle.get(id) as BundleRow) };
      })
      .immediate();
  }
}
