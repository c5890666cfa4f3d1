import { describe, expect, it } from 'vitest';
import { fieldworkHash, parseFieldworkQuery } from '../../renderer/src/components/fieldwork/fieldworkQuery';

const VILLAGE = '0190f1a2-0000-7000-8000-000000000001';

describe('走访 filters in the address', () => {
  it('round-trips a tab and its filters', () => {
    const filter = { villageId: VILLAGE, from: '2026-01-01', to: '2026-03-31', method: 'phone' as const, q: '郝 户主' };
    const hash = fieldworkHash('visits', filter);
    expect(hash).toBe(
      `#/fieldwork?villageId=${VILLAGE}&from=2026-01-01&to=2026-03-31&method=phone&q=%E9%83%9D%20%E6%88%B7%E4%B8%BB`,
    );
    expect(parseFieldworkQuery(hash)).toEqual({ tab: 'visits', filter: { ...filter, q: '郝 户主' } });
    expect(parseFieldworkQuery(fieldworkHash('buildings', { kind: 'old_compound' }))).toEqual({
      tab: 'buildings',
      filter: { kind: 'old_compound' },
    });
    expect(fieldworkHash('visits', {})).toBe('#/fieldwork');
  });

  it("drops what the tab's list would refuse, so a stale link still opens", () => {
    const parsed = parseFieldworkQuery(
      '#/fieldwork?tab=buildings&villageId=nonsense&from=2026-02-30&to=2026-03-01&method=phone&kind=castle&q=院',
    );
    expect(parsed).toEqual({ tab: 'buildings', filter: { to: '2026-03-01', q: '院' } });
    expect(parseFieldworkQuery('#/fieldwork?tab=other&method=video')).toEqual({
      tab: 'visits',
      filter: { method: 'video' },
    });
  });
});
