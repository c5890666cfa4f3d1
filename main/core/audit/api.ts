import { desc, eq } from 'drizzle-orm';
import { apiTable } from '../../../shared/api';
import type { auditApi } from '../../../shared/api/audit';
import type { Handlers } from '../context';
import { recordLabeler } from './record-label';
import { auditLog } from './schema';
import { LOGIN_AUDIT_TITLES } from '../auth/throttle';
import { LOOKUP_AUDIT_TITLES } from './lookups';

/** Audited work that is not a contract method (the CLI's own steps). */
const OTHER_TITLES: Record<string, string> = { 'demo.seed': '生成演示数据' };

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
        title:
          (apiTable as Record<string, { title: string } | undefined>)[r.method]?.title ??
          OTHER_TITLES[r.method] ??
          LOGIN_AUDIT_TITLES[r.method] ??
          LOOKUP_AUDIT_TITLES[r.method] ??
          r.method,
        recordId: r.recordId,
        recordLabel: labelOf(r.recordId),
        detail: r.detail,
      }));
  },
};
