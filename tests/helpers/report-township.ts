/**
 * A small township for the report tests, built through the contract as a clerk would: two
 * villages, three grids (one 专属), two party groups and seven people whose posts start, end and
 * span villages so the "as of the period's last day" rules show. The clock is fixed at 2026-11-20.
 *
 * As of 2026-10-31 (period 2026-10), in 19 villages/communities (the 18 村 plus 新城社区, listed first):
 *   新城社区 (v1): grids 社区网格 G1 (300 户/900 人, 党支部, 2 党小组) + 专属 G2 (50/120);
 *         网格长 P1 (党员), 专职 P2, 辅助员 P4 (党员, 党小组), 指导员 P5; P3 (兼职, G1) starts in November.
 *   the first 村 (v2): 村网格 G3 (200/700); 网格长 P7 who is also 兼职 in G3, 兼职 P2 (also 专职 in 村 1),
 *         指导员 P5 (also in 村 1); P6 (专职, G3) left on 2026-10-15.
 */
import { syntheticPeople } from '../../main/core/people/synthetic';
import { makeTownship, TOWNSHIP } from './core';

export const FIXED_NOW = new Date('2026-11-20T02:00:00Z');

const NAMES = ['张网长', '李专职', '王新来', '赵辅助', '钱指导', '孙离任', '周兼职'] as const;

export function seedReportTownship(opts: { dataDir?: string } = {}) {
  const t = makeTownship({ dataDir: opts.dataDir, clock: { now: () => FIXED_NOW } });
  const s = t.clerk;
  t.ok('org.createVillage', { code: `${TOWNSHIP}150`, name: '新城社区' }, t.admin);
  const villages = t.ok<{ id: string; code: string; name: string }[]>('org.listVillages', {}, s);
  const [v1, v2] = [villages[0]!, villages[1]!];
  const grid = (villageId: string, extra: Record<string, unknown>) =>
    t.ok<{ id: string; code: string; name: string }>('org.createGrid', { villageId, ...extra }, s);
  const g1 = grid(v1.id, {
    type: 'community',
    name: '第一网格',
    households: 300,
    residents: 900,
    partyBranchName: '第一网格党支部',
  });
  const g2 = grid(v1.id, {
    type: 'dedicated',
    dedicatedKind: 'school',
    name: '中心校网格',
    households: 50,
    residents: 120,
  });
  const g3 = grid(v2.id, { type: 'village', name: '东区网格', households: 200, residents: 700 });
  const group = t.ok<{ id: string }>('org.savePartyGroup', { gridId: g1.id, name: '第一党小组', memberCount: 6 }, s);
  t.ok('org.savePartyGroup', { gridId: g1.id, name: '第二党小组', memberCount: 4 }, s);

  const synthetic = syntheticPeople({
    countyCode: '140621',
    count: NAMES.length,
    seed: 'reports',
    today: '2026-11-20',
  });
  const person = (i: number, extra: Record<string, unknown> = {}) =>
    t.ok<{ id: string }>(
      'people.create',
      {
        name: NAMES[i],
        idNumber: synthetic[i]!.idNumber,
        phone: synthetic[i]!.mobile,
        politicalStatus: '13',
        education: '40',
        ...extra,
      },
      s,
    );
  const post = (personId: string, input: Record<string, unknown>) =>
    t.ok<{ id: string }>('posts.add', { personId, startDate: '2026-01-05', ...input }, s);

  const p = [
    person(0, { politicalStatus: '01' }),
    person(1),
    person(2),
    person(3, { politicalStatus: '01', partyGroupId: group.id }),
    person(4),
    person(5),
    person(6),
  ];
  post(p[0]!.id, { type: 'head', villageId: v1.id, startDate: '2025-01-01' });
  post(p[1]!.id, { type: 'worker', gridId: g1.id, employment: 'full_time' });
  post(p[1]!.id, { type: 'worker', gridId: g3.id, employment: 'part_time' });
  post(p[2]!.id, { type: 'worker', gridId: g1.id, employment: 'part_time', startDate: '2026-11-01' });
  post(p[3]!.id, { type: 'assistant', gridId: g2.id, assistantKind: 'veteran_member' });
  post(p[4]!.id, { type: 'instructor', villageId: v1.id, instructorKind: 'stationed' });
  post(p[4]!.id, { type: 'instructor', villageId: v2.id, instructorKind: 'responsible' });
  const left = post(p[5]!.id, { type: 'worker', gridId: g3.id, employment: 'full_time' });
  t.ok('posts.end', { id: left.id, endDate: '2026-10-15' }, s);
  post(p[6]!.id, { type: 'head', villageId: v2.id });
  post(p[6]!.id, { type: 'worker', gridId: g3.id, employment: 'part_time' });

  return { ...t, v1, v2, villages, grids: { g1, g2, g3 }, synthetic, names: NAMES };
}
