/**
 * The streaming .xlsx writer on its own, read back by exceljs and by openpyxl (which shares no code
 * with it or with exceljs): values, inline and shared strings, styles, merges, print settings,
 * text XML forbids, text longer than a cell holds, a sheet with no rows, and a zip whose every
 * member's CRC checks out.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { EXCEL_CELL_MAX, XlsxWriter, type SheetSetup, type XlsxValue } from '../../main/core/reports/xlsx-writer';
import { SYSTEM_PYTHON, skipWithoutReader } from '../helpers/independent-reader';

const dir = mkdtempSync(path.join(os.tmpdir(), 'xlsx-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SONG = { name: '宋体', size: 11, charset: 134 };
const SETUP: SheetSetup = {
  name: "O'Neil & 台账",
  columnWidths: [12.5, 8, 10.2],
  frozenRows: 2,
  showGridLines: false,
  page: {
    paperSize: 8,
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.59, right: 0.47, top: 0.59, bottom: 0.71, header: 0.31, footer: 0.31 },
    oddFooter: '&C第 &P 页 共 &N 页',
  },
  printTitleRows: { first: 2, last: 2 },
};

/** Control characters, U+FFFE and a lone surrogate that XML 1.0 forbids, around text that stays. */
const DIRTY = 'a\u0000b\u0007c\u000B\u001Fd\tE\uFFFE\uD800f😀';
const CLEAN = 'abcd\tEf😀';
const LONG_UNIQUE = '村民反映：'.padEnd(60, '长');
/** One character more than a cell holds, the last being the high half of a pair that would be split. */
const TOO_LONG = `${'x'.repeat(EXCEL_CELL_MAX - 1)}😀`;
const PROBE_ROWS = 300;

async function write(file: string, draw: (w: XlsxWriter) => Promise<void> | void, shared = true) {
  const out = createWriteStream(file);
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  const w = new XlsxWriter(out, SETUP, { creator: '测试', ...(shared ? {} : { sharedStrings: false }) });
  await draw(w);
  await w.finish();
  await closed;
}

/** The sample: a merged title, a bordered bold header, figures with formats, then awkward text. */
async function drawSample(w: XlsxWriter) {
  const title = w.styles.id({ font: { ...SONG, name: '黑体', size: 16, bold: true }, horizontal: 'center' });
  const head = w.styles.id({ font: { ...SONG, bold: true }, border: true, horizontal: 'center', wrap: true });
  const text = w.styles.id({ font: SONG, border: true, horizontal: 'left', vertical: 'center', wrap: true });
  const int = w.styles.id({ font: SONG, border: true, horizontal: 'center', numFmt: '0' });
  const pct = w.styles.id({ font: SONG, border: true, horizontal: 'right', numFmt: '0.00%' });
  const custom = w.styles.id({ font: SONG, border: true, numFmt: '#,##0.0"件"' });
  expect(w.styles.id({ font: SONG, border: true, horizontal: 'center', numFmt: '0' })).toBe(int);
  const body = [text, int, pct];
  w.merge(1, 0, 1, 2);
  w.row(1, ['登记表 <一>', null, null], [title, title, title], 30);
  w.row(2, ['状态', '件数', '比率'], [head, head, head]);
  w.row(3, ['已办结', 12, 0.9935], body, 20.5);
  w.row(4, [' 前后有空格 ', null, ''], body);
  w.row(5, [DIRTY, 1234.5, Number.NaN], [text, custom, pct]);
  w.row(6, [TOO_LONG, -3, 0], body);
  w.row(7, [LONG_UNIQUE, 7, null], body);
  // Unique numbers in column A (inline after the probe), one repeated state in column B.
  for (let i = 0; i < PROBE_ROWS; i++) {
    const behind = w.row(8 + i, [`ZZ-2026-${String(i).padStart(6, '0')}`, '已办结', i / PROBE_ROWS], body);
    if (behind) await behind;
  }
  w.merge(8, 1, 7 + PROBE_ROWS, 1);
}

const sample = path.join(dir, 'sample.xlsx');
const sampleWritten = write(sample, drawSample);

