/**
 * 网格事件处置情况统计表 over demo cases (fixed seed and clock): the .xlsx read back (cells, merges,
 * print settings, borders), every figure equal to the total of the case list its filter opens, and
 * the 合计 处置率 equal to the 工作台's for the same month.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../main/core/cases/demo';
import { loadTaxonomy } from '../../main/core/cases/taxonomy-store';
import { CASE_HANDLING_FILTERS, type CaseHandlingKey } from '../../main/core/reports/figures/case-handling';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import type { DashboardSummary } from '../../shared/api/dashboard';
import { makeCaseTownship } from '../helpers/cases';
import { tempDir } from '../helpers/core';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';
import { SYSTEM_PYTHON, skipWithoutReader } from '../helpers/independent-reader';

const NOW = '2026-09-30T10:00:00+08:00';
// Columns: 序号, 事件类别, 受理, 甄别有效, 交办, 处置, 办结, 按期办结, 超期, 处置率, 按期办结率.
const LAST_COL = 11;
const COUNT_COLS: [CaseHandlingKey, number][] = [
  ['received', 3],
  ['accepted', 4],
  ['assigned', 5],
  ['handled', 6],
  ['closed', 7],
  ['onTime', 8],
  ['overdue', 9],
];

let t: ReturnType<typeof makeCaseTownship>;
let ws: ExcelJS.Worksheet;
let categories: { code: string; name: string }[];
let totalRow: number;
let xlsx: { fileName: string; bytes: Buffer };

async function exportSheet(input: Record<string, unknown>) {
  const r = await dispatchAny(t.core.dispatch, { method: 'reports.export', input, session: t.sessions.clerk });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const data = r.data as { fileName: string; bytes: string };
  const bytes = Buffer.from(data.bytes, 'base64');
  return { fileName: data.fileName, bytes, ws: await readXlsxBytes(bytes) };
}

/** The case list's total for a filter, as the 事件 page shows it. */
const listTotal = (filter: object) =>
  t.ok<{ total: number }>('cases.list', { ...filter, limit: 1 }, t.sessions.clerk).total;

beforeAll(async () => {
  t = makeCaseTownship(NOW);
  seedDemoCases(t.core.deps, { count: 3000, seed: 11, years: 1, now: new Date(NOW).toISOString() });
  // One closed case that had missed a deadline on the way, so 按期办结 is not simply 办结.
  t.core.deps.conn.sqlite
    .prepare(
      `UPDATE cases SET auto_supervised_due = closed_at WHERE id = (SELECT id FROM cases
       WHERE state = 'closed' AND created_at >= '2026-08-31T16:00:00Z' ORDER BY number LIMIT 1)`,
    )
    .run();
  categories = loadTaxonomy(t.core.deps.conn.db).categories;
  totalRow = 5 + categories.length;
  const sheet = await exportSheet({ form: 'case-handling', period: '2026-09' });
  ws = sheet.ws;
  xlsx = sheet;
  expect(sheet.fileName).toBe('2026年9月玉井镇网格事件处置情况统计表.xlsx');
});
afterAll(() => t?.core.close());

