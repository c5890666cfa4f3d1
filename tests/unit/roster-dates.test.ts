import { describe, expect, it } from 'vitest';
import { readDate } from '../../main/core/people/roster-import/date-value';

const iso = (v: Parameters<typeof readDate>[0], date1904 = false) => {
  const r = readDate(v, date1904);
  return r.ok ? r.value.iso : `✗ ${r.reason}`;
};

describe('roster dates', () => {
  it('reads real Excel dates in UTC, as exceljs delivers them', () => {
    expect(iso(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(iso(new Date(Date.UTC(2026, 0, 5, 23, 59)))).toBe('2026-01-05');
  });

  it('reads every way clerks type a day', () => {
    for (const text of [
      '2026-1-5',
      '2026-01-05',
      '2026/01/05',
      '2026/1/5',
      '2026.1.5',
      '2026年1月5日',
      '2026年01月05日',
      '2026 年 1 月 5 日',
      '20260105',
      '２０２６－０１－０５',
      ' 2026-01-05\u3000',
      '2026-01-05 08:30:00',
      '2026-01-05T00:00:00',
    ]) {
      expect(iso(text), text).toBe('2026-01-05');
    }
  });

  it('reads serial numbers from General cells, in both date systems', () => {
    expect(iso(46027)).toBe('2026-01-05');
    expect(iso(46027.75)).toBe('2026-01-05');
    expect(iso(18264)).toBe('1950-01-01');
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(59)).toBe('1900-02-28');
    expect(iso(60)).toBe('✗ 日期不存在：1900-02-29');
    expect(iso(44565, true)).toBe('2026-01-05');
  });

  it('reads 8-digit numbers as yyyymmdd', () => {
    expect(iso(20260105)).toBe('2026-01-05');
    expect(iso(19491231)).toBe('1949-12-31');
  });

  it('accepts a year and month alone, as 出生年月 columns hold', () => {
    for (const v of ['1980-05', '1980.05', '1980.5', '1980年5月', '1980/5', '198005', 198005, 1980.05]) {
      const r = readDate(v);
      expect(r.ok && r.value, String(v)).toEqual({ iso: '1980-05', precision: 'month' });
    }
    expect(iso(1980.1)).toBe('1980-10');
    expect(iso(1980.12)).toBe('1980-12');
  });

  it('says what is wrong with the rest', () => {
    expect(iso('2026-02-30')).toBe('✗ 日期不存在：2026年2月30日');
    expect(iso('1980-13')).toBe('✗ 月份不对：1980年13月');
    expect(iso(1980)).toBe('✗ 只有年份“1980”，缺少月份');
    expect(iso('1980年')).toBe('✗ 只有年份“1980年”，缺少月份');
    expect(iso('1880-01-01')).toBe('✗ 年份不对：1880 年');
    expect(iso('去年春天')).toBe('✗ 无法识别的日期“去年春天”，请写成 2026-01-05 这样的日期');
    expect(iso('26-1-5')).toMatch(/^✗ 无法识别的日期/);
    expect(iso(true)).toMatch(/^✗ 无法识别的日期/);
  });
});
