/**
 * The print frame in Excel, drawn through the streaming writer in ./xlsx-writer for every form:
 * rows strictly top to bottom, each turned into XML as it is drawn; merges are collected and
 * written after the rows, so a run merged down the body needs no row held back.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
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
import { headerLine, reportTitle, signatureParts, XLSX_FOOTER } from './texts';
import * as S from './xlsx-style';
import { XlsxWriter, type CellStyle, type SheetSetup, type XlsxWriterOptions } from './xlsx-writer';

/** Where the workbook goes; a stream is ended once the workbook is written. */
export type XlsxTarget = { file: string } | { stream: Writable };

export interface XlsxOptions {
  /** Called every 1,000 body rows and at the end, for a progress bar. */
  onProgress?: (rowsWritten: number) => void;
  /** The writer's deflate level and string table; the defaults are the measured choice (benchmarks only). */
  writer?: Omit<XlsxWriterOptions, 'creator'>;
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

function sheetSetup(definition: ReportDefinition, layout: TableLayout): SheetSetup {
  const lastHeaderRow = FIRST_HEADER_ROW + layout.headerRows - 1;
  return {
    name: sheetName(definition),
    columnWidths: layout.columns.map((c) => S.excelWidth(c.width)),
    frozenRows: lastHeaderRow,
    showGridLines: false,
    page: {
      paperSize: XLSX_PAPER_SIZE[definition.paper],
      orientation: definition.orientation,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: xlsxMargins(),
      oddFooter: XLSX_FOOTER,
    },
    printTitleRows: { first: FIRST_HEADER_ROW, last: lastHeaderRow },
  };
}

/** The style ids of the frame, registered before the first row. */
function frameStyles(writer: XlsxWriter, layout: TableLayout) {
  const id = (style: CellStyle) => writer.styles.id(style);
  return {
    title: id(S.TITLE_STYLE),
    lineLeft: id(S.LINE_LEFT_STYLE),
    lineRight: id(S.LINE_RIGHT_STYLE),
    header: id(S.tableStyle(S.BOLD_BODY_FONT, 'center')),
    body: layout.columns.map((c) => id(S.tableStyle(S.BODY_FONT, c.align, c.format))),
    total: layout.columns.map((c, i) =>
      id(S.tableStyle(S.BOLD_BODY_FONT, i < layout.totalLabelSpan ? 'center' : c.align, c.format)),
    ),
  };
}
type FrameStyles = ReturnType<typeof frameStyles>;

/** Pieces of text laid over runs of columns sized to the text, merged: the 填报单位 and signature lines. */
function drawLine(
  writer: XlsxWriter,
  r: number,
  widths: number[],
  texts: string[],
  styles: number[],
  minHeight: number,
): Promise<void> | undefined {
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
  const values: CellValue[] = [];
  const ids: number[] = [];
  let lines = 1;
  runs.forEach(([first, last], i) => {
    values[first] = pieces[i]!;
    for (let c = first; c <= last; c++) ids[c] = styles[Math.min(i, styles.length - 1)]!;
    writer.merge(r, first, r, last);
    const width = widths.slice(first, last + 1).reduce((a, b) => a + b, 0);
    lines = Math.max(lines, linesNeeded(pieces[i]!, width));
  });
  return writer.row(r, values, ids, S.rowHeight(lines, minHeight));
}

/** The header rows: every cell of the grid bordered and bold, each header merged over its span. */
function drawHeader(writer: XlsxWriter, layout: TableLayout, widths: number[], style: number): void {
  const lines = new Array<number>(layout.headerRows).fill(1);
  const values = Array.from({ length: layout.headerRows }, () => new Array<CellValue>(widths.length));
  for (const h of layout.headerCells) {
    const r = FIRST_HEADER_ROW + h.row;
    values[h.row]![h.col] = h.text;
    writer.merge(r, h.col, r + h.rowSpan - 1, h.col + h.colSpan - 1);
    const width = widths.slice(h.col, h.col + h.colSpan).reduce((a, b) => a + b, 0);
    // A cell spanning rows shares its lines among them.
    const perRow = Math.ceil(linesNeeded(h.text, width) / h.rowSpan);
    for (let dr = 0; dr < h.rowSpan; dr++) lines[h.row + dr] = Math.max(lines[h.row + dr]!, perRow);
  }
  const styles = new Array<number>(widths.length).fill(style);
  values.forEach((row, i) => writer.row(FIRST_HEADER_ROW + i, row, styles, S.rowHeight(lines[i]!, 22)));
}

/** Height for a body or total row: enough lines for its longest wrapped cell. */
function bodyHeight(layout: TableLayout, values: CellValue[], widths: number[]): number {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // An empty cell needs no line of its own (most optional columns of a ledger row are empty).
    if (typeof v === 'string') {
      if (v !== '') lines = Math.max(lines, linesNeeded(v, widths[i]!));
    } else if (typeof v === 'number' && widths[i]! < 6) {
      // A figure fits any column 6 characters wide; only narrower ones are worth measuring.
      lines = Math.max(lines, linesNeeded(displayText(v, layout.columns[i]!.format), widths[i]!));
    }
  }
  return S.rowHeight(lines);
}

