/**
 * The print frame's .xlsx, read back: cells, merges, fonts, borders and print settings, from both
 * file and stream targets, and once more through openpyxl, a reader that shares no code with exceljs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderXlsx, type ReportRow } from '../../main/core/reports';
import { excelWidth } from '../../main/core/reports/xlsx-style';
import { SAMPLE_FORM, SAMPLE_ROWS, sampleData } from '../helpers/report-sample';
import { SYSTEM_PYTHON, skipWithoutReader } from '../helpers/independent-reader';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reports-frame-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows of the sample: 1 title, 2 填报单位, 3–4 header, 5–7 body, 8 合计, 9 signatures. */
const LAST_COL = 9;
const TABLE_ROWS = [3, 8] as const;
const TOTAL_ROW = 8;
const SIGN_ROW = 9;

async function readXlsx(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

/** A cell's own value; exceljs reports a merged cell's master value in every cell of the range. */
const own = (ws: ExcelJS.Worksheet, r: number, c: number) => {
  const cell = ws.getCell(r, c);
  return cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
};
const COLS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

async function readBuffer(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own `Buffer` type that clashes with Node's; a Node Buffer is what it reads.
  await wb.xlsx.load(bytes as never);
  return wb.worksheets[0]!;
}

async function renderToBuffer(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await renderXlsx(SAMPLE_FORM, sampleData(), { stream: out });
  // The writer ends the stream itself.
  await ended;
  return Buffer.concat(chunks);
}

async function* slowly(rows: ReportRow[]): AsyncIterable<ReportRow> {
  for (const row of rows) yield await Promise.resolve(row);
}

/** Everything a printer or a reader sees, cell by cell, to compare the two targets. */
function dump(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  for (let r = 1; r <= SIGN_ROW; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= LAST_COL; c++) {
      const cell = row.getCell(c);
      cells.push([cell.address, cell.value, cell.numFmt, cell.font, cell.border, cell.alignment]);
    }
    cells.push([r, row.height]);
  }
  const { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, horizontalCentered, printTitlesRow, margins } =
    ws.pageSetup;
  return {
    cells,
    merges: [...ws.model.merges].sort(),
    widths: ws.columns.map((c) => c.width),
    setup: { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, horizontalCentered, printTitlesRow, margins },
    footer: ws.headerFooter.oddFooter,
  };
}

const streamFile = path.join(dir, 'stream.xlsx');
const progress: number[] = [];
const written = renderXlsx(
  SAMPLE_FORM,
  { ...sampleData(), rows: slowly(SAMPLE_ROWS) },
  { file: streamFile },
  {
    onProgress: (n) => progress.push(n),
  },
);

