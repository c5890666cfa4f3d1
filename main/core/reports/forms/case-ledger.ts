/** 事件台账: one row per case registered in the period, A3 landscape, streamed when exported. */
import { defineReport, type LeafColumn } from '../definition';
import { ledgerCount, ledgerPage, ledgerStream } from '../figures/case-ledger';
import { ALL_PERIOD_KINDS, type ReportForm } from './types';

/** Rows the on-screen preview shows; the export has them all. */
export const LEDGER_PREVIEW_ROWS = 200;

const centred = (key: string, header: string, width: number): LeafColumn => ({ key, header, width, align: 'center' });

export const caseLedgerDefinition = defineReport({
  id: 'case-ledger',
  name: '事件台账',
  paper: 'A3',
  orientation: 'landscape',
  columns: [
    centred('number', '事件编号', 10),
    centred('createdAt', '登记时间', 7.5),
    centred('source', '事件来源', 5),
    centred('category', '事件大类', 5.5),
    centred('subcategory', '事件小类', 6),
    centred('scale', '事件规模', 4),
    centred('urgency', '紧急\n程度', 2.6),
    centred('village', '村（社区）', 5.5),
    centred('grid', '网格', 5.5),
    { key: 'place', header: '发生地点', width: 8 },
    centred('occurredAt', '发生时间', 7.5),
    centred('discoverer', '发现人', 7),
    centred('reporter', '反映人', 4),
    centred('contact', '联系电话', 6),
    { key: 'people', header: '涉及\n人数', width: 2.6, format: 'integer', total: 'none' },
    { key: 'summary', header: '事件概要', width: 14 },
    centred('state', '当前\n状态', 3.6),
    centred('assignee', '承办人/\n承办单位', 6.5),
    centred('dueAt', '办理期限', 7.5),
    centred('late', '是否\n超期', 2.6),
    { key: 'result', header: '处置结果', width: 10 },
    centred('closedAt', '办结时间', 7.5),
    {
      header: '调解情况',
      children: [
        centred('mediationMethod', '方式', 4.2),
        centred('mediationOrg', '组织', 6),
        centred('mediationResult', '结果', 4.4),
      ],
    },
    centred('followUp', '回访\n结果', 3.6),
    centred('supervision', '督办', 4.5),
  ],
});

export const caseLedgerForm: ReportForm = {
  definition: caseLedgerDefinition,
  periodKinds: ALL_PERIOD_KINDS,
  scopes: ['township', 'village'],
  revealable: true,
  build(source, params) {
    return { rows: ledgerPage(source, params, LEDGER_PREVIEW_ROWS), rowCount: ledgerCount(source, params) };
  },
  stream: {
    count: ledgerCount,
    rows: (source, params, between) => ledgerStream(source, params, between),
  },
};