describe('网格事件处置情况统计表', () => {
  it('titles the sheet and heads the table in two rows, 办结情况 over its three columns', () => {
    expect(own(ws, 1, 1)).toBe('2026年9月玉井镇网格事件处置情况统计表');
    expect(rowValues(ws, 2, LAST_COL).filter(Boolean)).toEqual(['填报单位（盖章）：玉井镇综治中心', '月份：2026年9月']);
    expect(rowValues(ws, 3, LAST_COL)).toEqual([
      '序号',
      '事件类别',
      '受理数\n（件）',
      '甄别有效\n（件）',
      '交办数\n（件）',
      '处置数\n（件）',
      '办结情况（件）',
      null,
      null,
      '处置率',
      '按期\n办结率',
    ]);
    expect(rowValues(ws, 4, LAST_COL).filter(Boolean)).toEqual(['办结数', '按期\n办结数', '超期数']);
    const merges = [...ws.model.merges];
    for (const m of ['A1:K1', 'A3:A4', 'B3:B4', 'C3:C4', 'F3:F4', 'G3:I3', 'J3:J4', 'K3:K4', 'A10:B10']) {
      expect(merges).toContain(m);
    }
  });

  it('lists every 大类 of the taxonomy in order with the month’s figures and derived rates', () => {
    // 政策宣传 and 社情民意 are 工作日志, no longer 大类 of the shipped taxonomy.
    expect(categories.map((c) => c.name)).toEqual(['矛盾纠纷', '治安/安全隐患', '民生服务', '突发事件', '其他']);
    expect(rowValues(ws, 5, LAST_COL)).toEqual([1, '矛盾纠纷', 104, 98, 98, 94, 89, 88, 2, 0.9038, 0.9888]);
    expect(rowValues(ws, 6, LAST_COL)).toEqual([2, '治安/安全隐患', 63, 58, 58, 58, 47, 47, 3, 0.9206, 1]);
    expect(rowValues(ws, 8, LAST_COL)).toEqual([4, '突发事件', 5, 5, 5, 5, 5, 5, 0, 1, 1]);
    expect(rowValues(ws, totalRow, LAST_COL)).toEqual(['合计', null, 252, 237, 237, 230, 207, 206, 7, 0.9127, 0.9952]);
    expect(ws.getCell(totalRow, 3).font?.bold).toBe(true);
    expect(ws.getCell(totalRow, 10).numFmt).toBe(ws.getCell(5, 10).numFmt);
  });

  it('gives every figure as the total of the case list its filter opens (one number, one query)', () => {
    const month = { createdFrom: '2026-09-01', createdTo: '2026-09-30' };
    categories.forEach((c, i) => {
      for (const [key, col] of COUNT_COLS) {
        const filter = { ...month, categoryCode: c.code, ...CASE_HANDLING_FILTERS[key] };
        expect(own(ws, 5 + i, col), `${c.name} ${key}`).toBe(listTotal(filter));
      }
    });
    for (const [key, col] of COUNT_COLS) {
      expect(own(ws, totalRow, col), key).toBe(listTotal({ ...month, ...CASE_HANDLING_FILTERS[key] }));
    }
  });

  it('prints the 工作台’s 处置率 for the same month in the 合计 row', () => {
    const summary = t.ok<DashboardSummary>('dashboard.summary', {}, t.sessions.clerk);
    expect(summary.month).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(own(ws, totalRow, 3)).toBe(summary.tiles.monthReceived);
    expect(own(ws, totalRow, 6)).toBe(summary.tiles.monthHandled);
    expect(own(ws, totalRow, 7)).toBe(summary.tiles.monthClosed);
    expect(own(ws, totalRow, 10)).toBe(Math.round(summary.rate! * 10_000) / 10_000);
  });

  it('borders every table cell and prints A4 landscape, one page wide, header rows repeated', () => {
    expectTableBorders(ws, 3, totalRow, LAST_COL);
    expectPrintSetup(ws, 9, 'landscape', '3:4');
  });

  it('takes one village as scope: its cases only, every 大类 still listed', async () => {
    const village = t.core.deps.conn.sqlite.prepare('SELECT code, name FROM villages WHERE id = ?').get(t.villageA) as {
      code: string;
      name: string;
    };
    const one = await exportSheet({ form: 'case-handling', period: '2026-Q3', villageCode: village.code });
    expect(own(one.ws, 1, 1)).toBe(`2026年第三季度玉井镇${village.name}网格事件处置情况统计表`);
    expect(own(one.ws, totalRow, 1)).toBe('合计');
    const quarter = { createdFrom: '2026-07-01', createdTo: '2026-09-30', villageId: t.villageA };
    const received = listTotal(quarter);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(listTotal({ createdFrom: '2026-07-01', createdTo: '2026-09-30' }));
    expect(own(one.ws, totalRow, 3)).toBe(received);
    expect(own(one.ws, totalRow, 9)).toBe(listTotal({ ...quarter, late: true }));
  });

  it('is on the 报表 page’s list of forms', () => {
    const forms = t.ok<{ forms: { id: string; name: string; scopes: string[] }[] }>(
      'reports.list',
      {},
      t.sessions.clerk,
    );
    expect(forms.forms.find((f) => f.id === 'case-handling')).toMatchObject({
      name: '网格事件处置情况统计表',
      scopes: ['township', 'village'],
    });
  });

  const python = SYSTEM_PYTHON;

  it.skipIf(skipWithoutReader('openpyxl'))(
    'reads the same cells and print settings in openpyxl, an independent reader',
    () => {
      const file = path.join(tempDir('case-handling-'), xlsx.fileName);
      fs.writeFileSync(file, xlsx.bytes);
      const script = path.resolve(import.meta.dirname, '../helpers/read_report_openpyxl.py');
      const r = spawnSync(python, [script, file, String(totalRow)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToWidth: 1,
        printTitleRows: '$3:$4',
        title: '2026年9月玉井镇网格事件处置情况统计表',
        total: ['合计', null, 252, 237, 237, 230, 207, 206, 7, 0.9127, 0.9952],
      });
    },
  );
});