describe('print frame: xlsx', () => {
  it('titles the form, merged across the table, in 黑体 16 bold', async () => {
    expect(await written).toEqual({ bodyRows: 3, printTitlesRow: '3:4' });
    expect(progress).toEqual([3]);
    const ws = await readXlsx(streamFile);
    const title = ws.getCell('A1');
    expect(title.value).toBe('2026年10月玉井镇网格事件处置情况统计表');
    expect(title.font).toMatchObject({ name: '黑体', size: 16, bold: true });
    expect(title.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.model.merges).toContain('A1:I1');
    expect(title.border ?? {}).toEqual({});
  });

  it('puts 填报单位 on the left and the period on the right', async () => {
    const ws = await readXlsx(streamFile);
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：玉井镇综治中心');
    expect(ws.getCell('A2').alignment?.horizontal).toBe('left');
    const right = ws.model.merges
      .find((m) => m.startsWith('A2:'))!
      .split(':')[1]!
      .replace(/\d+/, '');
    const period = ws.getCell(`${String.fromCharCode(right.charCodeAt(0) + 1)}2`);
    expect(period.value).toBe('月份：2026年10月');
    expect(period.alignment?.horizontal).toBe('right');
    expect(ws.model.merges).toContain(`${period.address}:I2`);
  });

  it('draws grouped headers merged correctly, with 序号 first', async () => {
    const ws = await readXlsx(streamFile);
    const row3 = COLS.map((c) => own(ws, 3, c));
    const row4 = COLS.map((c) => own(ws, 4, c));
    expect(row3).toEqual(['序号', '事件类别', '网格员（人）', null, '事件数（件）', null, null, '办结率', '备注']);
    expect(row4.slice(2, 7)).toEqual(['专职', '兼职', '受理', '办结', '超期']);
    for (const m of ['A3:A4', 'B3:B4', 'C3:D3', 'E3:G3', 'H3:H4', 'I3:I4']) expect(ws.model.merges).toContain(m);
    expect(ws.getCell('C4').font).toMatchObject({ name: '宋体', bold: true });
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(18);
  });

  it('numbers the rows and writes the figures with their formats', async () => {
    const ws = await readXlsx(streamFile);
    expect([5, 6, 7].map((r) => ws.getCell(r, 1).value)).toEqual([1, 2, 3]);
    expect(ws.getRow(5).values).toEqual([undefined, 1, '矛盾纠纷', 3, 5, 1000, 995, 2, 0.995]);
    expect(ws.getCell('I6').value).toBe('含<夜间>巡查&上报');
    expect([5, 6, 7].map((r) => ws.getCell(r, 8).value)).toEqual([0.995, 0.9944, 0.97]);
    expect(ws.getCell('H5').numFmt).toBe('0.00%');
    expect(ws.getCell('E5').numFmt).toBe('0');
    expect(ws.getCell('B5').font).toMatchObject({ name: '宋体', size: 11 });
    expect(ws.getCell('B5').font?.bold).toBeFalsy();
    expect(ws.getCell('B5').alignment).toMatchObject({ horizontal: 'left', wrapText: true });
    expect(ws.getCell('E5').alignment?.horizontal).toBe('center');
  });

  it('totals the figures and derives the total rate from the totals: 1,987 / 2,000 = 99.35%', async () => {
    const ws = await readXlsx(streamFile);
    const total = COLS.map((c) => own(ws, TOTAL_ROW, c));
    expect(total).toEqual(['合计', null, 6, 9, 2000, 1987, 3, 0.9935, null]);
    expect(ws.model.merges).toContain('A8:B8');
    expect(ws.getCell('H8').numFmt).toBe('0.00%');
    expect(ws.getCell('E8').font?.bold).toBe(true);
  });

  it('borders every cell of header and body, thin, and nothing outside the table', async () => {
    const ws = await readXlsx(streamFile);
    for (let r = TABLE_ROWS[0]; r <= TABLE_ROWS[1]; r++) {
      for (let c = 1; c <= LAST_COL; c++) {
        const b = ws.getCell(r, c).border;
        for (const side of ['top', 'left', 'bottom', 'right'] as const) {
          expect(b?.[side]?.style, `${ws.getCell(r, c).address} ${side}`).toBe('thin');
        }
      }
    }
    for (const address of ['A1', 'I2', 'A9', 'I9']) expect(ws.getCell(address).border ?? {}).toEqual({});
  });

  it('signs off below the table with blanks for a pen', async () => {
    const ws = await readXlsx(streamFile);
    const texts = COLS.map((c) => own(ws, SIGN_ROW, c)).filter(Boolean);
    expect(texts).toEqual([
      '填报人：王小红',
      '审核人：李建国',
      '联系电话：0358-6221234',
      '填报日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日',
    ]);
    expect(ws.getCell(SIGN_ROW, 1).font?.name).toBe('宋体');
  });

  it('sets up the page: A4 landscape, fit to one page wide, header rows on every page, page numbers', async () => {
    const ws = await readXlsx(streamFile);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '3:4',
    });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.59, right: 0.47, top: 0.59, bottom: 0.71 });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    expect(ws.getColumn(2).width).toBe(excelWidth(10));
    expect(ws.getColumn(1).width).toBe(excelWidth(3));
  });

  it('uses A3 and portrait when the form says so', async () => {
    const file = path.join(dir, 'a3.xlsx');
    await renderXlsx({ ...SAMPLE_FORM, paper: 'A3', orientation: 'portrait' }, sampleData(), { file });
    expect((await readXlsx(file)).pageSetup).toMatchObject({ paperSize: 8, orientation: 'portrait', fitToWidth: 1 });
  });

  it('writes the same cells to a stream as to a file, from a list as from an async source', async () => {
    await written;
    const fromFile = dump(await readXlsx(streamFile));
    const ws = await readBuffer(await renderToBuffer());
    expect(ws.pageSetup).toMatchObject({ fitToWidth: 1, horizontalCentered: true });
    expect(dump(ws)).toEqual(fromFile);
  });

  it('prints — for a rate with nothing to divide by, and totals nothing when asked not to', async () => {
    const file = path.join(dir, 'no-total.xlsx');
    const rows = [{ category: '无事件', received: 0, handled: 0 }];
    await renderXlsx(SAMPLE_FORM, { ...sampleData(rows), total: false }, { file });
    const ws = await readXlsx(file);
    expect(ws.getCell('H5').value).toBe('—');
    expect(ws.getCell('A6').value).toMatch(/^填报人/);
  });

  const python = SYSTEM_PYTHON;

  it.skipIf(skipWithoutReader('openpyxl'))(
    'reads the same print settings in openpyxl, an independent reader',
    async () => {
      await written;
      const script = path.resolve(import.meta.dirname, '../helpers/read_report_openpyxl.py');
      const r = spawnSync(python, [script, streamFile, String(TOTAL_ROW)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitleRows: '$3:$4',
        footer: '第 &P 页 共 &N 页',
        title: '2026年10月玉井镇网格事件处置情况统计表',
        titleFont: '黑体',
        bodyFont: '宋体',
        total: ['合计', null, 6, 9, 2000, 1987, 3, 0.9935, null],
        totalRateFormat: '0.00%',
      });
      expect(JSON.parse(r.stdout).merged).toEqual(
        expect.arrayContaining(['A1:I1', 'A3:A4', 'C3:D3', 'E3:G3', 'H3:H4', 'A8:B8']),
      );
    },
  );
});
