/**
 * 重大矛盾纠纷 (major dispute): a flag on a dispute case with the grounds it was judged on, set at
 * registration or changed while the dispute is open. It is not the 事件规模: a two-party dispute over
 * a large sum is 重大 without being 群体性. The 矛盾纠纷排查化解情况表 counts it in its own row.
 */
import { eq } from 'drizzle-orm';
import type { CaseDetail } from '../../../shared/api/cases';
import { majorGroundsText, type MajorDisputeGround } from '../../../shared/cases/codes';
import { FINAL_STATES } from '../../../shared/cases/loop';
import { ApiError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { actorOf, writeEvent } from './act';
import { cases } from './schema';
import { caseRow, getCase } from './service';
import { majorGroundsOf } from './view';

export interface MajorDisputeInput {
  id: string;
  majorDispute: boolean;
  majorGrounds: MajorDisputeGround[];
}

/** 认定 / 取消 重大矛盾纠纷 on an open dispute: one UPDATE and one timeline row. */
export function setMajorDispute(ctx: HandlerContext, input: MajorDisputeInput): CaseDetail {
  const row = caseRow(ctx, input.id);
  ctx.audit.recordId = row.id;
  if (!row.dispute) throw new ApiError('CONFLICT', '只有矛盾纠纷类事件才能认定为重大矛盾纠纷');
  if (FINAL_STATES.includes(row.state)) throw new ApiError('CONFLICT', '事件已结束，不能再修改重大矛盾纠纷认定');
  const before = majorGroundsOf(row.majorGrounds);
  const same =
    row.majorDispute === input.majorDispute &&
    before.length === input.majorGrounds.length &&
    before.every((g, i) => g === input.majorGrounds[i]);
  // Saving the form unchanged writes nothing, so the timeline holds only real changes.
  if (same) return getCase(ctx, row.id);
  const actor = actorOf(ctx);
  ctx.db
    .update(cases)
    .set({
      majorDispute: input.majorDispute,
      majorGrounds: input.majorDispute ? JSON.stringify(input.majorGrounds) : null,
      updatedAt: ctx.now,
      updatedBy: actor.id,
    })
    .where(eq(cases.id, row.id))
    .run();
  writeEvent(ctx, row.id, actor, {
    action: 'majorDispute',
    from: row.state,
    to: row.state,
    text: input.majorDispute ? `认定为重大矛盾纠纷（${majorGroundsText(input.majorGrounds)}）` : '取消重大矛盾纠纷认定',
    payload: { majorDispute: input.majorDispute, majorGrounds: input.majorGrounds },
  });
  return getCase(ctx, row.id);
}
