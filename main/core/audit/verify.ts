import type Database from 'better-sqlite3';
import type { AuditBreak, AuditChain } from '../../../shared/api/audit';
import { entryHash, GENESIS_HASH, type AuditRowColumns } from './chain';
import { auditTitle } from './titles';

interface Row extends AuditRowColumns {
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

const ROWS = `SELECT id, at, user_id, username, method, record_id, detail, seq, prev_hash, hash
  FROM audit_log ORDER BY seq`; // entries without a place (NULL) come first

const contentHash = (r: Row) =>
  entryHash({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    method: r.method,
    recordId: r.record_id,
    detail: r.detail,
    prevHash: r.prev_hash ?? '',
  });

const seqList = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);

/**
 * Walks the chain once in `seq` order, one row in memory (a statement iterating), and names the
 * first entry where it breaks. A row whose content fails its hash is judged with the row after it:
 * if that one links past it, it was slipped in rather than changed. Entries removed from the very
 * end leave no trace in the chain itself.
 */
export function verifyAuditChain(sqlite: Database.Database): AuditChain {
  let count = 0;
  let prev: Row | null = null; // the entry before, linked and placed correctly
  let prevLink = GENESIS_HASH; // what `prev` linked to: a row carrying it skips `prev`
  let suspect: Row | null = null; // `prev`, when its content did not match its hash
  let found: AuditBreak | null = null;
  const brokenAt = (r: Row, kind: AuditBreak['kind'], problem: string): AuditBreak => ({
    kind,
    id: r.id,
    at: r.at,
    method: r.method,
    title: auditTitle(r.method),
    username: r.username,
    seq: r.seq,
    problem,
  });
  const inserted = (r: Row) => brokenAt(r, 'inserted', '多出的一条记录：它前后的两条记录本来直接相连，它不在链上');
  const altered = (r: Row) => brokenAt(r, 'altered', '内容被改动：按这条记录现在的内容算出的校验值与记录时的不符');

  for (const row of sqlite.prepare(ROWS).iterate() as IterableIterator<Row>) {
    count++;
    if (suspect) {
      found = row.prev_hash === prevLink && row.prev_hash !== suspect.hash ? inserted(suspect) : altered(suspect);
      break;
    }
    if (!Number.isInteger(row.seq) || row.prev_hash === null || row.hash === null) {
      found = brokenAt(row, 'inserted', '多出的一条记录：没有链上的序号或校验值，不是本程序写入的');
      break;
    }
    const seq = row.seq!;
    const expectedPrev = prev ? prev.hash! : GENESIS_HASH;
    const expectedSeq = prev ? prev.seq! + 1 : 1;
    if (row.prev_hash !== expectedPrev) {
      if (prev && row.prev_hash === prevLink) found = inserted(prev);
      else if (seq > expectedSeq) {
        const n = seq - expectedSeq;
        found = brokenAt(row, 'deleted', `此条之前缺少 ${n} 条记录（序号 ${seqList(expectedSeq, seq - 1)}），已被删除`);
      } else
        found = brokenAt(
          row,
          'relinked',
          prev
            ? `与前一条记录（序号 ${prev.seq}）衔接不上：前一条被改动后重算了校验值，或其间的记录被删除后重新编号`
            : '作为第一条记录却接在别的记录之后：之前的记录被删除后重新编号',
        );
      break;
    }
    if (seq !== expectedSeq) {
      found = brokenAt(row, 'altered', `序号被改动：应为 ${expectedSeq}，现为 ${seq}`);
      break;
    }
    if (contentHash(row) !== row.hash) suspect = row;
    prevLink = expectedPrev;
    prev = row;
  }
  if (!found && suspect) found = altered(suspect);
  if (!found) return { whole: true, count, broken: null };
  const total = sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  return { whole: false, count: total, broken: found };
}
