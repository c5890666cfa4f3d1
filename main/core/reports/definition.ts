/**
 * What a form declares (its columns and paper) and what it hands the print frame (unit, period,
 * rows, signatures). Every official form is one `ReportDefinition`; the frame draws the rest.
 */
import type { ReportPeriod } from './periods';

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right';

/** `integer` prints `1987`; `percent` prints `99.35%` from the fraction 0.9935; `decimal` prints `12.50`. */
export type NumberFormat = 'text' | 'integer' | 'percent' | 'decimal';

export interface LeafColumn {
  key: string;
  /** Chinese header text; `\n` breaks the line where the form wants it. */
  header: string;
  /** Width in Chinese characters of the body font. */
  width: number;
  align?: Align;
  /** Defaults to `percent` for rates, otherwise `text`. */
  format?: NumberFormat;
  /**
   * A rate the frame derives on every row and in the total row from two other columns, so a total
   * rate is 1,987 / 2,000 and never a sum or an average of rates.
   */
  rate?: { numerator: string; denominator: string };
  /** How the total row fills this column: `sum`, or `none` (blank). Rates are always derived. */
  total?: 'sum' | 'none';
  /**
   * Equal values in consecutive rows print as one cell merged down the rows, as a paper form's
   * 分类 column does over its items.
   */
  mergeRuns?: boolean;
}

export interface ColumnGroup {
  /** A header spanning its children, e.g. 网格员 over 专职 / 兼职. */
  header: string;
  children: ColumnNode[];
}

export type ColumnNode = LeafColumn | ColumnGroup;

export interface ReportDefinition {
  /** Stable id for the CLI and export history, e.g. `grid-events`. */
  id: string;
  /** The form's name, e.g. 网格事件处置情况统计表. */
  name: string;
  /**
   * The printed title; `{期间}`, `{单位}` and `{表名}` are filled in. Defaults to
   * `{期间}{单位}{表名}`, e.g. 2026年10月玉井镇网格事件处置情况统计表.
   */
  title?: string;
  paper: Paper;
  orientation: Orientation;
  /** The table's columns after the 序号 column the frame always adds. */
  columns: ColumnNode[];
}

export type CellValue = string | number | null | undefined;
export type ReportRow = Readonly<Record<string, CellValue>>;

export interface Signatures {
  /** 填报人 */
  preparer?: string;
  /** 审核人 */
  reviewer?: string;
  /** 联系电话 */
  phone?: string;
  /** 填报日期 `YYYY-MM-DD`; blank prints `年  月  日` for a pen. */
  date?: string;
}

export interface ReportData<Rows = Iterable<ReportRow> | AsyncIterable<ReportRow>> {
  /** 填报单位, e.g. 玉井镇综治中心. */
  unit: string;
  /** The unit named in the title (the scope: township or village); defaults to `unit`. */
  titleUnit?: string;
  period: ReportPeriod;
  /** Body rows in order; may be an async stream for a 100,000-row ledger. */
  rows: Rows;
  /**
   * A 合计 row: `true` sums the `sum` columns over the rows; an object supplies those figures itself
   * (e.g. distinct cases, when one case counts in two categories). Rates are derived either way.
   */
  total?: boolean | ReportRow;
  signatures?: Signatures;
  /** A line under the table on screen only, e.g. that a long ledger's preview shows its first rows. */
  footnote?: string;
}

export const isGroup = (node: ColumnNode): node is ColumnGroup => 'children' in node;

/** Lets a form module declare its definition with full type checking and no casts. */
export function defineReport(definition: ReportDefinition): ReportDefinition {
  return definition;
}