async function readExcel(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

const python = SYSTEM_PYTHON;

interface PyCell {
  value: XlsxValue;
  font: string;
  size: number;
  bold: boolean;
  format: string;
  horizontal: string | null;
  wrap: boolean;
  borders: Array<string | null>;
}
interface PyRead {
  zipOk: boolean;
  names: string[];
  inlineCells: number;
  sharedCells: number;
  sharedUnique: number;
  maxRow: number;
  cells: Record<string, PyCell>;
  merged: string[];
  widths: Record<string, number>;
  heights: Record<string, number>;
  [setting: string]: unknown;
}

function readPython(file: string): PyRead {
  const script = path.resolve(import.meta.dirname, '../helpers/read_xlsx_openpyxl.py');
  const r = spawnSync(python, [script, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as PyRead;
}

describe('xlsx writer: read back by exceljs', () => {
  it('writes values, blanks that keep their borders, and formats', async () => {
    await sampleWritten;
    const ws = await readExcel(sample);
    expect(ws.getCell('A1').value).toBe('登记表 <一>');
    expect(ws.getRow(3).values).toEqual([undefined, '已办结', 12, 0.9935]);
    expect(ws.getCell('A4').value).toBe(' 前后有空格 ');
    expect(ws.getCell('B4').value).toBeNull();
    expect(ws.getCell('B4').border?.left?.style).toBe('thin');
    expect(ws.getCell('C5').value).toBeNull(); // NaN is no figure
    expect(ws.getCell('B5').numFmt).toBe('#,##0.0"件"');
    expect(ws.getCell('C3').numFmt).toBe('0.00%');
    expect(ws.getCell('B3').numFmt).toBe('0');
    expect(ws.getCell('B6').value).toBe(-3);
    expect(ws.getCell(`A${8 + PROBE_ROWS - 1}`).value).toBe(`ZZ-2026-${String(PROBE_ROWS - 1).padStart(6, '0')}`);
  });

  it('drops what XML forbids and cuts at 32,767 without halving a character', async () => {
    const ws = await readExcel(sample);
    expect(ws.getCell('A5').value).toBe(CLEAN);
    const long = ws.getCell('A6').value as string;
    expect(long).toHaveLength(EXCEL_CELL_MAX - 1);
    expect(long).toBe('x'.repeat(EXCEL_CELL_MAX - 1));
  });

  it('styles cells from the registry: fonts, borders, alignment', async () => {
    const ws = await readExcel(sample);
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
    expect(ws.getCell('A1').border ?? {}).toEqual({});
    expect(ws.getCell('B2').font).toMatchObject({ name: '宋体', bold: true });
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
    expect(ws.getCell('A3').alignment).toMatchObject({ horizontal: 'left', vertical: 'middle', wrapText: true });
    for (const side of ['top', 'left', 'bottom', 'right'] as const) {
      expect(ws.getCell('C2').border?.[side]).toMatchObject({ style: 'thin', color: { argb: 'FF000000' } });
    }
  });

  it('merges, sizes and sets up the page', async () => {
    const ws = await readExcel(sample);
    expect([...ws.model.merges].sort()).toEqual(['A1:C1', `B8:B${7 + PROBE_ROWS}`]);
    expect(ws.columns.map((c) => c.width)).toEqual([12.5, 8, 10.2]);
    expect([ws.getRow(1).height, ws.getRow(3).height]).toEqual([30, 20.5]);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '2:2',
    });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, showGridLines: false });
    expect(ws.name).toBe("O'Neil & 台账");
  });
});

