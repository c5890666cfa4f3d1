import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoTownship } from '../../main/core/demo/seed';
import type { RosterVillage } from '../../shared/api/people';
import { makeTownship } from '../helpers/core';

type T = ReturnType<typeof makeTownship>;
let t: T;
afterEach(() => t?.core.close());

describe('花名册 preview', () => {
  it('groups the current posts by village in code order, head and instructor first, numbers masked', () => {
    t = makeTownship();
    seedDemoTownship(t.core, { grids: 20, people: 70, seed: 'roster' });
    const roster = t.ok<RosterVillage[]>('people.roster', {}, t.clerk);
    expect(roster).toHaveLength(18);
    expect(roster.map((v) => v.villageCode)).toEqual([...roster.map((v) => v.villageCode)].sort());
    expect(roster.reduce((n, v) => n + v.lines.length, 0)).toBe(t.count('posts'));
    for (const v of roster) {
      expect(v.lines[0]!.type).toBe('head');
      expect(v.counts.head).toBe(1);
      expect(v.lines.filter((l) => l.type === 'worker')).toHaveLength(v.counts.worker);
      // Grid lines follow the village-level ones, grid by grid.
      const gridCodes = v.lines.map((l) => l.gridCode).filter((c) => c !== null);
      expect(gridCodes).toEqual([...gridCodes].sort());
      for (const l of v.lines) {
        expect(l.idNumberMasked).toMatch(/^140621\*{12}$/);
        expect(l.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      }
    }
    // One village only, and a post that ended leaves the roster.
    const one = roster[0]!;
    const only = t.ok<RosterVillage[]>('people.roster', { villageId: one.villageId }, t.clerk);
    expect(only.map((v) => v.villageId)).toEqual([one.villageId]);
    const ended = one.lines.find((l) => l.type === 'worker')!;
    t.ok(
      'posts.end',
      { id: ended.id, endDate: one.lines[0]!.startDate > ended.startDate ? one.lines[0]!.startDate : ended.startDate },
      t.clerk,
    );
    const after = t.ok<RosterVillage[]>('people.roster', { villageId: one.villageId }, t.clerk)[0]!;
    expect(after.lines.map((l) => l.id)).not.toContain(ended.id);
    expect(after.counts.worker).toBe(one.counts.worker - 1);
  });
});
