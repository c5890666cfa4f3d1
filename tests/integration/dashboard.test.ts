import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../shared/api/dashboard';
import { ACCEPTED_STATES } from '../../shared/cases/figures';
import { formatRate, rateOf } from '../../shared/rate';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { seedFieldwork } from '../helpers/fieldwork-seed';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

const step = (action: string, payload: Record<string, unknown> = {}) => ({ action, payload });

/** Cases spread over a year and over the loop, each registered at the clock's time. */
function seed() {
  t = makeCaseTownship('2025-12-10T10:00:00+08:00');
  const tw = t;
  const assign = step('assign', { assignee: { kind: 'gridWorker', id: tw.worker, name: '王网格' } });
  const toAssigned = [step('report'), step('accept'), assign];
  const toHandled = [...toAssigned, step('resolve', { result: '已协调处理' })];
  const toFedBack = [...toHandled, step('feedback', { note: '已电话告知' })];

  const toRejected = [step('report'), step('reject', { reason: '不属于受理范围' })];
  const make = (then: object[] = [], extra: Record<string, unknown> = {}) => {
    const admin = tw.login('admin'); // the clock moves by weeks; sessions end after 12 idle hours
    const occurredAt = new Date(+tw.clock.now() - 3_600_000).toISOString();
    const input = caseInput(tw.gridA, { occurredAt, then, ...extra });
    return tw.ok<{ case: { id: string; number: string } }>('cases.create', input, admin).case;
  };
  /** A 邻里纠纷 mediated successfully (化解) and closed: a dispute closes only with its mediation result. */
  const closed = () => {
    const c = make(toFedBack);
    const admin = tw.login('admin');
    const mediation = {
      method: 'people',
      organisation: '玉井镇人民调解委员会',
      responsible: '赵调解',
      level: 'township',
    };
    tw.ok('cases.setMediation', { id: c.id, ...mediation, result: 'success', outcome: '双方达成协议' }, admin);
    tw.ok('cases.act', { id: c.id, action: 'close', payload: {} }, admin);
    return c;
  };
  const n: Record<string, string> = {};
  n.c1 = closed().number;
  n.c2 = make().number;
  t.at('2026-02-27T10:00:00+08:00');
  n.c3 = make(toRejected).number;
  n.c4 = make([step('report')], { categoryCode: '02', subcategoryCode: '01' }).number;
  t.at('2026-03-02T10:00:00+08:00');
  n.c5 = make(toAssigned).number;
  t.at('2026-03-18T09:00:00+08:00');
  n.c6 = make(toAssigned).number;
  t.at('2026-03-20T09:00:00+08:00');
  n.c7 = make().number;
  n.c8 = make([step('report')]).number;
  n.c9 = closed().number;
  n.c10 = make(toRejected).number;
  n.c11 = make(toHandled).number;
  n.c12 = make(toFedBack, { categoryCode: '03', subcategoryCode: '01' }).number;
  n.c13 = make([], { categoryCode: '06', subcategoryCode: '01' }).number;
  t.at('2026-03-20T10:00:00+08:00');
  return { t, n, s: t.fresh() };
}

type ListResult = { rows: { number: string }[]; total: number };

