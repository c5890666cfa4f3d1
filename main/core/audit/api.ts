import { desc, eq } from 'drizzle-orm';
import type { auditApi } from '../../../shared/api/audit';
import type { Handlers } from '../context';
import { recordLabeler } from './record-label';
import { auditLog } from './schema';
import { auditTitle } from './titles';
import { verifyAuditChain } from './verify';

export const auditHandlers: Handlers<typeof auditApi> = {
  'audit.list': (input, ctx) => {
    const labelOf = recordLabeler(ctx.conn.sqlite);
    return ctx.db
      .select()
      .from(auditLog)
      .where(input.recordId ? eq(auditLog.recordId, input.recordId) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(input.limit)
      .all()
      .map((r) => ({
        id: r.id,
        at: r.at,
        username: r.username,
        method: r.method,
        title: auditTitle(r.method),
        recordId: r.recordId,
        recordLabel: labelOf(r.recordId),
        detail: r.detail,
      }));
  },
  // A read: the dispatcher's deferred transaction gives the walk one snapshot of the log.
  'audit.verify': (_input, ctx) => verifyAuditChain(ctx.conn.sqlite),
};
