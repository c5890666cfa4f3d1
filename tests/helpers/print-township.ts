/**
 * The township the printed forms are checked on: the report tests' township, plus a team of four
 * in 16 more villages (so the roster runs over several pages) and a year of demo cases (so the case
 * forms print real figures). Used by the print check in tests/e2e and scripts/render-report-forms.ts.
 */
import { seedDemoCases } from '../../main/core/cases/demo';
import { syntheticPeople } from '../../main/core/people/synthetic';
import { tempDir } from './core';
import { FIXED_NOW, seedReportTownship } from './report-township';

export function seedPrintTownship(opts: { dataDir?: string } = {}) {
  const t = seedReportTownship({ dataDir: opts.dataDir ?? tempDir('zongzhi-print-') });
  const people = syntheticPeople({ countyCode: '140621', count: 80, seed: 'render', today: '2026-11-20' });
  let next = 0;
  for (const village of t.villages.slice(2, 18)) {
    const grid = t.ok<{ id: string }>(
      'org.createGrid',
      { villageId: village.id, type: 'village', name: `${village.name}第一网格`, households: 280, residents: 860 },
      t.clerk,
    );
    for (const [i, post] of [
      { type: 'head', villageId: village.id },
      { type: 'worker', gridId: grid.id, employment: 'full_time' },
      { type: 'worker', gridId: grid.id, employment: 'part_time' },
      { type: 'assistant', gridId: grid.id, assistantKind: assistantKind(next) },
    ].entries()) {
      const p = people[next++]!;
      const person = t.ok<{ id: string }>(
        'people.create',
        {
          name: p.name,
          idNumber: p.idNumber,
          phone: p.mobile,
          politicalStatus: p.politicalStatus,
          education: p.education,
        },
        t.clerk,
      );
      t.ok('posts.add', { personId: person.id, startDate: `2025-0${1 + i}-01`, ...post }, t.clerk);
    }
  }
  // A year of cases over those grids, so the case forms print real figures.
  seedDemoCases(t.core.deps, { count: 3000, seed: 5, years: 1, now: FIXED_NOW.toISOString() });
  return t;
}

function assistantKind(n: number) {
  return (['veteran_member', 'group_head', 'mediator', 'safety_volunteer'] as const)[n % 4];
}
