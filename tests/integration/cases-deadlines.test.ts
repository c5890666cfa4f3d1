import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import { caseInput, makeCaseTownship } from '../helpers/cases';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

/** Registered, reported, accepted and assigned at once on Wed 30 Sep 2026, 10:00: the handle clock starts. */
const ASSIGN_NOW = (workerId: string) => [
  { action: 'report' },
  { action: 'accept' },
  { action: 'assign', payload: { assignee: { kind: 'gridWorker', id: workerId, name: '王网格' } } },
];

/** 民生服务 / 社会保障: 3 working days to handle (a dispute now has about a month). */
const THREE_DAYS = { categoryCode: '03', subcategoryCode: '01' };

function lightAt(id: string, when: string): string | null {
  t!.at(when);
  return t!.ok('cases.get', { id }, t!.login('lu')).case.light;
}

const supervisions = (id: string) =>
  t!.core.deps.conn.sqlite
    .prepare("SELECT actor_name, payload FROM case_events WHERE case_id = ? AND action = 'supervise' ORDER BY id")
    .all(id) as { actor_name: string; payload: string }[];

describe('deadlines in working days', () => {
  it('a 3-working-day case assigned on 30 Sep turns yellow and red on the right days across 国庆', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const c = t.ok(
      'cases.create',
      caseInput(t.gridA, { ...THREE_DAYS, then: ASSIGN_NOW(t.worker) }),
      t.sessions.clerk,
    ).case;
    expect(c).toMatchObject({ state: 'assigned', stepLimitDays: 3, light: 'green' });
    // 1–7 Oct off; Thu 8, Fri 9 and the make-up Saturday 10 Oct are the three working days.
    expect(c.dueAt).toBe('2026-10-10T15:59:59.999Z');

    expect(lightAt(c.id, '2026-10-05T12:00:00+08:00')).toBe('green'); // the holiday does not use the time
    expect(lightAt(c.id, '2026-10-09T12:00:00+08:00')).toBe('green'); // 1.5 of 3 days
    // 70 % of 3 working days is 2.1 days: 02:24 on the make-up Saturday.
    expect(lightAt(c.id, '2026-10-10T02:20:00+08:00')).toBe('green');
    expect(lightAt(c.id, '2026-10-10T02:30:00+08:00')).toBe('yellow');
    expect(lightAt(c.id, '2026-10-10T23:59:00+08:00')).toBe('yellow');
    expect(lightAt(c.id, '2026-10-11T00:01:00+08:00')).toBe('red');

    // The list's quick filters agree with the light.
    const quick = (when: string, q: string) => {
      t!.at(when);
      return t!.ok('cases.list', { quick: q }, t!.login('lu')).total;
    };
    expect(quick('2026-10-09T12:00:00+08:00', 'dueSoon')).toBe(0);
    expect(quick('2026-10-10T09:00:00+08:00', 'dueSoon')).toBe(1);
    expect(quick('2026-10-10T09:00:00+08:00', 'overdue')).toBe(0);
    expect(quick('2026-10-12T09:00:00+08:00', 'overdue')).toBe(1);
    expect(quick('2026-10-12T09:00:00+08:00', 'dueSoon')).toBe(0);
  });

  it('the overdue sweep raises exactly one 督办 per missed deadline, also across restarts', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const id = t.ok('cases.create', caseInput(t.gridA, { ...THREE_DAYS, then: ASSIGN_NOW(t.worker) }), t.sessions.clerk)
      .case.id;
    t.at('2026-10-10T20:00:00+08:00');
    expect(t.core.sweepOverdue()).toBe(0); // yellow, not overdue
    t.at('2026-10-12T09:00:00+08:00');
    expect(t.core.sweepOverdue()).toBe(1);
    expect(t.core.sweepOverdue()).toBe(0);
    expect(supervisions(id)).toEqual([
      { actor_name: '系统', payload: JSON.stringify({ level: 'yellow', note: '超过办理时限，系统自动督办' }) },
    ]);
    const detail = t.ok('cases.get', { id }, t.fresh().clerk);
    expect(detail.case).toMatchObject({ supervisionLevel: 'yellow', state: 'assigned', light: 'red' });
    expect(detail.events.at(-1).text).toBe('黄牌督办；备注：超过办理时限，系统自动督办');

    // An approved extension sets a new deadline; missing that one raises 红牌.
    const s = t.fresh();
    t.ok('cases.act', { id, action: 'requestExtension', payload: { days: 1, reason: '等待鉴定' } }, s.clerk);
    const ext = t.ok('cases.act', { id, action: 'approveExtension', payload: { days: 1 } }, s.reviewer);
    expect(ext.case.dueAt).toBe('2026-10-12T15:59:59.999Z'); // Sat 10 + 1 working day = Mon 12
    t.at('2026-10-13T09:00:00+08:00');
    expect(t.core.sweepOverdue()).toBe(1);
    expect(supervisions(id).map((e) => JSON.parse(e.payload).level)).toEqual(['yellow', 'red']);

    // A restart sweeps at start and finds nothing new.
    const { dataDir } = t;
    const clock = t.core.deps.clock;
    t.core.close();
    const again = openCore({ dataDir, clock });
    try {
      expect(again.sweepOverdue()).toBe(0);
      const n = again.deps.conn.sqlite
        .prepare("SELECT count(*) AS n FROM case_events WHERE case_id = ? AND action = 'supervise'")
        .get(id) as { n: number };
      expect(n.n).toBe(2);
    } finally {
      again.close();
    }
  });

  it('a corrected calendar moves running deadlines', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const s = t.sessions;
    const id = t.ok('cases.create', caseInput(t.gridA, { ...THREE_DAYS, then: ASSIGN_NOW(t.worker) }), s.clerk).case.id;
    const days = t.ok('holidays.list', { year: 2026 }, s.clerk);
    expect(days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节' });
    expect(days.filter((d: { date: string }) => d.date.startsWith('2026-10-0'))).toHaveLength(7);

    // Only an administrator keeps the calendar: it moves every deadline.
    for (const who of [s.clerk, s.reviewer]) {
      expect(t.call('holidays.upsert', { date: '2026-10-09', kind: 'holiday', name: '临时放假' }, who)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    t.ok('holidays.upsert', { date: '2026-10-09', kind: 'holiday', name: '临时放假' }, s.admin);
    // Thu 8, Sat 10 (make-up), Mon 12.
    expect(t.ok('cases.get', { id }, s.clerk).case.dueAt).toBe('2026-10-12T15:59:59.999Z');
    t.ok('holidays.delete', { date: '2026-10-09' }, s.admin);
    expect(t.ok('cases.get', { id }, s.clerk).case.dueAt).toBe('2026-10-10T15:59:59.999Z');

    expect(t.call('holidays.upsert', { date: '2026-02-30', kind: 'holiday', name: 'x' }, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['date'] }] },
    });
    expect(t.call('holidays.delete', { date: '2026-10-09' }, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('time limits come from the editable taxonomy; a 小类 in use cannot be removed', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const s = t.sessions;
    const taxonomy = t.ok('taxonomy.list', {}, s.clerk);
    expect(taxonomy.categories.map((c: { name: string }) => c.name)).toContain('矛盾纠纷');
    const dispute = taxonomy.categories.find((c: { code: string }) => c.code === '01');
    expect(dispute.subcategories).toHaveLength(17); // GB/T 31000 types

    expect(t.call('taxonomy.update', taxonomy, s.clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const neighbours = dispute.subcategories.find((x: { code: string }) => x.code === '02');
    neighbours.limits = { handle: 5 };
    t.ok('taxonomy.update', taxonomy, s.reviewer);
    const c = t.ok('cases.create', caseInput(t.gridA, { then: ASSIGN_NOW(t.worker) }), s.clerk).case;
    expect(c.stepLimitDays).toBe(5);

    const without = structuredClone(taxonomy);
    without.categories[0].subcategories = without.categories[0].subcategories.filter(
      (x: { code: string }) => x.code !== '02',
    );
    const refused = t.call('taxonomy.update', without, s.reviewer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.ok || refused.error.message).toContain('矛盾纠纷 / 邻里纠纷');

    const bad = structuredClone(taxonomy);
    bad.categories[1].limits.handle = 31;
    expect(t.call('taxonomy.update', bad, s.reviewer)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['categories', 1, 'limits', 'handle'] }] },
    });
  });
});
