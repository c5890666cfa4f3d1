import type { Clock } from '../../main/core/clock';
import { syntheticPeople } from '../../main/core/people/synthetic';
import { makeTownship } from './core';

/** A clock the test sets by hand (Shanghai local times read best: `at('2026-09-30T10:00+08:00')`). */
export function manualClock(start: string) {
  let now = new Date(start);
  const clock: Clock = { now: () => new Date(now) };
  return { clock, at: (iso: string) => (now = new Date(iso)) };
}

/**
 * A township with two grids in its first two villages and a grid worker, ready for cases.
 * `fresh()` logs everyone in again (sessions end after 12 idle hours, and tests move the clock by days).
 */
export function makeCaseTownship(start = '2026-09-30T10:00:00+08:00') {
  const time = manualClock(start);
  const t = makeTownship({ clock: time.clock });
  const [v1, v2] = t.ok<{ id: string; name: string }[]>('org.listVillages', {}, t.admin);
  const grid = (villageId: string, name: string) =>
    t.ok<{ id: string }>(
      'org.createGrid',
      { villageId, type: 'village', name, households: 300, residents: 900 },
      t.admin,
    ).id;
  const gridA = grid(v1!.id, '第一网格');
  const gridB = grid(v2!.id, '第一网格');
  const [p] = syntheticPeople({ countyCode: '140621', count: 1, seed: 'cases', today: '2026-09-01' });
  const worker = t.ok<{ id: string }>('people.create', { name: '王网格', idNumber: p!.idNumber }, t.admin).id;
  const sessions = { admin: t.admin, reviewer: t.reviewer, clerk: t.clerk };
  const fresh = () => {
    sessions.admin = t.login('admin');
    sessions.reviewer = t.login('shen');
    sessions.clerk = t.login('lu');
    return sessions;
  };
  return { ...t, ...time, sessions, fresh, villageA: v1!.id, villageB: v2!.id, gridA, gridB, worker };
}

/** A 邻里纠纷 (矛盾纠纷 01 / 02: 22 working days to handle, as 人民调解 takes) as the hotline takes it. */
export function caseInput(gridId: string, extra: Record<string, unknown> = {}) {
  return {
    source: 'hotline',
    categoryCode: '01',
    subcategoryCode: '02',
    gridId,
    place: '玉井村三组',
    occurredAt: '2026-09-30T08:00:00+08:00',
    reporterName: '李群众',
    reporterContact: '138-0013-8000',
    peopleInvolved: 2,
    summary: '两户因院墙排水发生争执',
    ...extra,
  };
}

/** A dispute's 调解情况 as the drawer records it; 办结 of a dispute needs the result. */
export function mediationInput(id: string, result: 'success' | 'failure' | 'terminated' | null = 'success') {
  return {
    id,
    method: 'people',
    organisation: '玉井村人民调解委员会',
    responsible: '赵调解',
    level: 'village',
    result,
    outcome: result === 'success' ? '双方达成调解协议' : null,
  };
}
