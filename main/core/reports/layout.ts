/**
 * The table of a form resolved once for every renderer: the leaf columns in order (序号 first),
 * the header grid with its spans, and the cell values of body and total rows. Excel and HTML draw
 * from this, so the preview and the file cannot disagree.
 */
import { isGroup, type Align, type CellValue, type ColumnNode, type LeafColumn, type NumberFormat } from './definition';
import type { ReportDefinition, ReportRow } from './definition';
import { NO_RATE, formatRate, rateOf } from '../../../shared/rate';

export const SEQ_KEY = '#';
export const TOTAL_LABEL = '合计';

export interface ResolvedColumn {
  key: string;
  header: string;
  width: number;
  align: Align;
  format: NumberFormat;
  total: 'sum' | 'none' | 'rate';
  rate?: { numerator: string; denominator: string };
  mergeRuns: boolean;
}

/** One header cell; rows and columns count from 0 within the table. */
export interface HeaderCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableLayout {
  columns: ResolvedColumn[];
  headerRows: number;
  headerCells: HeaderCell[];
  /** How many leading columns the 合计 label spans (序号 plus the label columns after it). */
  totalLabelSpan: number;
}

const SEQ_COLUMN: ResolvedColumn = {
  key: SEQ_KEY,
  header: '序号',
  width: 3,
  align: 'center',
  format: 'integer',
  total: 'none',
  mergeRuns: false,
};

function depth(node: ColumnNode): number {
  return isGroup(node) ? 1 + Math.max(0, ...node.children.map(depth)) : 1;
}

function resolve(leaf: LeafColumn): ResolvedColumn {
  const format = leaf.format ?? (leaf.rate ? 'percent' : 'text');
  const numeric = format !== 'text';
  return {
    key: leaf.key,
    header: leaf.header,
    width: leaf.width,
    align: leaf.align ?? (numeric ? 'center' : 'left'),
    format,
    total: leaf.rate ? 'rate' : (leaf.total ?? (numeric ? 'sum' : 'none')),
    mergeRuns: leaf.mergeRuns === true,
    ...(leaf.rate ? { rate: leaf.rate } : {}),
  };
}

/** Programming errors in a form module, caught by its first test rather than by a clerk. */
function check(definition: ReportDefinition, columns: ResolvedColumn[]): void {
  if (columns.length < 2) throw new Error(`报表 ${definition.id}：没有列`);
  const keys = new Set<string>();
  for (const c of columns) {
    if (keys.has(c.key)) throw new Error(`报表 ${definition.id}：列 ${c.key} 重复`);
    if (!(c.width > 0)) throw new Error(`报表 ${definition.id}：列 ${c.key} 的宽度必须大于 0`);
    keys.add(c.key);
  }
  for (const c of columns) {
    if (c.rate && !(keys.has(c.rate.numerator) && keys.has(c.rate.denominator))) {
      throw new Error(`报表 ${definition.id}：比率列 ${c.key} 引用了不存在的列`);
    }
  }
}

export function layoutTable(definition: ReportDefinition): TableLayout {
  const headerRows = Math.max(1, ...definition.columns.map(depth));
  const columns: ResolvedColumn[] = [SEQ_COLUMN];
  const headerCells: HeaderCell[] = [{ text: SEQ_COLUMN.header, row: 0, col: 0, rowSpan: headerRows, colSpan: 1 }];

  const place = (nodes: ColumnNode[], row: number) => {
    for (const node of nodes) {
      const col = columns.length;
      if (isGroup(node)) {
        if (node.children.length === 0) throw new Error(`报表 ${definition.id}：分组 ${node.header} 没有列`);
        place(node.children, row + 1);
        headerCells.push({ text: node.header, row, col, rowSpan: 1, colSpan: columns.length - col });
      } else {
        columns.push(resolve(node));
        headerCells.push({ text: node.header, row, col, rowSpan: headerRows - row, colSpan: 1 });
      }
    }
  };
  place(definition.columns, 0);
  check(definition, columns);
  headerCells.sort((a, b) => a.row - b.row || a.col - b.col);

  let totalLabelSpan = 1;
  while (columns[totalLabelSpan]?.total === 'none') totalLabelSpan++;
  return { columns, headerRows, headerCells, totalLabelSpan };
}

/**
 * A rate column's value: the fraction rounded half up to two decimals of a percent (shared/rate.ts),
 * stored rounded so Excel's `0.00%` and the preview show the same digits; null with a 0 denominator,
 * and null when the row leaves the numerator blank (a figure that row does not count).
 */
export function rate(numerator: CellValue, denominator: CellValue): number | null {
  if (numerator === null || numerator === undefined || numerator === '') return null;
  return rateOf(Number(numerator), Number(denominator ?? 0));
}

/** A rate with nothing to divide by prints `—` on screen, in the .xlsx and on paper alike. */
function withRates(layout: TableLayout, values: Record<string, CellValue>): CellValue[] {
  return layout.columns.map((c) =>
    c.rate ? (rate(values[c.rate.numerator], values[c.rate.denominator]) ?? NO_RATE) : values[c.key],
  );
}

/** The cells of body row number `seq` (from 1), in column order. */
export function bodyCells(layout: TableLayout, row: ReportRow, seq: number): CellValue[] {
  const cells = withRates(layout, row);
  cells[0] = seq;
  return cells;
}

