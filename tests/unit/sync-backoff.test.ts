import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../main/core/sync/backoff';
import { checkCountyUrl } from '../../main/core/sync/state';

const MIN = 60_000;

describe('upload back-off', () => {
  it('starts at a minute, doubles, stops at an hour, with ±20% jitter', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => backoffMs(n, mid) / MIN)).toEqual([1, 2, 4, 8, 60, 60, 60]);
    expect(backoffMs(1, () => 0)).toBe(0.8 * MIN);
    expect(backoffMs(1, () => 0.999999)).toBeCloseTo(1.2 * MIN, -2);
  });

  it('checks the county address when it is set', () => {
    expect(checkCountyUrl(' https://zz.example.cn:8443/county/ ')).toBe('https://zz.example.cn:8443/county');
    expect(() => checkCountyUrl('ftp://x')).toThrow('http:// 或 https://');
    expect(() => checkCountyUrl('县里')).toThrow('地址不正确');
  });
});
