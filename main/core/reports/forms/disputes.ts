/**
 * 矛盾纠纷排查化解情况表: dispute cases registered in the period and in the year to its end, by
 * GB/T 31000 dispute type, by people involved and the 重大矛盾纠纷 apart. Counted in figures/disputes.ts.
 */
import { loadTaxonomy } from '../../cases/taxonomy-store';
import { defineReport, type ColumnGroup, type ReportRow } from '../definition';
import { disputeFigures, PEOPLE_BANDS, type DisputeCounts, type DisputeScope } from '../figures/disputes';
import { yearToDate, type ReportPeriod } from '../periods';
import { ALL_PERIOD_KINDS, type ReportForm } from './types';

/** The five columns once under 本期 (`p`) and once under 本年累计 (`y`). */
function block(header: string, p: string): ColumnGroup {
  const count = (key: string, text: string) => ({ key: p + key, header: text, width: 4.6, format: 'integer' as const });
  const rate = (key: string, text: string, numerator: string, denominator: string) => ({
    key: p + key,
    header: text,
    width: 6,
    rate: { numerator: p + numerator, denominator: p + denominator },
  });
  return {
    header,
    children: [
      count('Found', '排查数\n（件）'),
      count('Handled', '调处数\n（件）'),
      rate('HandledRate', '调处率', 'Handled', 'Found'),
      count('Succeeded', '成功数\n（件）'),
      rate('SucceededRate', '成功率', 'Succeeded', 'Handled'),
    ],
  };
}

export const disputesDefinition = defineReport({
  id: 'disputes',
  name: '矛盾纠纷排查化解情况表',
  paper: 'A4',
  orientation: 'landscape',
  columns: [
    { key: 'group', header: '分类', width: 7.5, align: 'center', mergeRuns: true },
    { key: 'item', header: '项目', width: 14 },
    block('本期', 'p'),
    block('本年累计', 'y'),
  ],
});

const cells = (prefix: string, c: DisputeCounts) => ({
  [`${prefix}Found`]: c.found,
  [`${prefix}Handled`]: c.handled,
  [`${prefix}Succeeded`]: c.succeeded,
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
    const none: DisputeCounts = { found: 0, handled: 0, succeeded: 0 };
    const row = (
      group: string,
      item: string,
      a: DisputeCounts | undefined,
      b: DisputeCounts | undefined,
    ): ReportRow => ({
      group,
      item,
      ...cells('p', a ?? none),
      ...cells('y', b ?? none),
    });

    // Every type of the taxonomy prints, counted or not; a type since removed still shows its cases.
    const types = categories.flatMap((c) => c.subcategories.map((s) => ({ key: `${c.code}/${s.code}`, name: s.name })));
    const known = new Set(types.map((t) => t.key));
    const removed = [...new Set([...current.byType.keys(), ...ytd.byType.keys()])].filter((k) => !known.has(k)).sort();
    types.push(...removed.map((key) => ({ key, name: `纠纷类型 ${key.slice(3)}` })));

    // The group label on every line of its block: the frame merges it into one cell (mergeRuns).
    const rows = [
      ...types.map((t) => row('按纠纷类型', t.name, current.byType.get(t.key), ytd.byType.get(t.key))),
      ...PEOPLE_BANDS.map((b, i) => row('按涉及人数', b.label, current.byPeople[i], ytd.byPeople[i])),
      row('重大矛盾纠纷', '重大群体性', current.major, ytd.major),
    ];
    // Each case sits in one type row, one band row and perhaps the 重大 row: the total counts it once.
    return { rows, total: { ...cells('p', current.total), ...cells('y', ytd.total) } };
  },
};
