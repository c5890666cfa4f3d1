/**
 * The overdue sweep: every open case past its deadline gets one automatic 督办 per missed deadline
 * (黄牌 the first time, 红牌 once it was already supervised), written to its timeline by 系统.
 * Idempotent: `auto_supervised_due` remembers the deadline it was raised for, so a rerun, or a
 * restart, raises nothing new until an extension or a new step sets another deadline.
 */
import { and, isNull, lt, ne, or } from 'drizzle-orm';
import type { CoreDeps, HandlerContext } from '../context';
import { actorOf, applyAction } from './act';
import { cases } from './schema';

export function sweepOverdue(deps: CoreDeps): number {
  const now = deps.clock.now().toISOString();
  const ctx: HandlerContext = { ...deps, db: deps.conn.db, user: null, session: null, now, audit: {} };
  const actor = actorOf(ctx);
  return deps.conn.sqlite
    .transaction(() => {
      const due = ctx.db
        .select()
        .from(cases)
        .where(
          and(
            isNull(cases.deletedAt),
            lt(cases.dueAt, now),
            or(isNull(cases.autoSupervisedDue), ne(cases.autoSupervisedDue, cases.dueAt)),
          ),
        )
        .all();
      for (const row of due) {
        const level = row.supervisionLevel === 'yellow' || row.supervisionLevel === 'red' ? 'red' : 'yellow';
        applyAction(ctx, row, 'supervise', { level, note: '超过办理时限，系统自动督办' }, actor, ['payload'], {
          autoSupervisedDue: row.dueAt,
        });
      }
      return due.length;
    })
    .immediate();
}
