/**
 * A test-only form on the print frame: grouped headers (网格员 → 专职/兼职, 事件数 → 受理/办结/超期), a
 * derived rate and a total row. Used by the frame's tests and by scripts/render-report-sample.ts.
 */
import { defineReport, parsePeriod, type ReportData, type ReportRow } from '../../main/core/reports';

export const SAMPLE_FORM = defineReport({
  id: 'sample-events',
  name: '网格事件处置情况统计表',
  paper: 'A4',
  orientation: 'landscape',
  columns: [
    { key: 'category', header: '事件类别', width: 10 },
    {
      header: '网格员（人）',
      children: [
        { key: 'fullTime', header: '专职', width: 4, format: 'integer' },
        { key: 'partTime', header: '兼职', width: 4, format: 'integer' },
      ],
    },
    {
      header: '事件数（件）',
      children: [
        { key: 'received', header: '受理', width: 5, format: 'integer' },
        { key: 'handled', header: '办结', width: 5, format: 'integer' },
        { key: 'overdue', header: '超期', width: 4, format: 'integer' },
      ],
    },
    { key: 'handledRate', header: '办结率', width: 6, rate: { numerator: 'handled', denominator: 'received' } },
    { key: 'remark', header: '备注', width: 14 },
  ],
});

/** Three rows whose totals are 2,000 received and 1,987 handled: a total rate of 99.35%. */
export const SAMPLE_ROWS: ReportRow[] = [
  { category: '矛盾纠纷', fullTime: 3, partTime: 5, received: 1000, handled: 995, overdue: 2, remark: '' },
  {
    category: '治安隐患',
    fullTime: 2,
    partTime: 4,
    received: 900,
    handled: 895,
    overdue: 1,
    remark: '含<夜间>巡查&上报',
  },
  { category: '民生服务', fullTime: 1, partTime: 0, received: 100, handled: 97, overdue: 0, remark: null },
];

export function sampleData(rows: Iterable<ReportRow> = SAMPLE_ROWS): ReportData<Iterable<ReportRow>> {
  return {
    unit: '玉井镇综治中心',
    titleUnit: '玉井镇',
    period: parsePeriod('2026-10'),
    rows,
    total: true,
    signatures: { preparer: '王小红', reviewer: '李建国', phone: '0358-6221234' },
  };
}

const CATEGORIES = [
  '矛盾纠纷',
  '治安隐患',
  '民生服务',
  '安全生产',
  '环境卫生',
  '特殊人群服务管理',
  '消防隐患',
  '政策咨询',
];
const REMARKS = ['', '', '已转县级部门督办', '其中 3 件涉及多部门协同处置，已联合调处', ''];

/** `count` deterministic rows for looking at a form across several printed pages. */
export function manySampleRows(count: number): ReportRow[] {
  return Array.from({ length: count }, (_, i) => {
    const received = 20 + ((i * 37) % 180);
    return {
      category: `${CATEGORIES[i % CATEGORIES.length]}（第${Math.floor(i / CATEGORIES.length) + 1}片区）`,
      fullTime: 1 + (i % 4),
      partTime: (i * 7) % 6,
      received,
      handled: received - ((i * 3) % 5),
      overdue: (i * 5) % 3,
      remark: REMARKS[i % REMARKS.length],
    };
  });
}
