/** The one rounding of rates (shared/rate.ts): half up to two decimals of a percent, `—` for 0/0. */
import { describe, expect, it } from 'vitest';
import { displayText, rate } from '../../main/core/reports/layout';
import { NO_RATE, formatRate, formatRatio, rateOf } from '../../shared/rate';

describe('rateOf / formatRate', () => {
  it('rounds half up to two decimals of a percent', () => {
    expect(formatRatio(1, 3)).toBe('33.33%');
    expect(formatRatio(2, 3)).toBe('66.67%');
    expect(rateOf(1, 8)).toBe(0.125);
    expect(formatRatio(1, 8)).toBe('12.50%');
    // 0.125 % is exactly half a basis point: half up gives 0.13 %, banker's rounding would give 0.12 %.
    expect(rateOf(1, 800)).toBe(0.0013);
    expect(formatRatio(1, 800)).toBe('0.13%');
    expect(formatRatio(3, 800)).toBe('0.38%');
    expect(formatRatio(201, 20_000)).toBe('1.01%');
    expect(formatRatio(1, 80_000)).toBe('0.00%');
    expect(formatRatio(13_836, 13_837)).toBe('99.99%');
    expect(formatRatio(13_801, 13_837)).toBe('99.74%');
    expect(formatRatio(5, 5)).toBe('100.00%');
    expect(formatRatio(0, 5)).toBe('0.00%');
  });

  it('is exact near a half at large counts, where a float quotient can land on the wrong side', () => {
    expect(rateOf(1, 2)).toBe(0.5);
    for (const d of [999_983, 7_000_003, 123_456_789]) {
      for (const n of [1, Math.floor(d / 3), d - 1]) {
        const exact = (BigInt(n) * 20_000n + BigInt(d)) / (2n * BigInt(d));
        expect(rateOf(n, d), `${n}/${d}`).toBe(Number(exact) / 10_000);
      }
    }
  });

  it('gives no rate, printed —, when there is nothing to divide by', () => {
    expect(rateOf(0, 0)).toBeNull();
    expect(rateOf(3, 0)).toBeNull();
    expect(formatRate(null)).toBe(NO_RATE);
    expect(formatRatio(0, 0)).toBe('—');
  });

  it('is what the report frame stores and prints, so the .xlsx and the preview agree', () => {
    for (const [n, d] of [
      [1, 3],
      [2, 3],
      [1, 8],
      [1, 800],
      [13_836, 13_837],
    ] as const) {
      expect(rate(n, d)).toBe(rateOf(n, d));
      expect(displayText(rate(n, d), 'percent')).toBe(formatRatio(n, d));
    }
    expect(rate(0, 0)).toBeNull();
  });
});
