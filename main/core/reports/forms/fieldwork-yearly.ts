/**
 * 网格化服务管理工作情况统计表: the year's field work and case work per village/community — the
 * figures a township reports each year (楼院, 入户走访 and 电话/视频联系 apart, 诉求, 化解纠纷, 办理事项 =
 * 受理, 办结, 办结率 = 办结 / 受理). Usually a year; a quarter, half-year or range counts the same way.
 */
import { defineReport, type LeafColumn } from '../definition';
import { fieldworkYearFigures, type FieldworkYearCounts } from '../figures/fieldwork-yearly';
import type { ReportForm } from './types';

const count = (key: keyof FieldworkYearCounts, header: string, width = 8): LeafColumn => ({
  key,
  header,
  width,
  format: 'integer',
});

export const fieldworkYearlyDefinition = defineReport({
  id: 'fieldwork-yearly',
  name: '网格化服务管理工作情况统计表',
  paper: 'A4',
  orientation: 'landscape',
  columns: [
    { key: 'name', header: '村（社区）', width: 12 },
    count('buildings', '楼院采集\n（个）'),
    count('visits', '入户走访\n（户次）'),
    count('remoteContacts', '电话/视频\n联系（次）'),
    count('appeals', '收集群众\n诉求（件）'),
    count('disputesResolved', '化解矛盾\n纠纷（件）'),
    count('accepted', '办理事项\n（件）'),
    count('closed', '办结\n（件）'),
    { key: 'closedRate', header: '办结率', width: 8, rate: { numerator: 'closed', denominator: 'accepted' } },
  ],
});

export const fieldworkYearlyForm: ReportForm = {
  definition: fieldworkYearlyDefinition,
  // Year first: the 报表 page switches to it when this form is picked.
  periodKinds: ['year', 'half', 'quarter', 'range'],
  scopes: ['township', 'village'],
  revealable: false,
  columnNotes: [
    '入户走访（户次）：走访方式为入户的走访。',
    '电话/视频联系（次）：电话、视频方式的联系，不计入入户走访。',
    '化解矛盾纠纷（件）：调解结果为调解成功的矛盾纠纷。',
    '办理事项（件）：受理数（甄别有效，不含不予受理、合并、备案）；办结（件）：其中已办结的。',
    '办结率 = 办结 / 办理事项（受理数），四舍五入保留两位小数。',
  ],
  build({ db, now }, { period, villageId }) {
    const rows = fieldworkYearFigures({ db, now, user: null }, { period, villageId });
    // Every visit, compound and case belongs to one village, so the column sums are the township's.
    return { rows: rows.map(({ villageId: _id, code: _code, ...r }) => r), total: true };
  },
};
