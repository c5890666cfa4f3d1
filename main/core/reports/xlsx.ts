/**
 * The print frame in Excel. One drawing routine serves the in-memory workbook and exceljs's
 * streaming writer: rows are written strictly top to bottom, every merge and style is set before a
 * row is committed, and print settings go in at `addWorksheet` (the streaming writer loses
 * fit-to-width when pageSetup is assigned later).
 */
import type { Writable } from 'node:stream';
import ExcelJS, { type AddWorksheetOptions, type Style, type Worksheet } from 'exceljs';
import type { CellValue, ReportData, ReportDefinition } from './definition';
import {
  bodyCells,
  displayText,
  layoutTable,
  linesNeeded,
  RunTracker,
  splitColumns,
  textWidth,
  TotalAccumulator,
  type Run,
} from './layout';
import type { TableLayout } from './layout';
import { xlsxMargins, XLSX_PAPER_SIZE } from './page';
import { keepPrintOptions } from './xlsx-print-options';
import { headerLine, reportTitle, signatureParts, XLSX_FOOTER } from './texts';
import * as S from './xlsx-style';

/** Where the workbook goes; a stream is ended once the workbook is written. */
export type XlsxTarget = { file: string } | { stream: Writable };

export interface XlsxOptions {
  /** `stream` (default) keeps memory flat for big ledgers; `memory` builds the whole workbook first. */
  engine?: 'stream' | 'memory';
  /**
   * The streaming writer's shared-string table (default on: smaller files). It keeps every distinct
   * string in memory until the end, so a 100,000-row ledger of unique summaries writes inline strings.
   */
  sharedStrings?: boolean;
  /** Called every 1,000 body rows and at the end, for a progress bar. */
  onProgress?: (rowsWritten: number) => void;
}

export interface XlsxResult {
  bodyRows: number;
  /** The rows the header occupies, as in printTitlesRow, e.g. `3:4`. */
  printTitlesRow: string;
}

/** Rows above the table: title, then the 填报单位 line. */
const FIRST_HEADER_ROW = 3;
const PROGRESS_EVERY = 1000;
const LINE_GAP = '\u3000\u3000';

const sheetName = (definition: ReportDefinition) => definition.name.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || '报表';

function sheetOptions(definition: ReportDefinition, layout: TableLayout): Partial<AddWorksheetOptions> {
  const lastHeaderRow = FIRST_HEADER_ROW + layout.headerRows - 1;
  return {
    pageSetup: {
      paperSize: XLSX_PAPER_SIZE[definition.paper] as ExcelJS.PaperSize,
      orientation: definition.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: xlsxMargins(),
      printTitlesRow: `${FIRST_HEADER_ROW}:${lastHeaderRow}`,
    },
    headerFooter: { oddFooter: XLSX_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: lastHeaderRow, showGridLines: false }],
  };
}

/** Writes cells `values` into row `r` from column 1, each with its style. */
function fill(ws: Worksheet, r: number, values: CellValue[], styles: Partial<Style>[]): ExcelJS.Row {
  const row = ws.getRow(r);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    if (v !== undefined && v !== null && v !== '') cell.value = v;
    cell.style = styles[i]!;
  });
  return row;
}

/** Merges columns `first..last` (0-based) of rows `top..bottom` unless it is a single cell. */
function merge(ws: Worksheet, top: number, first: number, bottom: number, last: number): void {
  if (top !== bottom || first !== last) ws.mergeCells(top, first + 1, bottom, last + 1);
}

/** Pieces of text laid over runs of columns sized to the text, merged: the 填报单位 and signature lines. */
function drawLine(
  ws: Worksheet,
  r: number,
  widths: number[],
  texts: string[],
  styles: Partial<Style>[],
  minHeight: number,
): ExcelJS.Row {
  // With fewer columns than pieces, neighbouring pieces share a run.
  const n = Math.min(texts.length, widths.length);
  const pieces = Array.from({ length: n }, (_, i) =>
    texts.slice(Math.floor((i * texts.length) / n), Math.floor(((i + 1) * texts.length) / n)).join(LINE_GAP),
  );
  // A character of slack on each side keeps neighbouring pieces apart.
  const runs = splitColumns(
    widths,
    pieces.map((p) => textWidth(p) + 2),
  );
  const row = ws.getRow(r);
  let lines = 1;
  runs.forEach(([first, last], i) => {
    row.getCell(first + 1).value = pieces[i]!;
    for (let c = first; c <= last; c++) row.getCell(c + 1).style = styles[Math.min(i, styles.length - 1)]!;
    merge(ws, r, first, r, last);
    const width = widths.slice(first, last + 1).reduce((a, b) => a + b, 0);
    lines = Math.max(lines, linesNeeded(pieces[i]!, width));
  });
  row.height = S.rowHeight(lines, minHeight);
  return row;
}

function drawHeader(ws: Worksheet, layout: TableLayout, widths: number[]): void {
  const style = S.tableStyle(S.BOLD_BODY_FONT, 'center');
  const lines = new Array<number>(layout.headerRows).fill(1);
  for (const h of layout.headerCells) {
    const r = FIRST_HEADER_ROW + h.row;
    for (let dr = 0; dr < h.rowSpan; dr++) {
      const row = ws.getRow(r + dr);
      for (let dc = 0; dc < h.colSpan; dc++) row.getCell(h.col + dc + 1).style = style;
    }
    ws.getCell(r, h.col + 1).value = h.text;
    merge(ws, r, h.col, r + h.rowSpan - 1, h.col + h.colSpan - 1);
    const width = widths.slice(h.col, h.col + h.colSpan).reduce((a, b) => a + b, 0);
    // A cell spanning rows shares its lines among them.
    const perRow = Math.ceil(linesNeeded(h.text, width) / h.rowSpan);
    for (let dr = 0; dr < h.rowSpan; dr++) lines[h.row + dr] = Math.max(lines[h.row + dr]!, perRow);
  }
  lines.forEach((n, i) => (ws.getRow(FIRST_HEADER_ROW + i).height = S.rowHeight(n, 22)));
}

