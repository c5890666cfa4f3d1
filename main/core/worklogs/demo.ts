/**
 * seed-demo's 工作日志 step for one village: a year of 政策宣传, 社情民意 and 便民服务 by each grid's
 * 网格员, and the village's 矛盾纠纷集中排查 sessions (a few a month), written through the service
 * inside the village's transaction. Seeded: the same seed gives the same entries everywhere.
 */
import type { WorkLogKind } from '../../../shared/worklogs/codes';
import { isoDate } from '../../../shared/dates';
import type { HandlerContext } from '../context';
import type { Random } from '../people/random';
import { createWorkLog } from './service';

export interface VillageWorkLogs {
  /** The village's grids, each with its 网格员 (the 记录人). */
  grids: { id: string; workerId: string }[];
  today: string;
}

const CONTENTS: Record<WorkLogKind, readonly string[]> = {
  publicity: [
    '在村文化广场开展防范电信网络诈骗宣传，发放宣传册',
    '入户宣传平安建设知识，张贴宣传海报',
    '组织法治讲座进村，讲解民法典婚姻家庭编',
    '宣传移风易俗，倡导婚事新办、丧事简办',
    '宣传医保缴费和高龄补贴政策',
  ],
  opinion: [
    '收集群众对村内道路硬化的意见建议',
    '了解村民对人居环境整治的看法并汇总上报',
    '走访收集群众对集市管理的意见',
    '听取老党员对村务公开的建议',
  ],
  disputeScreening: [
    '组织网格员对辖区土地承包、邻里关系开展集中排查',
    '开展节前矛盾纠纷集中排查，重点排查婚姻家庭、劳资纠纷',
    '联合村调委会对重点户开展矛盾纠纷集中排查',
  ],
  service: [
    '为行动不便老人代办养老金资格认证',
    '帮助群众线上办理医保缴费',
    '协助独居老人联系维修电路',
    '为群众代办居住证申请材料',
  ],
};

/** Entries per grid per month for the grid's own work, and per village per month for 集中排查. */
const PER_GRID: readonly [WorkLogKind, number, number][] = [
  ['publicity', 1, 2],
  ['opinion', 0, 2],
  ['service', 1, 3],
];
const SCREENINGS_PER_VILLAGE: readonly [number, number] = [2, 3];

/** The days of the month `back` months before today that are not after today. */
function monthDays(today: string, back: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - back, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  const last = back === 0 ? d : new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => isoDate(year, month, i + 1));
}

export function seedVillageWorkLogs(ctx: HandlerContext, r: Random, plan: VillageWorkLogs): { workLogs: number } {
  let n = 0;
  // A village without a grid has no team to log anything.
  if (!plan.grids.length) return { workLogs: 0 };
  const write = (kind: WorkLogKind, gridId: string, workerId: string, days: string[]) => {
    createWorkLog(ctx, {
      workedOn: r.pick(days),
      gridId,
      workerId,
      kind,
      content: r.pick(CONTENTS[kind]),
      peopleReached: kind === 'disputeScreening' ? r.int(10, 60) : kind === 'service' ? r.int(1, 5) : r.int(10, 120),
    });
    n++;
  };
  for (let back = 0; back < 12; back++) {
    const days = monthDays(plan.today, back);
    for (const grid of plan.grids) {
      for (const [kind, min, max] of PER_GRID) {
        for (let i = r.int(min, max); i > 0; i--) write(kind, grid.id, grid.workerId, days);
      }
    }
    for (let i = r.int(...SCREENINGS_PER_VILLAGE); i > 0; i--) {
      const grid = r.pick(plan.grids);
      write('disputeScreening', grid.id, grid.workerId, days);
    }
  }
  return { workLogs: n };
}
