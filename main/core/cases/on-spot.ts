/**
 * 就地化解: a grid worker found a small matter and settled it there. It is registered already closed
 * (登记, 受理 and 办结 in one), with what was done as its 处置结果 and one timeline row; it never
 * walks 上报 → 甄别 → 交办, so no step clock runs. One call, one transaction (the dispatcher's).
 */
import { eq } from 'drizzle-orm';
import type { CaseDetail } from '../../../shared/api/cases';
import { CASE_SOURCE_LABELS, type CaseSource } from '../../../shared/cases/codes';
import { formatDateZh, shanghaiDateIso } from '../../../shared/dates';
import { ApiError, fieldError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import { grids, villages } from '../org/schema';
import { getTownship } from '../setup/service';
import { actorOf, writeEvent } from './act';
import { teamDiscoverer } from './discoverer';
import { allocateCaseNumber } from './numbering';
import { cases } from './schema';
import { categoryOf, getCase } from './service';

export interface OnSpotInput {
  source: CaseSource;
  categoryCode: string;
  subcategoryCode: string;
  itemCode?: string | null;
  gridId: string;
  place: string;
  occurredAt: string;
  settledAt?: string | null;
  discovererId: string;
  peopleInvolved: number;
  summary: string;
  resolution: string;
}

/** 突发事件 go to the county at once; a matter settled on the spot is by definition not one. */
const EMERGENCY_CATEGORY = '突发事件';

export function recordOnSpot(ctx: HandlerContext, input: OnSpotInput): CaseDetail {
  const township = getTownship(ctx.db);
  if (!township) throw new ApiError('CONFLICT', '本机尚未初始化乡镇，不能登记事件');
  if (input.source === 'superior' || input.source === 'hotline' || input.source === 'transfer12345') {
    throw fieldError(['source'], `${CASE_SOURCE_LABELS[input.source]}的事件须按流程办理，不能登记为就地化解`);
  }
  const category = categoryOf(ctx, input);
  if (category.categoryName === EMERGENCY_CATEGORY) {
    throw fieldError(['categoryCode'], '突发事件须立即上报，不能登记为就地化解');
  }
  const grid = ctx.db.select().from(grids).where(eq(grids.id, input.gridId)).get();
  if (!grid || grid.deletedAt || grid.retiredAt) throw fieldError(['gridId'], '所选网格不存在或已撤销');
  const now = +new Date(ctx.now);
  const occurred = +new Date(input.occurredAt);
  const settled = input.settledAt ? +new Date(input.settledAt) : now;
  // A minute's grace for a PC clock slightly behind the phone the time was read from.
  if (occurred > now + 60_000) throw fieldError(['occurredAt'], '发生时间不能晚于现在');
  if (settled > now + 60_000) throw fieldError(['settledAt'], '化解时间不能晚于现在');
  if (settled < occurred) throw fieldError(['settledAt'], '化解时间不能早于发生时间');
  const discoverer = teamDiscoverer(ctx, input.discovererId, ['discovererId']);
  const village = ctx.db.select({ name: villages.name }).from(villages).where(eq(villages.id, grid.villageId)).get();

  const year = Number(shanghaiDateIso(new Date(ctx.now)).slice(0, 4));
  const { number, seq } = allocateCaseNumber(ctx.db, township.code, year);
  const actor = actorOf(ctx);
  const id = newId();
  const settledAt = new Date(settled).toISOString();
  ctx.audit.recordId = id;
  ctx.db
    .insert(cases)
    .values({
      id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      updatedBy: actor.id,
      number,
      year,
      seq,
      source: input.source,
      categoryCode: input.categoryCode,
      subcategoryCode: input.subcategoryCode,
      itemCode: category.itemCode,
      categoryLabel: category.label,
      categoryName: category.categoryName,
      subcategoryName: category.subcategoryName,
      dispute: category.dispute,
      scale: '01',
      urgency: 'normal',
      gridId: grid.id,
      villageId: grid.villageId,
      place: input.place,
      occurredAt: new Date(occurred).toISOString(),
      reporterName: null,
      reporterContactEnc: null,
      reporterContactHash: null,
      peopleInvolved: input.peopleInvolved,
      ...discoverer,
      onSpot: true,
      summary: input.summary,
      state: 'closed',
      awaiting: null,
      resolution: input.resolution,
      // A dispute settled by the grid worker is mediated at the village, and settled: it counts as 化解.
      ...(category.dispute
        ? {
            mediationMethod: 'people' as const,
            mediationOrg: `${village?.name ?? ''}人民调解委员会`,
            mediationResponsible: discoverer.discovererName,
            mediationLevel: 'village' as const,
            mediationResult: 'success' as const,
            mediationOutcome: input.resolution,
          }
        : {}),
      closedAt: settledAt,
    })
    .run();
  writeEvent(ctx, id, actor, {
    action: 'onSpot',
    from: null,
    to: 'closed',
    text:
      `就地化解：${input.resolution}（事件 ${number}，发现人 ${discoverer.discovererName}，` +
      `${formatDateZh(settledAt)}化解）`,
    payload: { resolution: input.resolution, discovererId: input.discovererId, settledAt },
  });
  return getCase(ctx, id);
}
