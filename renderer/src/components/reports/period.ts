/** What the period picker holds, turned into the period code the core parses (`2026-Q3`, `2026-H1` …). */
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportFormInfo } from '../../../../shared/api/reports';

export type PeriodKind = ReportFormInfo['periodKinds'][number];

export const PERIOD_KIND_OPTIONS: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: '月报' },
  { value: 'quarter', label: '季报' },
  { value: 'half', label: '半年报' },
  { value: 'year', label: '年报' },
  { value: 'range', label: '自定义期间' },
];

export interface PeriodValue {
  kind: PeriodKind;
  /** Any day inside the month, quarter, half-year or year. */
  date: Dayjs;
  /** For a range. */
  range: [Dayjs, Dayjs];
}

/** Last month by default: reports are made after the month they cover. */
export function defaultPeriod(): PeriodValue {
  const lastMonth = dayjs().subtract(1, 'month');
  return { kind: 'month', date: lastMonth, range: [lastMonth.startOf('month'), lastMonth.endOf('month')] };
}

export function periodCode(p: PeriodValue): string {
  const y = p.date.year();
  switch (p.kind) {
    case 'month':
      return p.date.format('YYYY-MM');
    case 'quarter':
      return `${y}-Q${Math.floor(p.date.month() / 3) + 1}`;
    case 'half':
      return `${y}-H${p.date.month() < 6 ? 1 : 2}`;
    case 'year':
      return String(y);
    case 'range':
      return `${p.range[0].format('YYYY-MM-DD')}..${p.range[1].format('YYYY-MM-DD')}`;
  }
}

/**
 * The picker's value for a period code from outside (a link's `period=`), or null when it is not
 * one of the spellings periodCode writes; the core still checks whatever is sent.
 */
export function periodValueOf(code: string): PeriodValue | null {
  let m: RegExpExecArray | null;
  const at = (date: Dayjs, kind: PeriodKind): PeriodValue => ({
    kind,
    date,
    range: [date.startOf('month'), date.endOf('month')],
  });
  if ((m = /^(\d{4})$/.exec(code))) return at(dayjs(`${m[1]}-01-01`), 'year');
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code))) return at(dayjs(`${m[1]}-${m[2]}-01`), 'month');
  if ((m = /^(\d{4})-Q([1-4])$/.exec(code))) return at(dayjs(`${m[1]}-01-01`).month((+m[2]! - 1) * 3), 'quarter');
  if ((m = /^(\d{4})-H([12])$/.exec(code))) return at(dayjs(`${m[1]}-01-01`).month((+m[2]! - 1) * 6), 'half');
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(code))) {
    const [from, to] = [dayjs(m[1]), dayjs(m[2])];
    // dayjs rolls 02-30 over to 03-02: a day that does not exist is refused, not moved.
    const real = from.format('YYYY-MM-DD') === m[1] && to.format('YYYY-MM-DD') === m[2];
    if (!real || from.isAfter(to)) return null;
    return { kind: 'range', date: from, range: [from, to] };
  }
  return null;
}

/** `#/reports?form=fieldwork-yearly&period=2026`: the 报表 page opened on a form and period. */
export function reportsHash(form: string, period: string): string {
  return `#/reports?form=${encodeURIComponent(form)}&period=${encodeURIComponent(period)}`;
}

/** The form and period a link asks for; either may be missing. */
export function parseReportsQuery(hash: string): { form?: string; period?: PeriodValue } {
  const params = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const form = params.get('form') ?? undefined;
  const period = periodValueOf(params.get('period') ?? '') ?? undefined;
  return { form, period };
}
