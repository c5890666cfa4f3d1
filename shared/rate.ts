/**
 * Rates as every view prints them — the 工作台, the report preview, the .xlsx and the printed page:
 * a percent to two decimals, rounded half up, and `—` when there is nothing to divide by (no rate,
 * rather than 0 % or 100 %). One function rounds, so the screen and the paper cannot disagree.
 */

/** What a rate prints as when its denominator is 0. */
export const NO_RATE = '—';

/** Basis points (1/10,000) of n/d, rounded half up in exact integer arithmetic where it can be. */
function basisPoints(n: number, d: number): number {
  const a = 20_000 * n + d;
  const b = 2 * d;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    // floor((2·n·10⁴ + d) / 2d) is n/d in basis points rounded half up; the float quotient can land
    // one off near an integer, so the remainder corrects it.
    let q = Math.floor(a / b);
    const r = a - q * b;
    if (r < 0) q -= 1;
    else if (r >= b) q += 1;
    return q;
  }
  return Math.floor((n * 10_000) / d + 0.5);
}

/**
 * n / d as a fraction rounded half up to four decimals (two of a percent): 1/8 → 0.125, 1/800 →
 * 0.0013. Stored so in the .xlsx, whose `0.00%` format then shows exactly what the screen shows.
 * null when d is 0 (or either is not a number).
 */
export function rateOf(n: number | null | undefined, d: number | null | undefined): number | null {
  const num = Number(n ?? 0);
  const den = Number(d ?? 0);
  if (!Number.isFinite(num) || !Number.isFinite(den) || den <= 0) return null;
  return basisPoints(num, den) / 10_000;
}

/** A rate from rateOf as text: `12.50%`, `100.00%`, or `—` for null. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NO_RATE;
  const bp = Math.round(Math.abs(rate) * 10_000);
  const sign = rate < 0 && bp > 0 ? '-' : '';
  return `${sign}${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** n / d printed: rateOf then formatRate. */
export const formatRatio = (n: number, d: number): string => formatRate(rateOf(n, d));
