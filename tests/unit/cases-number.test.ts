import { describe, expect, it } from 'vitest';
import { formatCaseNumber, parseCaseNumber } from '../../shared/cases/number';

describe('case numbers', () => {
  it('print township code, year and a 6-digit sequence', () => {
    expect(formatCaseNumber({ townshipCode: '140621100', year: 2026, seq: 123 })).toBe('140621100-2026-000123');
    expect(formatCaseNumber({ townshipCode: '140621100', year: 2026, seq: 999_999 })).toBe('140621100-2026-999999');
  });

  it('read back what they print', () => {
    for (const seq of [1, 42, 123, 100_000, 999_999]) {
      const n = { townshipCode: '140621100', year: 2027, seq };
      expect(parseCaseNumber(formatCaseNumber(n))).toEqual(n);
    }
  });

  it('read numbers as clerks type or paste them', () => {
    const expected = { townshipCode: '140621100', year: 2026, seq: 123 };
    expect(parseCaseNumber(' 140621100-2026-000123 ')).toEqual(expected);
    expect(parseCaseNumber('１４０６２１１００－２０２６－０００１２３')).toEqual(expected);
    expect(parseCaseNumber('140621100—2026—000123')).toEqual(expected);
    expect(parseCaseNumber('140621100 - 2026 - 000123')).toEqual(expected);
  });

  it('refuse what is not a case number', () => {
    for (const text of [
      '',
      '140621100-2026-123',
      '14062110-2026-000123',
      '140621100-26-000123',
      '140621100-2026-000000',
      '140621100-1999-000001',
      '140621100-2026-0001234',
      'A40621100-2026-000123',
    ]) {
      expect(parseCaseNumber(text), text).toBeNull();
    }
  });

  it('refuse to print an impossible number', () => {
    expect(() => formatCaseNumber({ townshipCode: '1406211', year: 2026, seq: 1 })).toThrow('乡镇代码应为 9 位数字');
    expect(() => formatCaseNumber({ townshipCode: '140621100', year: 2026, seq: 0 })).toThrow('事件序号');
    expect(() => formatCaseNumber({ townshipCode: '140621100', year: 2026, seq: 1_000_000 })).toThrow('事件序号');
    expect(() => formatCaseNumber({ townshipCode: '140621100', year: 26, seq: 1 })).toThrow('年份不正确');
  });
});
