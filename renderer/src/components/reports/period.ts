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
