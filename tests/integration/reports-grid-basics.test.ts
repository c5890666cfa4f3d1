/**
 * 网格基本情况统计表 from a seeded township: the figures as of the period's last day, read back
 * from the exported .xlsx (cells, merges, print settings, borders), and the same figures from the
 * core query the 工作台 will use.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridBasicsFigures } from '../../main/core/reports/figures/grid-basics';
import { parsePeriod, periodInstants } from '../../main/core/reports';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import { tempDir } from '../helpers/core';
import { seedReportTownship } from '../helpers/report-township';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';
import { SYSTEM_PYTHON, skipWithoutReader } from '../helpers/independent-reader';

let t: ReturnType<typeof seedReportTownship>;
let ws: ExcelJS.Worksheet;
let exported: { id: string; fileName: string; sha256: string; bytes: string };

// Rows: 1 title, 2 填报单位, 3–4 header, 5–23 the 19 villages, 24 合计, 25 signatures; 16 columns.
const LAST_COL = 16;
const TOTAL_ROW = 24;

async function exportAs(session: string, input: Record<string, unknown>) {
  const r = await dispatchAny(t.core.dispatch, { method: 'reports.export', input, session });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as typeof exported;
}

beforeAll(async () => {
  t = seedReportTownship();
  exported = await exportAs(t.clerk, {
    form: 'grid-basics',
    period: '2026-10',
    signatures: { preparer: '王小红', reviewer: '李建国', phone: '0349-6221234' },
  });
  ws = await readXlsxBytes(Buffer.from(exported.bytes, 'base64'));
});
afterAll(() => t?.core.close());

describe('网格基本情况统计表', () => {
  it('titles the sheet with period and township and heads the table in two rows', () => {
    expect(own(ws, 1, 1)).toBe('2026年10月玉井镇网格基本情况统计表');
    expect(exported.fileName).toBe('2026年10月玉井镇网格基本情况统计表.xlsx');
    expect(rowValues(ws, 3, LAST_COL)).toEqual([
      '序号',
      '村（社区）',
      '网格数（个）',
      null,
      null,
      null,
      '户数\n（户）',
      '人口\n（人）',
      '网格长\n（人）',
      '网格员（人）',
      null,
      '网格\n辅助员\n（人）',
      '网格\n指导员\n（人）',
      '党组织',
      null,
      null,
    ]);
    expect(rowValues(ws, 4, LAST_COL).filter(Boolean)).toEqual([
      '合计',
      '村网格',
      '社区\n网格',
      '专属\n网格',
      '专职',
      '兼职',
      '网格\n党支部\n（个）',
      '党小组\n（个）',
      '网格内\n党员\n（人）',
    ]);
    const merges = [...ws.model.merges];
    for (const m of ['A1:P1', 'A3:A4', 'B3:B4', 'C3:F3', 'G3:G4', 'J3:K3', 'N3:P3', `A${TOTAL_ROW}:B${TOTAL_ROW}`]) {
      expect(merges).toContain(m);
    }
  });

  it('counts each village as of 2026-10-31: posts started later or ended earlier are left out', () => {
    // 新城社区: 2 grids (社区 1, 专属 1), 350 户, 1,020 人, 网格长 1, 专职 1 (P3 starts in November), 辅助员 1,
    // 指导员 1, 党支部 1, 党小组 2, 党员 2 (the 网格长 and the 辅助员 in a 党小组).
    expect(rowValues(ws, 5, LAST_COL)).toEqual([1, t.v1.name, 2, 0, 1, 1, 350, 1020, 1, 1, 0, 1, 1, 1, 2, 2]);
    // The first 村: 1 村网格; P6 (专职) left on 10-15; P7 and P2 兼职; the 指导员 also serves 村 1.
    expect(rowValues(ws, 6, LAST_COL)).toEqual([2, t.v2.name, 1, 1, 0, 0, 200, 700, 1, 0, 2, 0, 1, 0, 0, 0]);
    expect(rowValues(ws, 7, LAST_COL)).toEqual([3, t.villages[2]!.name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(own(ws, 23, 1)).toBe(19);
  });

  it('totals people once each: the 指导员 of two villages counts once', () => {
    expect(rowValues(ws, TOTAL_ROW, LAST_COL)).toEqual(['合计', null, 3, 1, 1, 1, 550, 1720, 2, 1, 2, 1, 1, 1, 2, 2]);
    expect(ws.getCell(TOTAL_ROW, 3).font?.bold).toBe(true);
  });

  it('gives the form and the core query the same numbers (one number, one query)', () => {
    const period = parsePeriod('2026-10');
    const figures = gridBasicsFigures(t.core.deps.conn, {
      asOf: period.end,
      until: periodInstants(period).until,
      villageId: null,
    });
    expect(figures.total.instructors).toBe(own(ws, TOTAL_ROW, 13));
    expect(figures.total.residents).toBe(own(ws, TOTAL_ROW, 8));
    expect(figures.villages).toHaveLength(19);
    expect(figures.villages[1]!.partTime).toBe(own(ws, 6, 11));
  });

  it('borders every table cell and prints A4 landscape, one page wide, header rows repeated', () => {
    expectTableBorders(ws, 3, TOTAL_ROW, LAST_COL);
    expectPrintSetup(ws, 9, 'landscape', '3:4');
    expect(ws.getCell(1, 1).font?.name).toBe('黑体');
    expect(ws.getCell(5, 2).font?.name).toBe('宋体');
  });

  it('prints the 填报单位 line and the signature line with the names given for this export', () => {
    expect(rowValues(ws, 2, LAST_COL).filter(Boolean)).toEqual([
      '填报单位（盖章）：玉井镇综治中心',
      '月份：2026年10月',
    ]);
    expect(rowValues(ws, TOTAL_ROW + 1, LAST_COL).filter(Boolean)).toEqual([
      '填报人：王小红',
      '审核人：李建国',
      '联系电话：0349-6221234',
      '填报日期：2026年11月20日',
    ]);
  });

  it('takes one village as scope, and counts a later month with November’s posts', async () => {
    const one = await exportAs(t.reviewer, { form: 'grid-basics', period: '2026-Q4', villageCode: t.v1.code });
    const sheet = await readXlsxBytes(Buffer.from(one.bytes, 'base64'));
    expect(own(sheet, 1, 1)).toBe(`2026年第四季度玉井镇${t.v1.name}网格基本情况统计表`);
    // As of 2026-12-31 P3 (兼职, from 11-01) is in post.
    expect(rowValues(sheet, 5, LAST_COL)).toEqual([1, t.v1.name, 2, 0, 1, 1, 350, 1020, 1, 1, 1, 1, 1, 1, 2, 2]);
    expect(own(sheet, 6, 1)).toBe('合计');
  });

  it('records every export in the history with its file hash', () => {
    const history = t.ok<{ fileName: string; sha256: string; username: string; scopeLabel: string }[]>(
      'reports.history',
      {},
      t.admin,
    );
    expect(history.map((h) => h.scopeLabel)).toEqual([t.v1.name, '玉井镇（全镇）']);
    expect(history[1]).toMatchObject({ fileName: exported.fileName, sha256: exported.sha256, username: '陆录入' });
    expect(exported.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('pre-fills the signature line from the stored defaults, each field still editable per export', () => {
    t.ok('reports.saveSignatures', { preparer: '刘默认', reviewer: '陈主任', phone: '0349-6220000' }, t.clerk);
    expect(t.ok('reports.list', {}, t.reviewer).signatures).toEqual({
      preparer: '刘默认',
      reviewer: '陈主任',
      phone: '0349-6220000',
    });
    const html = (signatures?: object) =>
      t.ok<{ html: string }>('reports.preview', { form: 'grid-basics', period: '2026-10', signatures }, t.clerk).html;
    expect(html()).toContain('<span>填报人：刘默认</span><span>审核人：陈主任</span>');
    expect(html({ reviewer: '孙代审', date: '2026-11-03' })).toContain('审核人：孙代审');
    expect(html({ date: '2026-11-03' })).toContain('填报日期：2026年11月03日');
  });

  it('refuses a bad period or an unknown village with a message saying what is wrong', async () => {
    const bad = await dispatchAny(t.core.dispatch, {
      method: 'reports.export',
      input: { form: 'grid-basics', period: '2026-13' },
      session: t.clerk,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '月份应在 1 到 12 之间：2026-13' } });
    const village = t.call(
      'reports.preview',
      { form: 'grid-basics', period: '2026', villageCode: '140621100999' },
      t.clerk,
    );
    expect(village).toMatchObject({ ok: false, error: { message: '没有代码为 140621100999 的村（社区）' } });
    const badDate = t.call(
      'reports.preview',
      { form: 'grid-basics', period: '2026', signatures: { date: '2026-02-30' } },
      t.clerk,
    );
    expect(badDate).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['signatures', 'date'], message: '填报日期不是真实的日期：2026-02-30' }] },
    });
    const form = t.call('reports.preview', { form: 'nope', period: '2026' }, t.clerk);
    expect(form).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(t.count('report_exports')).toBe(2);
  });

  const python = SYSTEM_PYTHON;

  it.skipIf(skipWithoutReader('openpyxl'))(
    'reads the same cells and print settings in openpyxl, an independent reader',
    () => {
      const file = path.join(tempDir('grid-basics-'), exported.fileName);
      fs.writeFileSync(file, Buffer.from(exported.bytes, 'base64'));
      const script = path.resolve(import.meta.dirname, '../helpers/read_report_openpyxl.py');
      const r = spawnSync(python, [script, file, String(TOTAL_ROW)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const read = JSON.parse(r.stdout);
      expect(read).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitleRows: '$3:$4',
        footer: '第 &P 页 共 &N 页',
        title: '2026年10月玉井镇网格基本情况统计表',
        titleFont: '黑体',
        bodyFont: '宋体',
        total: ['合计', null, 3, 1, 1, 1, 550, 1720, 2, 1, 2, 1, 1, 1, 2, 2],
      });
      expect(read.merged).toEqual(expect.arrayContaining(['A1:P1', 'C3:F3', 'N3:P3', `A${TOTAL_ROW}:B${TOTAL_ROW}`]));
    },
  );
});

describe('网格基本情况统计表: retired grids count until the day they were retired', () => {
  it('counts a grid retired on 2026-11-20 in October but not in November', () => {
    const t2 = seedReportTownship();
    try {
      const grid = t2.ok(
        'org.createGrid',
        {
          villageId: t2.v2.id,
          type: 'village',
          name: '西区网格',
          households: 40,
          residents: 90,
        },
        t2.clerk,
      );
      t2.ok('org.setGridRetired', { id: grid.id, retired: true }, t2.admin);
      const figures = (code: string) => {
        const period = parsePeriod(code);
        const q = { asOf: period.end, until: periodInstants(period).until, villageId: t2.v2.id };
        return gridBasicsFigures(t2.core.deps.conn, q).total;
      };
      expect(figures('2026-10')).toMatchObject({ grids: 2, households: 240 });
      expect(figures('2026-11')).toMatchObject({ grids: 1, households: 200 });
    } finally {
      t2.core.close();
    }
  });
});
