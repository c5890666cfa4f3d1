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
  receive(id: string, raw: Buffer): Promise<{ status: 200 | 201; receipt: Receipt }>;
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
       hash, received_at, raw) VALUES (@id, @township, @seqFrom, @seqTo, @count, @schemaVersion, @senderKid,
       @hash, @receivedAt, @raw)`,
  );
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
    async receive(id, raw) {
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
        return accept(id, hash, raw, header, changes);
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
        applyChanges(db, header.township, changes);
        const row = { ...header, id, hash, receivedAt: now().toISOString(), raw };
        insertBundle.run(row);
        advance.run(row);
        return { status: 201 as const, receipt: toReceipt(findBundle.get(id) as BundleRow) };
      })
      .immediate();
  }
}
