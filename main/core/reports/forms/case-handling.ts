/**
 * 网格事件处置情况统计表: the period's cases per 大类 — 登记, 受理, 不予受理, 交办, 办结, 按期办结, 超期,
 * 就地化解 — with 办结率 (办结 / 受理) and 按期办结率 (按期办结 / 办结). Definitions in shared/cases/figures.ts.
 */
import { defineReport, type LeafColumn } from '../definition';
import { caseHandlingFigures, type CaseHandlingKey } from '../figures/case-handling';
import { ALL_PERIOD_KINDS, type ReportForm } from './types';

const count = (key: CaseHandlingKey, header: string, width = 6): LeafColumn => ({
  key,
  header,
  width,
  format: 'integer',
});

export const caseHandlingDefinition = defineReport({
  id: 'case-handling',
  name: '网格事件处置情况统计表',
  paper: 'A4',
  orientation: 'landscape',
  columns: [
    { key: 'name', header: '事件类别', width: 10 },
    count('registered', '登记数\n（件）'),
    count('accepted', '受理数\n（件）'),
    count('rejected', '不予\n受理数'),
    count('assigned', '交办数\n（件）'),
    {
      header: '办结情况（件）',
      children: [count('closed', '办结数'), count('onTime', '按期\n办结数'), count('overdue', '超期数')],
    },
    count('onSpot', '就地\n化解数'),
    { key: 'closedRate', header: '办结率', width: 7, rate: { numerator: 'closed', denominator: 'accepted' } },
    { key: 'onTimeRate', header: '按期\n办结率', width: 7, rate: { numerator: 'onTime', denominator: 'closed' } },
  ],
});

export const caseHandlingForm: ReportForm = {
  definition: caseHandlingDefinition,
  periodKinds: ALL_PERIOD_KINDS,
  scopes: ['township', 'village'],
  revealable: false,
  columnNotes: [
    '登记数：期内登记的全部事项。',
    '受理数：甄别有效并进入后续环节的事项（含就地化解），不含不予受理、合并、备案。',
    '不予受理数：甄别时不予受理的事项。',
    '交办数：已交办及其后各环节的事项（就地化解不经交办）。',
    '办结数：已受理并办结的事项；按期办结数：其中从未超期的；超期数：曾超过时限的事项。',
    '就地化解数：发现即办结的事项，同时计入登记、受理和办结。',
    '办结率 = 办结数 / 受理数，按期办结率 = 按期办结数 / 办结数，四舍五入保留两位小数，分母为 0 时记“—”。',
  ],
  build({ db, now }, { period, villageId }) {
    const rows = caseHandlingFigures({ db, now, user: null }, { from: period.start, to: period.end, villageId });
    // Each case has one 大类, so the column sums are the period's totals (the 工作台's numbers).
    return { rows: rows.map(({ code: _code, ...r }) => r), total: true };
  },
};
