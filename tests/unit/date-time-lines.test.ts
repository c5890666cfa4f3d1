import { describe, expect, it } from 'vitest';
import { dateTimeLinesZh, formatDateTime, formatDateZh } from '../../shared/dates';

const longWay = (iso: string) => `${formatDateZh(iso)}\n${formatDateTime(iso).slice(11)}`;

describe('dateTimeLinesZh', () => {
  it('says what formatDateZh and formatDateTime say, remembered hour or not', () => {
    const lines = dateTimeLinesZh();
    // Around Shanghai's midnight (16:00Z), a year's end, a leap day, and every minute of two hours twice.
    const instants = [
      '2026-03-05T15:59:59.999Z',
      '2026-03-05T16:00:00.000Z',
      '2025-12-31T16:00:00.000Z',
      '2028-02-28T16:30:00.000Z',
      '2026-10-10T15:59:59.999Z',
      '2026-06-01T00:00:00Z',
    ];
    for (let m = 0; m < 120; m++) instants.push(new Date(Date.UTC(2026, 8, 30, 15, m, 7)).toISOString());
    for (const iso of [...instants, ...instants]) expect(lines(iso)).toBe(longWay(iso));
  });

  it('takes the long way for text that is not a UTC instant', () => {
    const lines = dateTimeLinesZh();
    expect(lines('2026-03-05T08:20:00+08:00')).toBe('2026年03月05日\n08:20');
    expect(lines('2026-03-05T08:20:00+08:00')).toBe(longWay('2026-03-05T08:20:00+08:00'));
  });
});
