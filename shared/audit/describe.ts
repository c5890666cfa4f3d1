import type { AuditBreak } from '../api/audit';
import { formatDateTime } from '../dates';

/** The broken entry in one line, the same in the CLI and on the 操作日志 page. */
export function describeAuditBreak(b: AuditBreak): string {
  const place = b.seq === null ? '一条记录' : `第 ${b.seq} 条记录`;
  return `${place}（${formatDateTime(b.at)}，${b.username ?? '—'}，${b.title}，编号 ${b.id}）：${b.problem}`;
}