describe('the 工作台 summary', () => {
  it('counts each number with the filter of the list it opens', () => {
    const { t, n, s } = seed();
    for (const session of [s.admin, s.reviewer, s.clerk]) {
      const d = t.ok<DashboardSummary>('dashboard.summary', {}, session);
      const total = (filter: object) => t.ok<ListResult>('cases.list', { ...filter, limit: 1 }, session).total;
      expect(d.tiles.mine).toBe(total({ quick: 'mine' }));
      expect(d.tiles.dueSoon).toBe(total({ quick: 'dueSoon' }));
      expect(d.tiles.overdue).toBe(total({ quick: 'overdue' }));
      expect(d.tiles.review).toBe(total({ quick: 'review' }));
      expect(d.tiles.monthRegistered).toBe(total({ quick: 'thisMonth' }));
      expect(d.tiles.monthAccepted).toBe(total({ quick: 'thisMonth', states: ACCEPTED_STATES }));
      expect(d.tiles.monthClosed).toBe(total({ quick: 'thisMonth', states: ['closed'] }));
      expect(d.tiles.monthResolved).toBe(total({ quick: 'thisMonth', mediationResults: ['success'] }));
      expect(d.tiles.monthOnSpot).toBe(total({ quick: 'thisMonth', onSpot: true }));
      for (const b of d.byState) expect(b.count).toBe(total({ quick: 'thisMonth', states: [b.state] }));
      for (const b of d.byCategory) expect(b.count).toBe(total({ quick: 'thisMonth', categoryCode: b.code }));
      for (const m of d.trend) {
        expect(m.registered).toBe(total({ createdFrom: m.from, createdTo: m.to }));
        expect(m.closed).toBe(total({ createdFrom: m.from, createdTo: m.to, states: ['closed'] }));
      }
    }

    const d = t.ok<DashboardSummary>('dashboard.summary', {}, s.admin);
    expect(d.month).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    // March: c5–c13 registered. Accepted: c5, c6 assigned, c9 closed, c11 handled, c12 fed back (c10
    // was refused; c7, c8, c13 wait for 甄别).
    expect(d.tiles.monthRegistered).toBe(9);
    expect(d.tiles.monthAccepted).toBe(5);
    expect(d.tiles.monthClosed).toBe(1);
    expect(d.tiles.monthResolved).toBe(1); // c9, mediated successfully
    expect(d.tiles.monthOnSpot).toBe(0);
    expect(d.rate).toBe(0.2);
    expect(formatRate(d.rate)).toBe('20.00%');
    // Awaiting the reviewer: c4 and c8 to screen, c12 to close.
    expect(d.tiles.review).toBe(3);
    const reviewList = t.ok<ListResult>('cases.list', { quick: 'review' }, s.clerk);
    expect(reviewList.rows.map((r) => r.number).sort()).toEqual([n.c12, n.c8, n.c4].sort());
    // 待我处理 differs by role: the reviewer's are the three above; the clerk's are the rest still
    // open: c2, c7, c13 to report, c5, c6 to handle, c11 to feed back.
    expect(t.ok<DashboardSummary>('dashboard.summary', {}, s.reviewer).tiles.mine).toBe(3);
    expect(t.ok<DashboardSummary>('dashboard.summary', {}, s.clerk).tiles.mine).toBe(6);
    // Overdue: c4's one day to screen ran out weeks ago; c5, a dispute handed over on 2 March, has
    // the month 人民调解 takes (22 working days) and is still within it.
    const overdue = t.ok<ListResult>('cases.list', { quick: 'overdue' }, s.admin);
    expect(overdue.rows.map((r) => r.number)).toEqual([n.c4]);
    expect(d.tiles.overdue).toBe(overdue.total);

    expect(d.byState).toEqual([
      { state: 'registered', count: 2 },
      { state: 'reported', count: 1 },
      { state: 'assigned', count: 2 },
      { state: 'handled', count: 1 },
      { state: 'fedBack', count: 1 },
      { state: 'closed', count: 1 },
      { state: 'rejected', count: 1 },
    ]);
    expect(d.byCategory).toEqual([
      { code: '01', name: '矛盾纠纷', count: 7 },
      { code: '03', name: '民生服务', count: 1 },
      { code: '06', name: '突发事件', count: 1 },
    ]);
    expect(d.trend).toHaveLength(12);
    expect(d.trend[0]).toEqual({ month: '2025-04', from: '2025-04-01', to: '2025-04-30', registered: 0, closed: 0 });
    const byMonth = Object.fromEntries(d.trend.map((m) => [m.month, [m.registered, m.closed]]));
    expect(byMonth['2025-12']).toEqual([2, 1]);
    expect(byMonth['2026-01']).toEqual([0, 0]);
    expect(byMonth['2026-02']).toEqual([2, 0]);
    expect(byMonth['2026-03']).toEqual([9, 1]);
    expect(d.trend.at(-1)).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
  });

  it("shows this year's work as the 网格化服务管理工作情况统计表's 合计 row, each number its list's total", async () => {
    const { t, s } = seed();
    // Visits and compounds this year and last year (last year's must not count).
    const places = [
      { villageId: t.villageA, villageName: '东村', gridId: t.gridA },
      { villageId: t.villageB, villageName: '西村', gridId: t.gridB },
    ];
    const common = { places, workerIds: [t.worker], seed: 5 };
    seedFieldwork(t, s.admin, { ...common, from: '2026-01-02', to: '2026-03-19', visits: 23, buildings: 5 });
    seedFieldwork(t, s.admin, {
      ...common,
      from: '2025-12-01',
      to: '2025-12-31',
      visits: 7,
      buildings: 2,
      firstNumber: 50,
    });

    const d = t.ok<DashboardSummary>('dashboard.summary', {}, s.clerk);
    expect(d.year).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-12-31', buildings: 5 });
    // 入户走访 counts visits made in person only: the seed's phone and video contacts are not 户次.
    const inPerson = t.core.deps.conn.sqlite
      .prepare(`SELECT count(*) FROM household_visits WHERE method = 'in_person' AND visited_on >= '2026-01-01'`)
      .pluck()
      .get();
    expect(d.year.visits).toBe(inPerson);
    expect(d.year.visits).toBeLessThan(23);
    // Each number is its list's total for the same year: the page's links open exactly these.
    const cases = (filter: object) =>
      t.ok<ListResult>(
        'cases.list',
        { createdFrom: '2026-01-01', createdTo: '2026-12-31', ...filter, limit: 1 },
        s.clerk,
      ).total;
    const year = { from: '2026-01-01', to: '2026-12-31', limit: 1 };
    expect(d.year.visits).toBe(t.ok<{ total: number }>('visits.list', { ...year, method: 'in_person' }, s.clerk).total);
    expect(d.year.buildings).toBe(t.ok<{ total: number }>('buildings.list', year, s.clerk).total);
    expect(d.year.accepted).toBe(cases({ states: ACCEPTED_STATES }));
    expect(d.year.accepted).toBe(5); // c5, c6, c9, c11, c12 (c3 and c10 refused)
    expect(d.year.closed).toBe(cases({ states: ['closed'] }));
    expect(d.year.closedRate).toBe(rateOf(d.year.closed, d.year.accepted));

    // And the printed form's 合计 row says the same, figure for figure.
    const r = await dispatchAny(t.core.dispatch, {
      method: 'reports.preview',
      input: { form: 'fieldwork-yearly', period: '2026' },
      session: s.clerk,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const cells = (html: string) => {
      const total = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*?合计[\s\S]*?<\/tr>/.exec(html)![0];
      return [...total.matchAll(/<td[^>]*>([^<]*)<\/td>/g)]
        .map((m) => m[1]!.trim())
        .filter((c) => c !== '' && c !== '合计');
    };
    const y = d.year;
    const remote = t.core.deps.conn.sqlite
      .prepare(`SELECT count(*) FROM household_visits WHERE method <> 'in_person' AND visited_on >= '2026-01-01'`)
      .pluck()
      .get();
    expect(cells((r.data as { html: string }).html)).toEqual([
      ...[y.buildings, y.visits, remote, y.appeals, y.disputesResolved, y.accepted, y.closed].map(String),
      formatRate(y.closedRate),
    ]);
  });

  it('refuses a list date that is not a real day, naming the field', () => {
    t = makeCaseTownship();
    const r = t.call('cases.list', { createdFrom: '2026-02-30' }, t.sessions.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('登记起始日期');
    }
  });
});
