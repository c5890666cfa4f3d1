/**
 * The township the printed forms are checked on: the report tests' township, plus a team of four
 * in 16 more villages (so the roster runs over several pages), a year of demo cases (so the case
 * forms print real figures) and a year of visits and compounds registered through the 走访 service.
 * Used by the print check in tests/e2e and scripts/render-report-forms.ts.
 */
import { seedDemoCases } from '../../main/core/cases/demo';
import { syntheticPeople } from '../../main/core/people/synthetic';
import type { ReportForm } from '../../main/core/reports/forms/types';
import { tempDir } from './core';
import { seedFieldwork, type FieldworkPlace } from './fieldwork-seed';
import { FIXED_NOW, seedReportTownship } from './report-township';

export function seedPrintTownship(opts: { dataDir?: string } = {}) {
  const t = seedReportTownship({ dataDir: opts.dataDir ?? tempDir('zongzhi-print-') });
  const people = syntheticPeople({ countyCode: '140621', count: 80, seed: 'render', today: '2026-11-20' });
  let next = 0;
  const places: FieldworkPlace[] = [
    { villageId: t.v1.id, villageName: t.v1.name, gridId: t.grids.g1.id },
    { villageId: t.v1.id, villageName: t.v1.name, gridId: t.grids.g2.id },
    { villageId: t.v2.id, villageName: t.v2.name, gridId: t.grids.g3.id },
  ];
  const workerIds: string[] = [];
  for (const village of t.villages.slice(2, 18)) {
    const grid = t.ok<{ id: string }>(
      'org.createGrid',
      { villageId: village.id, type: 'village', name: `${village.name}第一网格`, households: 280, residents: 860 },
      t.clerk,
    );
    places.push({ villageId: village.id, villageName: village.name, gridId: grid.id });
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
      workerIds.push(person.id);
      t.ok('posts.add', { personId: person.id, startDate: `2025-0${1 + i}-01`, ...post }, t.clerk);
    }
  }
  // A year of cases over those grids, so the case forms print real figures.
  seedDemoCases(t.core.deps, { count: 3000, seed: 5, years: 1, now: FIXED_NOW.toISOString() });
  // The year's 走访 up to the clock's today; October holds about 120 visits (about 6 A4 pages).
  const caseIds = t.core.deps.conn.sqlite.prepare('SELECT id FROM cases ORDER BY number LIMIT 200').pluck().all();
  seedFieldwork(t, t.clerk, {
    places,
    workerIds,
    from: '2026-01-01',
    to: '2026-11-20',
    visits: 1300,
    buildings: 90,
    caseIds: caseIds as string[],
  });
  return t;
}

/** The period to print a form for: the month given, or its year for a form with no 月报 (the yearly summary). */
export function printPeriod(form: ReportForm, month: string): string {
  return form.periodKinds.includes('month') || !/^\d{4}-\d{2}$/.test(month) ? month : month.slice(0, 4);
}

function assistantKind(n: number) {
  return (['veteran_member', 'group_head', 'mediator', 'safety_volunteer'] as const)[n % 4];
}
