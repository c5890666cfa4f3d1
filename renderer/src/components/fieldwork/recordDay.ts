import dayjs, { type Dayjs } from 'dayjs';
import type { Grid } from '../../../../shared/api/org';
import { shanghaiDateIso } from '../../../../shared/dates';

/**
 * The days a 走访 or 楼院 record in this grid cannot carry, for its date picker: after today, and
 * after the grid was retired (the core refuses both, naming the date field).
 */
export function recordDayDisabled(grids: Grid[], gridId: string | undefined): (d: Dayjs) => boolean {
  const retiredAt = grids.find((g) => g.id === gridId)?.retiredAt;
  const lastDay = retiredAt ? shanghaiDateIso(new Date(retiredAt)) : null;
  return (d) => d.isAfter(dayjs(), 'day') || (lastDay !== null && d.format('YYYY-MM-DD') > lastDay);
}
