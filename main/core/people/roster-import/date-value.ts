/**
 * Dates as they turn up in clerks' rosters: real Excel dates, serial numbers in a General cell,
 * text in any of 2026-1-5, 2026/01/05, 2026.1.5, 2026年1月5日, 20260105, and 出生年月 columns
 * holding only a year and month (1980.05, 1980年5月, 198005).
 */
import { isoDate, isRealDate } from '../../../../shared/dates';
import { toHalfWidth, trimAll } from '../../../../shared/text';
import type { Plain } from './cell-value';

export interface DateValue {
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
  iso: string;
  precision: 'day' | 'month';
}

export type DateCheck = { ok: true; value: DateValue } | { ok: false; reason: string };

const DAY_MS = 86_400_000;
/** Serial numbers past this (2099-12-31) are not dates a roster holds. */
const MAX_SERIAL = 73_050;
const EXAMPLE = '请写成 2026-01-05 这样的日期';

export function readDate(p: Plain, date1904 = false): DateCheck {
  if (p instanceof Date) return day(p.getUTCFullYear(), p.getUTCMonth() + 1, p.getUTCDate());
  if (typeof p === 'number') return fromNumber(p, date1904);
  if (typeof p === 'string') return fromText(p);
  return { ok: false, reason: `无法识别的日期，${EXAMPLE}` };
}

function fromNumber(n: number, date1904: boolean): DateCheck {
  if (Number.isInteger(n)) {
    const s = String(n);
    if (s.length === 8) return day(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6));
    if (s.length === 6 && n >= 190001) return month(+s.slice(0, 4), +s.slice(4));
    if (n >= 1900 && n <= 2100) return { ok: false, reason: `只有年份“${n}”，缺少月份` };
  } else if (n >= 1900 && n < 2101) {
    // 1980.05 typed into a number cell: Excel keeps 1980.05, and 1980.10 as 1980.1 (October).
    return month(Math.floor(n), Math.round((n - Math.floor(n)) * 100));
  }
  if (n >= 1 && n <= MAX_SERIAL) return fromSerial(Math.floor(n), date1904);
  return { ok: false, reason: `无法识别的日期“${n}”，${EXAMPLE}` };
}

/** Excel day numbers; the 1900 system counts a 29 February 1900 that never was (serial 60). */
function fromSerial(serial: number, date1904: boolean): DateCheck {
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (serial > 60) epoch = Date.UTC(1899, 11, 30);
  else if (serial < 60) epoch = Date.UTC(1899, 11, 31);
  else return { ok: false, reason: '日期不存在：1900-02-29' };
  const d = new Date(epoch + serial * DAY_MS);
  return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const DAY_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const MONTH_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;

function fromText(raw: string): DateCheck {
  // A time of day after the date (2026-01-05 08:30:00) says nothing about the date.
  const s = trimAll(toHalfWidth(raw)).replace(/[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '');
  let m = DAY_RE.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return day(+m[1]!, +m[2]!, +m[3]!);
  m = MONTH_RE.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) return month(+m[1]!, +m[2]!);
  if (/^\d{4}\s*年?$/.test(s)) return { ok: false, reason: `只有年份“${s}”，缺少月份` };
  return { ok: false, reason: `无法识别的日期“${raw.trim()}”，${EXAMPLE}` };
}

function day(y: number, m: number, d: number): DateCheck {
  if (!isRealDate(y, m, d)) return { ok: false, reason: `日期不存在：${y}年${m}月${d}日` };
  if (y < 1900) return { ok: false, reason: `年份不对：${y} 年` };
  return { ok: true, value: { iso: isoDate(y, m, d), precision: 'day' } };
}

function month(y: number, m: number): DateCheck {
  if (m < 1 || m > 12) return { ok: false, reason: `月份不对：${y}年${m}月` };
  if (y < 1900) return { ok: false, reason: `年份不对：${y} 年` };
  return { ok: true, value: { iso: `${y}-${String(m).padStart(2, '0')}`, precision: 'month' } };
}