/** Draws the whole form, row after row, waiting for the file whenever it falls behind. */
async function drawForm(
  writer: XlsxWriter,
  definition: ReportDefinition,
  data: ReportData,
  layout: TableLayout,
  styles: FrameStyles,
  onProgress?: (n: number) => void,
): Promise<number> {
  const widths = layout.columns.map((c) => c.width);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const last = layout.columns.length - 1;

  const title = reportTitle(definition, data);
  writer.merge(1, 0, 1, last);
  // The title font is about 1.45 times the body font's width.
  const titleHeight = S.titleHeight(linesNeeded(title, totalWidth / 1.45));
  writer.row(1, [title], new Array<number>(widths.length).fill(styles.title), titleHeight);

  const line = headerLine(data);
  drawLine(writer, 2, widths, [line.left, line.right], [styles.lineLeft, styles.lineRight], 24);
  drawHeader(writer, layout, widths, styles.header);

  const totals = new TotalAccumulator(layout);
  const firstBodyRow = FIRST_HEADER_ROW + layout.headerRows;
  let r = firstBodyRow;
  let seq = 0;
  // The tracker blanks a repeated value in place; its ended runs become merges.
  const runs = new RunTracker(layout);
  const mergeRuns = (ended: Run[]) => {
    for (const run of ended) writer.merge(firstBodyRow + run.first, run.col, firstBodyRow + run.last, run.col);
  };
  const summing = Boolean(data.total);
  for await (const source of data.rows) {
    seq++;
    if (summing) totals.add(source);
    const values = bodyCells(layout, source, seq);
    mergeRuns(runs.add(values));
    const behind = writer.row(r++, values, styles.body, bodyHeight(layout, values, widths));
    if (behind) await behind;
    if (onProgress && seq % PROGRESS_EVERY === 0) onProgress(seq);
  }
  mergeRuns(runs.finish());

  if (data.total) {
    const values = totals.cells(data.total === true ? undefined : data.total);
    writer.merge(r, 0, r, layout.totalLabelSpan - 1);
    writer.row(r, values, styles.total, bodyHeight(layout, values, widths));
    r++;
  }

  // The signature line sits a little below the table, with room for a handwritten name.
  drawLine(writer, r, widths, signatureParts(data.signatures), [styles.lineLeft], 32);
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
  const setup = sheetSetup(definition, layout);
  const printTitlesRow = `${setup.printTitleRows!.first}:${setup.printTitleRows!.last}`;
  const out = 'file' in target ? createWriteStream(target.file) : target.stream;
  const closed = 'file' in target ? once(out, 'close') : Promise.resolve();
  closed.catch(() => undefined);
  try {
    const writer = new XlsxWriter(out, setup, { ...options.writer, creator: '综治工作台' });
    const bodyRows = await drawForm(writer, definition, data, layout, frameStyles(writer, layout), options.onProgress);
    await writer.finish();
    await closed;
    return { bodyRows, printTitlesRow };
  } catch (err) {
    if ('file' in target) out.destroy();
    throw err;
  }
}
