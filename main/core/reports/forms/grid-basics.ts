/** 网格基本情况统计表: one row per village/community, as of the period's last day. */
import { defineReport, type LeafColumn } from '../definition';
import { gridBasicsFigures, type GridBasicsFigures } from '../figures/grid-basics';
import { periodInstants } from '../periods';
import { ALL_PERIOD_KINDS, type ReportForm } from './types';

const count = (key: keyof GridBasicsFigures, header: string, width = 4.5): LeafColumn => ({
  key,
  header,
  width,
  format: 'integer',
});

export const gridBasicsDefinition = defineReport({
  id: 'grid-basics',
  name: '网格基本情况统计表',
  paper: 'A4',
  orientation: 'landscape',
  columns: [
    { key: 'name', header: '村（社区）', width: 11 },
    {
      header: '网格数（个）',
      children: [
        count('grids', '合计'),
        count('villageGrids', '村网格'),
        count('communityGrids', '社区\n网格'),
        count('dedicatedGrids', '专属\n网格'),
      ],
    },
    count('households', '户数\n（户）', 6),
    count('residents', '人口\n（人）', 6.5),
    count('heads', '网格长\n（人）'),
    {
      header: '网格员（人）',
      children: [count('fullTime', '专职'), count('partTime', '兼职')],
    },
    count('assistants', '网格\n辅助员\n（人）'),
    count('instructors', '网格\n指导员\n（人）'),
    {
      header: '党组织',
      children: [
        count('partyBranches', '网格\n党支部\n（个）'),
        count('partyGroups', '党小组\n（个）'),
        count('partyMembers', '网格内\n党员\n（人）', 5),
      ],
    },
  ],
});

export const gridBasicsForm: ReportForm = {
  definition: gridBasicsDefinition,
  periodKinds: ALL_PERIOD_KINDS,
  scopes: ['township', 'village'],
  revealable: false,
  build(source, { period, villageId }) {
    const figures = gridBasicsFigures(source.conn, {
      asOf: period.end,
      until: periodInstants(period).until,
      villageId,
    });
    // The total counts each person once, which a sum over villages would not.
    return { rows: figures.villages.map((v) => ({ ...v })), total: { ...figures.total } };
  },
};
