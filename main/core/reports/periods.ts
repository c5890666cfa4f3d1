/**
 * Report periods: what a clerk types (`2026-10`, `2026-Q3`, `2026-H1`, `2026`,
 * `2026-10-01..2026-10-31`) turned into calendar dates in Asia/Shanghai and the Chinese label the
 * paper carries (`2026年10月`, `2026年第三季度`, `2026年上半年`, `2026年度`, `2026年10月01日至2026年10月31日`).
 */
import { fieldError } from '../../../shared/errors';
import { formatDateZh, isoDate, isRealDate } from '../../../shared/dates';
import { toHalfWidth, trimAll } from '../../../shared/text';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'range';

export interface ReportPeriod {
  kind: PeriodKind;
  /** The canonical spelling, e.g. `2026-Q3`; parsing it again gives the same period. */
  code: string;
  /** First day, `YYYY-MM-DD`, a Shanghai calendar date. */
  start: string;
  /** Last day, inclusive, `YYYY-MM-DD`. */
  end: string;
  /** As printed in titles and on the header line: `2026年第三季度`. */
  label: string;
}

/** What the header line calls the period, by kind: `季度：2026年第三季度`. */
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  month: '月份',
  quarter: '季度',
  half: '半年度',
  year: '年度',
  range: '统计期间',
};

const QUARTER_NAMES = ['一', '二', '三', '四'];
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const FORMAT_HINT = '应为 2026-10、2026-Q3、2026-H1、2026 或 2026-10-01..2026-10-31';

const pad2 = (n: number) => String(n).padStart(2, '0');

function invalid(message: string): never {
  throw fieldError(['period'], message);
}

function lastDayOfMonth(y: number, m: number): number {
  for (let d = 31; d > 28; d--) if (isRealDate(y, m, d)) return d;
  return 28;
}

function checkYear(y: number): number {
  if (y < MIN_YEAR || y > MAX_YEAR) invalid(`年份超出范围（${MIN_YEAR}–${MAX_YEAR}）：${y}`);
  return y;
}

/** Months `from`..`to` of year `y` as a period. */
function months(kind: PeriodKind, code: string, y: number, from: number, to: number, label: string): ReportPeriod {
  return { kind, code, start: isoDate(y, from, 1), end: isoDate(y, to, lastDayOfMonth(y, to)), label };
}

function parseDay(text: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) invalid(`日期格式不正确：${text}（应为 2026-10-01）`);
  const [y, mo, d] = [checkYear(Number(m[1])), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) invalid(`日期不存在：${text}`);
  return isoDate(y, mo, d);
}

/** `2026-10-01` → `2026年10月01日`; a date-only ISO string is midnight UTC, the same day in Shanghai. */
const dayZh = (iso: string) => formatDateZh(`${iso}T00:00:00Z`);

/** Parses a period; throws a VALIDATION error with a Chinese message a clerk can act on. */
export function parsePeriod(input: string): ReportPeriod {
  const text = trimAll(toHalfWidth(input)).toUpperCase();
  if (text === '') invalid(`请填写报表期间，${FORMAT_HINT}`);

  const range = /^(.+?)\s*\.\.\s*(.+)$/.exec(text);
  if (range) {
    const start = parseDay(range[1]!);
    const end = parseDay(range[2]!);
    if (start > end) invalid(`开始日期不能晚于结束日期：${start} 至 ${end}`);
    return { kind: 'range', code: `${start}..${end}`, start, end, label: `${dayZh(start)}至${dayZh(end)}` };
  }

  const m = /^(\d{4})(?:-(?:(\d{1,2})|Q(\d)|H(\d)))?$/.exec(text);
  if (!m) invalid(`报表期间格式不正确：${input}，${FORMAT_HINT}`);
  const y = checkYear(Number(m[1]));
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) invalid(`月份应在 1 到 12 之间：${input}`);
    return months('month', `${y}-${pad2(mo)}`, y, mo, mo, `${y}年${mo}月`);
  }
  if (m[3] !== undefined) {
    const q = Number(m[3]);
    if (q < 1 || q > 4) invalid(`季度应为 Q1 到 Q4：${input}`);
    return months('quarter', `${y}-Q${q}`, y, q * 3 - 2, q * 3, `${y}年第${QUARTER_NAMES[q - 1]}季度`);
  }
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    if (h < 1 || h > 2) invalid(`半年度应为 H1（上半年）或 H2（下半年）：${input}`);
    return months('half', `${y}-H${h}`, y, h * 6 - 5, h * 6, `${y}年${h === 1 ? '上' : '下'}半年`);
  }
  return months('year', String(y), y, 1, 12, `${y}年度`);
}

/** From 1 January of the period's year to its end: the 年度累计 columns beside a month's figures. */
export function yearToDate(period: ReportPeriod): ReportPeriod {
  const year = period.end.slice(0, 4);
  return parsePeriod(`${year}-01-01..${period.end}`);
}

/**
 * The period as a half-open interval of instants, `[from, until)`, for filtering timestamps stored
 * in UTC: a Shanghai day starts at 16:00 UTC the day before.
 */
export function periodInstants(period: ReportPeriod): { from: string; until: string } {
  const shanghaiMidnight = (iso: string, addDays: number) => {
    const t = Date.parse(`${iso}T00:00:00+08:00`) + addDays * 86_400_000;
    return new Date(t).toISOString();
  };
  return { from: shanghaiMidnight(period.start, 0), until: shanghaiMidnight(period.end, 1) };
}
