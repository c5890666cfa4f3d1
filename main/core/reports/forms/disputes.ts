/**
 * 矛盾纠纷排查化解情况表, in the common provincial layout: for 本期 and 本年累计, columns by level —
 * 乡镇（街道）, 村（社区） and 小计 — each with 排查数, 调处数, 化解数 and 化解率 (化解 / 排查). Rows: 开展集中排查次数,
 * then dispute cases by GB/T 31000 type, by people involved and the 重大矛盾纠纷 among them, and 合计.
 * Counted in figures/disputes.ts, every case figure through a case-list filter.
 *
 * What the columns mean:
 * - 排查数: dispute cases registered in the period (the 登记 date, as every case form counts).
 * - 调处数: those with a mediation result recorded (调解成功, 调解不成 or 终止调解).
 * - 化解数: those recorded as 调解成功 — a closed dispute without a result is never 化解 (and cannot
 *   be closed without one now).
 * - The level is where the dispute was taken up for mediation (调解层级 on the case). Who found a
 *   dispute is not a level — the grid worker or the 热线 — so a dispute not yet taken up has no level:
 *   it counts in 小计 only. Under a level, 排查数 is the disputes taken up at that level, so its 化解率
 *   reads "of what this level took up, how much it settled". Recording a result needs the level
 *   (cases.setMediation), so 调处数 and 化解数 of 小计 are exactly 乡镇 + 村; 排查数 of 小计 is that plus
 *   the disputes still waiting to be taken up. Using the grid's village for 排查 instead would put every
 *   dispute under 村（社区）, since every case has a grid, and say nothing.
 * - 开展集中排查次数: 矛盾纠纷集中排查 entries in the work log. The log does not say which level organised
 *   a session, so the count stands under 小计's 排查数 only, and the row has no rate.
 */
import { loadTaxonomy } from '../../cases/taxonomy-store';
import { defineReport, type ColumnGroup, type LeafColumn, type ReportRow } from '../definition';
import {
  disputeFigures,
  LEVELS,
  PEOPLE_BANDS,
  type DisputeScope,
  type LevelCounts,
  type LevelKey,
} from '../figures/disputes';
import { yearToDate, type ReportPeriod } from '../periods';
import { ALL_PERIOD_KINDS, type ReportForm } from './types';

const LEVEL_HEADERS: Record<LevelKey, string> = { township: '乡镇（街道）', village: '村（社区）', all: '小计' };

/** Cell keys: `<p|y>_<level>_<measure>`, e.g. `p_village_resolved`. */
const key = (period: string, level: LevelKey, measure: string) => `${period}_${level}_${measure}`;

/** One level's four columns. */
function levelBlock(period: string, level: LevelKey): ColumnGroup {
  const count = (measure: string, header: string): LeafColumn => ({
    key: key(period, level, measure),
    header,
    width: 4.2,
    format: 'integer',
  });
  return {
    header: LEVEL_HEADERS[level],
    children: [
      count('found', '排查数\n（件）'),
      count('mediated', '调处数\n（件）'),
      count('resolved', '化解数\n（件）'),
      {
        key: key(period, level, 'rate'),
        header: '化解率',
        width: 5,
        rate: { numerator: key(period, level, 'resolved'), denominator: key(period, level, 'found') },
      },
    ],
  };
}

const periodBlock = (header: string, period: string): ColumnGroup => ({
  header,
  children: LEVELS.map((level) => levelBlock(period, level)),
});

export const disputesDefinition = defineReport({
  id: 'disputes',
  name: '矛盾纠纷排查化解情况表',
  // 27 columns: on A4 they would print at about 60 %, too small to read or to fill in by hand.
  paper: 'A3',
  orientation: 'landscape',
  columns: [
    { key: 'group', header: '分类', width: 5.2, align: 'center', mergeRuns: true },
    { key: 'item', header: '项目', width: 12 },
    periodBlock('本期', 'p'),
    periodBlock('本年累计', 'y'),
  ],
});

function cells(period: string, c: LevelCounts): ReportRow {
  const out: Record<string, number> = {};
  for (const level of LEVELS) {
    out[key(period, level, 'found')] = c[level].found;
    out[key(period, level, 'mediated')] = c[level].mediated;
    out[key(period, level, 'resolved')] = c[level].resolved;
  }
  return out;
}

const none = (): LevelCounts => ({
  township: { found: 0, mediated: 0, resolved: 0 },
  village: { found: 0, mediated: 0, resolved: 0 },
  all: { found: 0, mediated: 0, resolved: 0 },
});

export const disputesForm: ReportForm = {
  definition: disputesDefinition,
  periodKinds: ALL_PERIOD_KINDS,
  scopes: ['township', 'village'],
  revealable: false,
  build({ db, now: reportedAt }, { period, villageId }) {
    const categories = loadTaxonomy(db).categories.filter((c) => c.dispute);
    // Report forms count no 待我处理, so no caller.
    const ctx = { db, now: reportedAt, user: null };
    const scope = (p: ReportPeriod): DisputeScope => ({
      categoryCodes: categories.map((c) => c.code),
      villageId,
      from: p.start,
      to: p.end,
    });
    const current = disputeFigures(ctx, scope(period));
    const ytd = disputeFigures(ctx, scope(yearToDate(period)));
    const row = (group: string, item: string, a: LevelCounts | undefined, b: LevelCounts | undefined): ReportRow => ({
      group,
      item,
      ...cells('p', a ?? none()),
      ...cells('y', b ?? none()),
    });

    // Every type of the taxonomy prints, counted or not; a type since removed still shows its cases.
    const types = categories.flatMap((c) => c.subcategories.map((s) => ({ key: `${c.code}/${s.code}`, name: s.name })));
    const known = new Set(types.map((t) => t.key));
    const removed = [...new Set([...current.byType.keys(), ...ytd.byType.keys()])].filter((k) => !known.has(k)).sort();
    types.push(...removed.map((k) => ({ key: k, name: `纠纷类型 ${k.slice(3)}` })));

    // The group label on every line of its block: the frame merges it into one cell (mergeRuns).
    const rows: ReportRow[] = [
      {
        group: '集中排查',
        item: '开展集中排查次数（次）',
        [key('p', 'all', 'found')]: current.screenings,
        [key('y', 'all', 'found')]: ytd.screenings,
      },
      ...types.map((t) => row('按纠纷类型', t.name, current.byType.get(t.key), ytd.byType.get(t.key))),
      ...PEOPLE_BANDS.map((b, i) => row('按涉及人数', b.label, current.byPeople[i], ytd.byPeople[i])),
      row('其中', '重大矛盾纠纷', current.major, ytd.major),
    ];
    // Each case sits in one type row, one band row and perhaps the 重大 row: the total counts it once.
    return { rows, total: { ...cells('p', current.total), ...cells('y', ytd.total) } };
  },
};