/** Adds the `sum` columns up as rows go by, so a streamed ledger needs no second pass. */
export class TotalAccumulator {
  private readonly sums = new Map<string, number>();
  constructor(private readonly layout: TableLayout) {
    for (const c of layout.columns) if (c.total === 'sum') this.sums.set(c.key, 0);
  }

  add(row: ReportRow): void {
    for (const [key, sum] of this.sums) {
      const v = Number(row[key] ?? 0);
      if (Number.isFinite(v)) this.sums.set(key, sum + v);
    }
  }

  /** The 合计 row; `given` replaces the sums where a form knows better. Rates come from the totals. */
  cells(given?: ReportRow): CellValue[] {
    const values: Record<string, CellValue> = {};
    for (const c of this.layout.columns) {
      if (c.total === 'sum') values[c.key] = given && c.key in given ? given[c.key] : this.sums.get(c.key);
    }
    const cells = withRates(this.layout, values);
    cells[0] = TOTAL_LABEL;
    return cells;
  }
}

/** Width of text in Chinese characters: CJK and full-width count 1, everything else about half. */
export function textWidth(text: string): number {
  let w = 0;
  // By UTF-16 unit, several times faster than by code point; a pair counts once (its low half is skipped).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += c >= 0x2e80 ? 1 : 0.55;
  }
  return w;
}

/**
 * How many lines `text` takes in a cell `width` Chinese characters wide. It errs towards one line
 * too many: a row too tall wastes a little paper, a row too short cuts text off.
 */
export function linesNeeded(text: string, width: number): number {
  const usable = Math.max(1, width - 0.2);
  // Most cells are short: no character is wider than 1, so they fit without measuring.
  if (text.length <= usable && !text.includes('\n')) return 1;
  // One pass, no split: each line's width summed as textWidth sums it, line by line.
  let lines = 0;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines += Math.max(1, Math.ceil(w / usable));
      w = 0;
    } else if (c < 0xdc00 || c > 0xdfff) {
      w += c >= 0x2e80 ? 1 : 0.55;
    }
  }
  return lines + Math.max(1, Math.ceil(w / usable));
}

/** The cell as text: for HTML, for row heights, for anyone who wants what the paper shows. */
export function displayText(value: CellValue, format: NumberFormat): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'percent':
      return formatRate(value);
    case 'decimal':
      return value.toFixed(2);
    case 'integer':
      return String(Math.round(value));
    default:
      return String(value);
  }
}

/**
 * Cuts columns into one run per piece of text, for the header line and the signature line: runs
 * as even as the columns allow, but never narrower than the piece they carry where that can be
 * helped (a cut-off phone number is worse than an uneven line). A small dynamic programme over
 * the cut points; forms have tens of columns, so it costs nothing.
 */
export function splitColumns(widths: number[], needs: number[]): Array<[first: number, last: number]> {
  const n = needs.length;
  const m = widths.length;
  if (n > m) throw new Error('列数少于要放置的段数');
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1]! + w);
  const even = prefix[m]! / n;
  const cost = (piece: number, from: number, to: number) => {
    const w = prefix[to]! - prefix[from]!;
    return 10 * Math.max(0, needs[piece]! - w) + Math.abs(w - even);
  };
  // best[k][j]: the cheapest way to lay the first k pieces over the first j columns.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const cut = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  best[0]![0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let j = k; j <= m - (n - k); j++) {
      for (let a = k - 1; a < j; a++) {
        const c = best[k - 1]![a]! + cost(k - 1, a, j);
        if (c < best[k]![j]!) {
          best[k]![j] = c;
          cut[k]![j] = a;
        }
      }
    }
  }
  const runs: Array<[number, number]> = [];
  for (let k = n, j = m; k > 0; j = cut[k]![j]!, k--) runs.unshift([cut[k]![j]!, j - 1]);
  return runs;
}

/** Body rows `first..last` (0-based) of column `col` drawn as one merged cell. */
export interface Run {
  col: number;
  first: number;
  last: number;
}

/**
 * Follows the mergeRuns columns down the body for both renderers: a value equal to the one above
 * (and not blank) continues that run and is blanked in place, to sit under the merged cell.
 */
const NO_RUNS: Run[] = [];

export class RunTracker {
  private readonly cols: number[];
  private readonly open = new Map<number, { first: number; value: CellValue }>();
  private rows = 0;

  constructor(layout: TableLayout) {
    this.cols = layout.columns.flatMap((c, i) => (c.mergeRuns ? [i] : []));
  }

  /** Takes the next body row's cells; returns the runs of two or more rows that ended above it. */
  add(values: CellValue[]): Run[] {
    if (this.cols.length === 0) return NO_RUNS; // a form without merged columns: nothing per row
    const ended: Run[] = [];
    for (const col of this.cols) {
      const value = values[col];
      const open = this.open.get(col);
      if (open && value !== undefined && value !== null && value !== '' && open.value === value) {
        values[col] = undefined;
        continue;
      }
      if (open) ended.push({ col, first: open.first, last: this.rows - 1 });
      this.open.set(col, { first: this.rows, value });
    }
    this.rows++;
    return ended.filter((r) => r.last > r.first);
  }

  /** Body rows before this index are final: no run still open reaches above it. */
  settledBefore(): number {
    return Math.min(this.rows, ...[...this.open.values()].map((o) => o.first));
  }

  /** After the last body row: the runs still open. */
  finish(): Run[] {
    const ended = [...this.open].map(([col, o]) => ({ col, first: o.first, last: this.rows - 1 }));
    this.open.clear();
    return ended.filter((r) => r.last > r.first);
  }
}
