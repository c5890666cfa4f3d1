/**
 * Visits and compounds for report tests, registered through the 走访 service (visits.create,
 * buildings.create) as a clerk would: deterministic for a seed, spread over the days given.
 */
import type { TestCore } from './core';

export interface FieldworkPlace {
  villageId: string;
  villageName: string;
  gridId: string;
}

export interface FieldworkSeed {
  places: readonly FieldworkPlace[];
  /** 走访人 / 采集人: persons on file. */
  workerIds: readonly string[];
  /** Inclusive days, `YYYY-MM-DD`; none after the clock's today. */
  from: string;
  to: string;
  visits: number;
  buildings: number;
  /** Cases a visit may be linked to (about one visit in ten). */
  caseIds?: readonly string[];
  seed?: number;
  /** Compounds are named 第N号楼院 from this N on (names are unique within a village). */
  firstNumber?: number;
}

const SUBJECTS = ['李建华', '王秀英', '张国强', '刘桂兰', '陈志明', '杨淑珍', '赵德胜', '黄玉梅', '周海涛', '吴春花'];
const CONTENTS = [
  '了解家庭近况，宣传防范电信诈骗知识',
  '走访独居老人，询问身体和生活情况',
  '核实家庭人口信息，更新网格基础台账',
  '宣传森林防火和冬季用电安全',
  '了解邻里关系，排查矛盾纠纷隐患',
];
const ISSUES = ['院墙排水不畅，雨天积水', '楼道照明损坏', '反映邻居饲养犬只扰民', '希望增设健身器材'];
const FOLLOW_UPS = ['已转村委会协调处理', '已告知物业限期维修', '已上报网格事件', '已解释相关政策，群众表示满意'];
const METHODS = ['in_person', 'in_person', 'in_person', 'phone', 'video'] as const;

/** A small linear congruential generator: the same seed gives the same township. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export function seedFieldwork(t: Pick<TestCore, 'ok'>, session: string, s: FieldworkSeed) {
  const rnd = random(s.seed ?? 11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const span = days(s.from, s.to);
  const visitIds: string[] = [];
  for (let i = 0; i < s.visits; i++) {
    const place = pick(s.places);
    const raised = rnd() < 0.4;
    const caseId = s.caseIds?.length && rnd() < 0.1 ? pick(s.caseIds) : null;
    const visit = t.ok<{ id: string }>(
      'visits.create',
      {
        villageId: place.villageId,
        gridId: place.gridId,
        visitorId: pick(s.workerIds),
        visitedOn: pick(span),
        method: pick(METHODS),
        subjectName: pick(SUBJECTS),
        address: `${place.villageName}${1 + Math.floor(rnd() * 9)}组${1 + Math.floor(rnd() * 60)}号`,
        phone: rnd() < 0.8 ? `139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : null,
        householdSize: 1 + Math.floor(rnd() * 6),
        content: pick(CONTENTS),
        issues: raised ? pick(ISSUES) : null,
        followUp: raised ? pick(FOLLOW_UPS) : null,
        caseId,
      },
      session,
    );
    visitIds.push(visit.id);
  }
  const buildingIds: string[] = [];
  for (let i = 0; i < s.buildings; i++) {
    const place = s.places[i % s.places.length]!;
    const n = (s.firstNumber ?? 1) + i;
    const building = t.ok<{ id: string }>(
      'buildings.create',
      {
        villageId: place.villageId,
        gridId: place.gridId,
        name: `${place.villageName}第${n}号楼院`,
        address: `${place.villageName}幸福路${n}号`,
        kind: 'residential',
        buildingCount: 1 + Math.floor(rnd() * 8),
        households: 20 + Math.floor(rnd() * 200),
        residents: 60 + Math.floor(rnd() * 600),
        shops: Math.floor(rnd() * 10),
        collectedOn: pick(span),
        collectorId: pick(s.workerIds),
      },
      session,
    );
    buildingIds.push(building.id);
  }
  return { visitIds, buildingIds };
}
