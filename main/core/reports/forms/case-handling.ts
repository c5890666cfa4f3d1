/** 网格事件处置情况统计表: the period's cases per 大类, received to closed, with both rates. */
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
    count('received', '受理数\n（件）'),
    count('accepted', '甄别有效\n（件）'),
    count('assigned', '交办数\n（件）'),
    count('handled', '处置数\n（件）'),
    {
      header: '办结情况（件）',
      children: [count('closed', '办结数'), count('onTime', '按期\n办结数'), count('overdue', '超期数')],
    },
    { key: 'handlingRate', header: '处置率', width: 7, rate: { numerator: 'handled', denominator: 'received' } },
    { key: 'onTimeRate', header: '按期\n办结率', width: 7, rate: { numerator: 'onTime', denominator: 'closed' } },
  ],
});

export const caseHandlingForm: ReportForm = {
  definition: caseHandlingDefinition,
  periodKinds: ALL_PERIOD_KINDS,
  scopes: ['township', 'village'],
  revealable: false,
  build({ db, now }, { period, villageId }) {
    const rows = caseHandlingFigures({ db, now, user: null }, { from: period.start, to: period.end, villageId });
    // Each case has one 大类, so the column sums are the period's totals (the 工作台's numbers).
    return { rows: rows.map(({ code: _code, ...r }) => r), total: true };
  },
};
