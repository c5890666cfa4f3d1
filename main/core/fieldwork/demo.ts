/**
 * seed-demo's 走访 step for one village: a year of household visits by each grid's 网格员 and the
 * compounds they collected, written through the services (checks, sealing, change log) inside the
 * village's transaction. Seeded: the same seed gives the same visits on every machine.
 */
import type { BuildingKind, VisitMethod } from '../../../shared/fieldwork/codes';
import { isoDate } from '../../../shared/dates';
import { personName } from '../cases/demo-words';
import type { HandlerContext } from '../context';
import type { Random } from '../people/random';
import { syntheticMobile } from '../people/synthetic';
import { and, eq, isNull } from 'drizzle-orm';
import { createBuilding } from './buildings';
import { buildings } from './schema';
import { createVisit } from './visits';

export interface VillageFieldwork {
  village: { id: string; name: string; kind: 'village' | 'community' };
  /** The village's grids, each with the person who visits in it (its 网格员). */
  grids: { id: string; name: string; visitorId: string }[];
  today: string;
  /** Visits per grid per month, on average. */
  visitsPerMonth: number;
}

const CONTENTS = [
  '了解家庭成员就业和收入情况，宣传医保缴费政策',
  '走访独居老人，询问身体状况和生活需要',
  '宣传防范电信网络诈骗知识，发放宣传资料',
  '核实家庭常住人口和流动人口信息',
  '排查用电用气安全隐患，提醒冬季取暖防一氧化碳中毒',
  '了解邻里关系，听取对村（社区）工作的意见建议',
  '走访低保户，核实家庭收入变化',
  '宣传垃圾分类和人居环境整治要求',
];
const ISSUES = [
  '反映巷道路灯损坏，夜间出行不便',
  '反映邻居家排水流入自家院内',
  '反映小区楼道堆放杂物',
  '咨询高龄补贴申领流程',
  '反映自来水压力不足',
];
const FOLLOW_UPS = ['已报村委会安排维修', '已当场答复政策规定', '已约双方到村调委会调解', '已转物业处理并回访'];

/** Compounds a village or community typically has, by what the place is. */
const COMPOUNDS: Record<'village' | 'community', readonly [string, BuildingKind][]> = {
  community: [
    ['幸福家园小区', 'residential'],
    ['供销社家属院', 'old_compound'],
    ['阳光花园', 'residential'],
    ['商贸大厦', 'commercial'],
    ['粮站院', 'unit_compound'],
  ],
  village: [
    ['东头自然村', 'village'],
    ['西坡自然村', 'village'],
    ['学校院落', 'unit_compound'],
    ['老村委大院', 'old_compound'],
  ],
};
const PROPERTY = ['山阴县安居物业服务有限公司', '朔州市宜家物业管理有限公司', null] as const;

/** A day in the last 12 months, never after today. */
function dayInLastYear(r: Random, today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) - r.int(0, 364) * 86_400_000;
  const day = new Date(t);
  return isoDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

const shortName = (name: string) => name.replace(/(村民委员会|居民委员会|村委会|居委会|社区|村)$/, '');

export function seedVillageFieldwork(
  ctx: HandlerContext,
  r: Random,
  plan: VillageFieldwork,
): { visits: number; buildings: number } {
  const pick = <T>(list: readonly T[]) => r.pick(list);
  const place = shortName(plan.village.name);
  let visits = 0;
  for (const grid of plan.grids) {
    const n = r.int(plan.visitsPerMonth * 10, plan.visitsPerMonth * 14);
    for (let i = 0; i < n; i++) {
      const withIssue = r.chance(0.3);
      const method: VisitMethod = r.chance(0.8) ? 'in_person' : r.chance(0.7) ? 'phone' : 'video';
      createVisit(ctx, {
        villageId: plan.village.id,
        gridId: grid.id,
        visitorId: grid.visitorId,
        visitedOn: dayInLastYear(r, plan.today),
        method,
        subjectName: personName(pick),
        address:
          plan.village.kind === 'community'
            ? `${place}${r.int(1, 12)}号楼${r.int(1, 4)}单元${r.int(1, 6)}0${r.int(1, 4)}室`
            : `${place}村${r.int(1, 9)}组${r.int(1, 80)}号`,
        householdSize: r.int(1, 6),
        content: pick(CONTENTS),
        issues: withIssue ? pick(ISSUES) : null,
        followUp: withIssue ? pick(FOLLOW_UPS) : null,
        caseId: null,
        phone: r.chance(0.6) ? syntheticMobile(r) : null,
      });
      visits++;
    }
  }
  // A village without grids has no one to have collected its compounds.
  if (!plan.grids.length) return { visits, buildings: 0 };
  // Names already on file (a second seed-demo with --force) are left as they are.
  const taken = new Set(
    ctx.db
      .select({ name: buildings.name })
      .from(buildings)
      .where(and(eq(buildings.villageId, plan.village.id), isNull(buildings.deletedAt)))
      .all()
      .map((b) => b.name),
  );
  const kinds = COMPOUNDS[plan.village.kind];
  const count = r.int(2, Math.min(4, kinds.length));
  let made = 0;
  for (let i = 0; i < count; i++) {
    const [suffix, kind] = kinds[i]!;
    const grid = plan.grids[i % plan.grids.length]!;
    if (taken.has(`${place}${suffix}`)) continue;
    made++;
    const households = kind === 'commercial' ? r.int(0, 20) : r.int(40, 480);
    createBuilding(ctx, {
      villageId: plan.village.id,
      gridId: grid.id,
      name: `${place}${suffix}`,
      address: `${place}${pick(['幸福路', '建设街', '文化路', '振兴街'])}${r.int(1, 120)}号`,
      kind,
      buildingCount: kind === 'village' ? r.int(20, 90) : r.int(1, 18),
      households,
      residents: Math.round(households * (2.2 + r.next())),
      shops: kind === 'commercial' ? r.int(10, 60) : r.int(0, 8),
      propertyCompany: kind === 'residential' || kind === 'commercial' ? pick(PROPERTY) : null,
      safetyContactName: personName(pick),
      safetyContactPhone: syntheticMobile(r),
      // Around 山阴县 (112.8°E, 39.5°N): within a few kilometres of the county seat.
      longitude: 112.7 + r.next() * 0.3,
      latitude: 39.4 + r.next() * 0.25,
      collectedOn: dayInLastYear(r, plan.today),
      collectorId: grid.visitorId,
    });
  }
  return { visits, buildings: made };
}