describe.skipIf(skipWithoutReader('openpyxl'))('xlsx writer: read back by openpyxl', () => {
  it('opens a valid zip with the same cells, styles and settings', async () => {
    await sampleWritten;
    const r = readPython(sample);
    expect(r.zipOk).toBe(true);
    expect(r.cells.A1).toMatchObject({ value: '登记表 <一>', font: '黑体', size: 16, bold: true });
    expect(r.cells.A3).toMatchObject({ value: '已办结', font: '宋体', horizontal: 'left', wrap: true });
    expect(r.cells.A3!.borders).toEqual(['thin', 'thin', 'thin', 'thin']);
    expect(r.cells.B4).toMatchObject({ value: null, borders: ['thin', 'thin', 'thin', 'thin'] });
    expect([r.cells.B3!.value, r.cells.C3!.value, r.cells.C3!.format, r.cells.B5!.format]).toEqual([
      12,
      0.9935,
      '0.00%',
      '#,##0.0"件"',
    ]);
    expect(r.cells.A4!.value).toBe(' 前后有空格 ');
    expect(r.cells.A5!.value).toBe(CLEAN);
    expect(r.cells.A6!.value).toBe('x'.repeat(EXCEL_CELL_MAX - 1));
    expect(r.cells.A7!.value).toBe(LONG_UNIQUE);
    expect(r.merged).toEqual(['A1:C1', `B8:B${7 + PROBE_ROWS}`]);
    expect(r.widths).toMatchObject({ A: 12.5, B: 8, C: 10.2 });
    expect(r.heights).toMatchObject({ '1': 30, '3': 20.5 });
    expect(r).toMatchObject({
      maxRow: 7 + PROBE_ROWS,
      paperSize: 8,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitleRows: '$2:$2',
      frozen: 'A3',
      gridLines: false,
      sheetName: "O'Neil & 台账",
    });
  });

  it('shares short repeated strings, writes long and unique ones inline', async () => {
    const r = readPython(sample);
    // Column A's case numbers stop entering the table once most of them proved new; 已办结 is one entry.
    const unique = r.sharedUnique;
    expect(unique).toBeLessThan(250);
    expect(r.sharedCells + r.inlineCells).toBe(2 * PROBE_ROWS + 9);
    expect(r.inlineCells).toBeGreaterThan(PROBE_ROWS - 250);
    expect(r.cells.A7!.value).toBe(LONG_UNIQUE);
    // Everything inline when asked: no shared-string part at all.
    const inline = path.join(dir, 'inline.xlsx');
    await write(inline, drawSample, false);
    const all = readPython(inline);
    expect([all.sharedCells, all.inlineCells, all.names.includes('xl/sharedStrings.xml')]).toEqual([
      0,
      2 * PROBE_ROWS + 9,
      false,
    ]);
    expect(all.cells).toEqual(r.cells);
  });

  it('writes a valid workbook with no rows at all', async () => {
    const file = path.join(dir, 'empty.xlsx');
    await write(file, () => undefined);
    const r = readPython(file);
    expect(r.zipOk).toBe(true);
    expect(r.cells).toEqual({});
    expect(r.names).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(r.printTitleRows).toBe('$2:$2');
    const ws = await readExcel(file);
    expect(ws.rowCount).toBe(0);
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });
});

describe('xlsx writer: streaming', () => {
  it('waits for a slow reader instead of piling the sheet up in memory', async () => {
    const out = new PassThrough();
    const w = new XlsxWriter(out, SETUP);
    const style = w.styles.id({ font: SONG, border: true });
    let rows = 0;
    let behind: Promise<void> | undefined;
    // Nobody reads `out` yet: the writer must ask to wait long before 100,000 rows are held.
    while (!behind && rows < 100_000) behind = w.row(++rows, [LONG_UNIQUE + rows, rows], [style, style]);
    expect(behind).toBeInstanceOf(Promise);
    expect(rows).toBeLessThan(50_000);
    let bytes = 0;
    out.on('data', (c: Buffer) => (bytes += c.length));
    await behind;
    await w.finish();
    expect(bytes).toBeGreaterThan(0);
  });

  it('fails when the file fails, rather than hanging', async () => {
    const out = new Writable({ write: (_chunk, _enc, cb) => cb(new Error('磁盘已满')) });
    const w = new XlsxWriter(out, SETUP);
    const rows = async () => {
      for (let r = 1; r <= 100_000; r++) await w.row(r, [LONG_UNIQUE + r], []);
      await w.finish();
    };
    await expect(rows()).rejects.toThrow('磁盘已满');
  });

  it('writes a row longer than a whole chunk in its place, between ordinary rows', async () => {
    const file = path.join(dir, 'long-row.xlsx');
    // Eight full cells of Chinese text: about 790 KB of UTF-8 in one row.
    const full = '长'.repeat(EXCEL_CELL_MAX);
    await write(file, (w) => {
      w.row(1, ['之前'], []);
      w.row(2, new Array<string>(8).fill(full), []);
      w.row(3, ['之后'], []);
    });
    const ws = await readExcel(file);
    expect(ws.getCell('A1').value).toBe('之前');
    for (let c = 1; c <= 8; c++) expect(ws.getRow(2).getCell(c).value).toBe(full);
    expect(ws.getCell('A3').value).toBe('之后');
  });

  it('leaves no unhandled rejection from rows drawn without awaiting when the file fails', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const out = new Writable({
        highWaterMark: 1,
        write: (_chunk, _enc, cb) => setImmediate(() => cb(new Error('磁盘已满'))),
      });
      const w = new XlsxWriter(out, SETUP);
      // One-off rows (title, total, signature) are drawn without awaiting: enough of them to fill chunks.
      for (let r = 1; r <= 3000; r++) void w.row(r, [LONG_UNIQUE.repeat(5) + r], []);
      await expect(w.finish()).rejects.toThrow('磁盘已满');
      await new Promise((resolve) => setTimeout(resolve, 50)); // let any stray rejection surface
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });

  it('refuses rows out of order', () => {
    const w = new XlsxWriter(new PassThrough(), SETUP);
    w.row(2, ['a'], []);
    expect(() => w.row(2, ['b'], [])).toThrow('行号必须递增');
  });
});
