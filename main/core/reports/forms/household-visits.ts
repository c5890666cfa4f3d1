/**
 * 入户走访登记表: one row per 入户 visit of the period (电话/视频 contacts are not 户次 and stay off
 * it), streamed when exported (a township's year holds over 120,000). A4 landscape: the register's
 * 12 columns (about 90 characters wide, a
 * date, a grid name and a case number each on one line) fit an A4 sheet at about 80 % of 宋体 11 —
 * still readable, on the paper every township printer holds — where A3 would print the same lines
 * larger on paper few centres stock.
 */
import { defineReport, type LeafColumn } from '../definition';
import { visitsCount, visitsPage, visitsStream } from '../figures/household-visits';
import { ALL_PERIOD_KINDS, type ReportForm } from './types';

/** Rows the on-screen preview shows; the export has them all. */
export const VISITS_PREVIEW_ROWS = 200;

const centred = (key: string, header: string, width: number): LeafColumn => ({ key, header, width, align: 'center' });

export const householdVisitsDefinition = defineReport({
  id: 'household-visits',
  name: '入户走访登记表',
  paper: 'A4',
  orientation: 'landscape',
  columns: [
    centred('visitedOn', '走访日期', 7.5),
    centred('village', '村（社区）', 5.5),
    centred('grid', '网格', 8),
    centred('visitor', '走访人', 4),
    centred('subject', '走访对象', 4),
    { key: 'address', header: '住址', width: 7.5 },
    centred('phone', '联系电话', 6.2),
    { key: 'content', header: '走访内容', width: 14.1 },
    { key: 'issues', header: '反映问题', width: 9 },
    { key: 'followUp', header: '跟进情况', width: 9 },
    centred('caseNumber', '关联事件', 11),
  ],
});

export const householdVisitsForm: ReportForm = {
  definition: householdVisitsDefinition,
  periodKinds: ALL_PERIOD_KINDS,
  scopes: ['township', 'village'],
  revealable: true,
  columnNotes: ['每行一次入户走访（户次）；电话、视频联系不列入本表，在工作情况统计表中单列。'],
  build(source, params) {
    return { rows: visitsPage(source, params, VISITS_PREVIEW_ROWS), rowCount: visitsCount(source, params) };
  },
  stream: {
    count: visitsCount,
    rows: (source, params, between) => visitsStream(source, params, between),
  },
};