/** Height for a body or total row: enough lines for its longest wrapped cell. */
function bodyHeight(layout: TableLayout, values: CellValue[], widths: number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v === 'string') lines = Math.max(lines, linesNeeded(v, widths[i]!));
    // A figure fits any column 6 characters wide; only narrower ones are worth measuring.
    else if (typeof v === 'number' && widths[i]! < 6) {
      lines = Math.max(lines, linesNeeded(displayText(v, layout.columns[i]!.format), widths[i]!));
    }
  });
  return S.rowHeight(lines);
}

/** Draws the whole form into `ws`, committing rows as it goes. */
async function drawForm(
  ws: Worksheet,
  definition: ReportDefinition,
  data: ReportData,
  layout: TableLayout,
  onProgress?: (n: number) => void,
): Promise<number> {
  const widths = layout.columns.map((c) => c.width);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const last = layout.columns.length - 1;
  layout.columns.forEach((c, i) => (ws.getColumn(i + 1).width = S.excelWidth(c.width)));

  const title = reportTitle(definition, data);
  const titleRow = fill(ws, 1, [title], [S.TITLE_STYLE]);
  for (let c = 1; c <= last; c++) titleRow.getCell(c + 1).style = S.TITLE_STYLE;
  merge(ws, 1, 0, 1, last);
  // The title font is about 1.45 times the body font's width.
  titleRow.height = S.titleHeight(linesNeeded(title, totalWidth / 1.45));

  const line = headerLine(data);
  drawLine(ws, 2, widths, [line.left, line.right], [S.LINE_LEFT_STYLE, S.LINE_RIGHT_STYLE], 24);
  drawHeader(ws, layout, widths);
  ws.getRow(FIRST_HEADER_ROW + layout.headerRows - 1).commit();

  const bodyStyles = layout.columns.map((c) => S.tableStyle(S.BODY_FONT, c.align, c.format));
  const totals = new TotalAccumulator(layout);
  const firstBodyRow = FIRST_HEADER_ROW + layout.headerRows;
  let r = firstBodyRow;
  let seq = 0;
  // A row under a run still open is kept uncommitted: the streaming writer merges only live rows.
  const runs = new RunTracker(layout);
  const pending: ExcelJS.Row[] = [];
  const mergeRuns = (ended: Run[]) => {
    for (const run of ended) merge(ws, firstBodyRow + run.first, run.col, firstBodyRow + run.last, run.col);
  };
  for await (const source of data.rows) {
    seq++;
    totals.add(source);
    const values = bodyCells(layout, source, seq);
    mergeRuns(runs.add(values));
    const row = fill(ws, r++, values, bodyStyles);
    row.height = bodyHeight(layout, values, widths);
    pending.push(row);
    while (pending.length && pending[0]!.number - firstBodyRow < runs.settledBefore()) pending.shift()!.commit();
    if (onProgress && seq % PROGRESS_EVERY === 0) onProgress(seq);
  }
  mergeRuns(runs.finish());
  for (const row of pending) row.commit();

  if (data.total) {
    const totalStyles = layout.columns.map((c, i) =>
      S.tableStyle(S.BOLD_BODY_FONT, i < layout.totalLabelSpan ? 'center' : c.align, c.format),
    );
    const values = totals.cells(data.total === true ? undefined : data.total);
    const row = fill(ws, r, values, totalStyles);
    merge(ws, r, 0, r, layout.totalLabelSpan - 1);
    row.height = bodyHeight(layout, values, widths);
    row.commit();
    r++;
  }

  // The signature line sits a little below the table, with room for a handwritten name.
  drawLine(ws, r, widths, signatureParts(data.signatures), [S.LINE_LEFT_STYLE], 32).commit();
  onProgress?.(seq);
  return seq;
}

/** Writes the form as .xlsx to a file or a stream. */
export async function renderXlsx(
  definition: ReportDefinition,
  data: ReportData,
  target: XlsxTarget,
  options: XlsxOptions = {},
): Promise<XlsxResult> {
  const layout = layoutTable(definition);
  const wsOptions = sheetOptions(definition, layout);
  const printTitlesRow = wsOptions.pageSetup!.printTitlesRow!;

  if (options.engine === 'memory') {
    const wb = new ExcelJS.Workbook();
    wb.creator = '综治工作台';
    const ws = wb.addWorksheet(sheetName(definition), wsOptions);
    const bodyRows = await drawForm(ws, definition, data, layout, options.onProgress);
    if ('file' in target) await wb.xlsx.writeFile(target.file);
    else await wb.xlsx.write(target.stream);
    return { bodyRows, printTitlesRow };
  }

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...('file' in target ? { filename: target.file } : { stream: target.stream }),
    useStyles: true,
    useSharedStrings: options.sharedStrings ?? true,
  });
  wb.creator = '综治工作台';
  const ws = wb.addWorksheet(sheetName(definition), wsOptions);
  keepPrintOptions(ws);
  const bodyRows = await drawForm(ws, definition, data, layout, options.onProgress);
  ws.commit();
  await wb.commit();
  return { bodyRows, printTitlesRow };
}
