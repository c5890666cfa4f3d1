import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/api/org';
import { recordDayDisabled } from '../../renderer/src/components/fieldwork/recordDay';

const grid = (id: string, retiredAt: string | null) => ({ id, retiredAt }) as Grid;

describe('recordDayDisabled', () => {
  it('closes the days after today, and after the retirement day (Shanghai) of a retired grid', () => {
    const grids = [grid('live', null), grid('gone', '2026-03-05T17:30:00.000Z')]; // 2026年03月06日 01:30 in Shanghai
    const live = recordDayDisabled(grids, 'live');
    const gone = recordDayDisabled(grids, 'gone');
    expect(live(dayjs('2026-03-07'))).toBe(false);
    expect(gone(dayjs('2026-03-06'))).toBe(false);
    expect(gone(dayjs('2026-03-07'))).toBe(true);
    expect(live(dayjs().add(1, 'day'))).toBe(true);
    expect(recordDayDisabled(grids, undefined)(dayjs('2026-03-07'))).toBe(false);
  });
});
