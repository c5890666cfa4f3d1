import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { parsePeriod, periodInstants, yearToDate } from '../../main/core/reports/periods';

function refusal(input: string): string {
  try {
    parsePeriod(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('VALIDATION');
    expect((e as ApiError).issues[0]?.path).toEqual(['period']);
    return (e as ApiError).message;
  }
  throw new Error(`accepted ${input}`);
}

describe('report periods', () => {
  it('parses each kind into Shanghai calendar days and its Chinese label', () => {
    expect(parsePeriod('2026-10')).toEqual({
      kind: 'month',
      code: '2026-10',
      start: '2026-10-01',
      end: '2026-10-31',
      label: '2026年10月',
    });
    expect(parsePeriod('2026-3')).toMatchObject({ code: '2026-03', end: '2026-03-31', label: '2026年3月' });
    expect(parsePeriod('2026-Q3')).toEqual({
      kind: 'quarter',
      code: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
      label: '2026年第三季度',
    });
    expect(parsePeriod('2026-q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31', label: '2026年第四季度' });
    expect(parsePeriod('2026-H1')).toEqual({
      kind: 'half',
      code: '2026-H1',
      start: '2026-01-01',
      end: '2026-06-30',
      label: '2026年上半年',
    });
    expect(parsePeriod('2026-H2')).toMatchObject({ start: '2026-07-01', end: '2026-12-31', label: '2026年下半年' });
    expect(parsePeriod('2026')).toEqual({
      kind: 'year',
      code: '2026',
      start: '2026-01-01',
      end: '2026-12-31',
      label: '2026年度',
    });
    expect(parsePeriod('2026-10-01..2026-10-31')).toEqual({
      kind: 'range',
      code: '2026-10-01..2026-10-31',
      start: '2026-10-01',
      end: '2026-10-31',
      label: '2026年10月01日至2026年10月31日',
    });
  });

  it('knows month lengths and leap years', () => {
    expect(parsePeriod('2024-02').end).toBe('2024-02-29');
    expect(parsePeriod('2026-02').end).toBe('2026-02-28');
    expect(parsePeriod('2100-02').end).toBe('2100-02-28');
    expect(parsePeriod('2024-Q1').end).toBe('2024-03-31');
  });

  it('accepts what Chinese input methods type: full-width digits, blanks, a single day', () => {
    expect(parsePeriod('  ２０２６－１０ ').code).toBe('2026-10');
    expect(parsePeriod('２０２６－Ｑ３').code).toBe('2026-Q3');
    expect(parsePeriod('2026-1-5 .. 2026-1-5')).toMatchObject({ start: '2026-01-05', end: '2026-01-05' });
  });

  it('parses its own code back to the same period', () => {
    for (const input of ['2026-10', '2026-Q1', '2026-H2', '2026', '2026-2-1..2026-3-31']) {
      const p = parsePeriod(input);
      expect(parsePeriod(p.code)).toEqual(p);
    }
  });

  it('refuses bad input in Chinese', () => {
    expect(refusal('')).toContain('请填写报表期间');
    expect(refusal('十月')).toContain('报表期间格式不正确');
    expect(refusal('2026/10')).toContain('报表期间格式不正确');
    expect(refusal('2026-13')).toContain('月份应在 1 到 12 之间');
    expect(refusal('2026-0')).toContain('月份应在 1 到 12 之间');
    expect(refusal('2026-Q5')).toContain('季度应为 Q1 到 Q4');
    expect(refusal('2026-H3')).toContain('半年度应为 H1');
    expect(refusal('1850')).toContain('年份超出范围');
    expect(refusal('2026-02-30..2026-03-01')).toBe('日期不存在：2026-02-30');
    expect(refusal('2026-10-31..2026-10-01')).toContain('开始日期不能晚于结束日期');
    expect(refusal('2026-10..2026-11')).toContain('日期格式不正确');
  });

  it('gives the instants a Shanghai period covers, for timestamps stored in UTC', () => {
    expect(periodInstants(parsePeriod('2026-10'))).toEqual({
      from: '2026-09-30T16:00:00.000Z',
      until: '2026-10-31T16:00:00.000Z',
    });
    expect(periodInstants(parsePeriod('2026'))).toEqual({
      from: '2025-12-31T16:00:00.000Z',
      until: '2026-12-31T16:00:00.000Z',
    });
  });

  it('gives year-to-date for the 年度累计 columns', () => {
    expect(yearToDate(parsePeriod('2026-Q3'))).toMatchObject({
      start: '2026-01-01',
      end: '2026-09-30',
      label: '2026年01月01日至2026年09月30日',
    });
  });
});
