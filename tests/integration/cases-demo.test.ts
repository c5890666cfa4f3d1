import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../main/core/cases/demo';
import { listQueries } from '../../main/core/cases/list';
import { caseListInputSchema } from '../../shared/api/cases';
import { checkIdNumber } from '../../shared/people/id-number';
import { FINAL_STATES, STEP_CLOCK, type CaseState } from '../../shared/cases/loop';
import { makeCaseTownship } from '../helpers/cases';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

const NOW = '2026-09-30T10:00:00+08:00';

function seeded(count: number, seed = 7) {
  t = makeCaseTownship(NOW);
  const result = seedDemoCases(t.core.deps, { count, seed, years: 2, now: new Date(NOW).toISOString() });
  return { t, result, sqlite: t.core.deps.conn.sqlite };
}

type CaseRow = {
  id: string;
  state: CaseState;
  awaiting: string | null;
  due_at: string | null;
  closed_at: string | null;
};
type EventRow = { case_id: string; action: string; from_state: string | null; to_state: string; created_at: string };

describe('demo cases', () => {
  it('seeds 2,000 cases whose state, clock and timeline agree, mostly closed', () => {
    const { result, sqlite } = seeded(2000);
    expect(result.count).toBe(2000);
    expect(sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(2000);
    const cases = sqlite.prepare('SELECT id, state, awaiting, due_at, closed_at FROM cases').all() as CaseRow[];
    const events = sqlite
      .prepare(
        'SELECT case_id, action, from_state, to_state, created_at FROM case_events ORDER BY case_id, created_at, id',
      )
      .all() as EventRow[];
    expect(events).toHaveLength(result.events);
    const byCase = new Map<string, EventRow[]>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    for (const c of cases) {
      const timeline = byCase.get(c.id)!;
      expect(timeline[0]).toMatchObject({ action: 'register', from_state: null, to_state: 'registered' });
      for (let i = 1; i < timeline.length; i++) {
        expect(timeline[i]!.from_state, `${c.id} #${i}`).toBe(timeline[i - 1]!.to_state);
        expect(timeline[i]!.created_at >= timeline[i - 1]!.created_at).toBe(true);
      }
      expect(timeline.at(-1)!.to_state).toBe(c.state);
      const final = FINAL_STATES.includes(c.state);
      expect(c.closed_at !== null, c.state).toBe(final);
      expect(c.awaiting === null, c.state).toBe(final);
      expect(c.due_at !== null, c.state).toBe(STEP_CLOCK[c.state] !== null);
    }
    // Every path the figures count occurs: 调解成功/不成/终止, 重大, 上级交办 with its deadline, 突发 reports.
    const one = (q: string) => sqlite.prepare(q).pluck().get() as number;
    for (const r of ['success', 'failure', 'terminated'])
      expect(one(`SELECT count(*) FROM cases WHERE mediation_result = '${r}'`), r).toBeGreaterThan(0);
    expect(one('SELECT count(*) FROM cases WHERE major_dispute = 1 AND dispute = 1')).toBeGreaterThan(0);
    expect(one('SELECT count(*) FROM cases WHERE major_dispute = 1 AND dispute = 0')).toBe(0);
    expect(one("SELECT count(*) FROM cases WHERE source = 'superior' AND order_due_date IS NULL")).toBe(0);
    expect(one("SELECT count(*) FROM cases WHERE source = 'superior'")).toBeGreaterThan(0);
    expect(one('SELECT count(*) FROM cases WHERE emergency = 1')).toBeGreaterThan(0);
    // Each 突发事件 has its 首报, and a 终报 only once closed.
    expect(
      one(
        `SELECT count(*) FROM cases c WHERE emergency = 1 AND NOT EXISTS
           (SELECT 1 FROM case_emergency_reports r WHERE r.case_id = c.id AND r.kind = 'first')`,
      ),
    ).toBe(0);
    expect(
      one(
        `SELECT count(*) FROM case_emergency_reports r JOIN cases c ON c.id = r.case_id
         WHERE r.kind = 'final' AND c.state <> 'closed'`,
      ),
    ).toBe(0);
    const n = (s: CaseState) => result.byState[s] ?? 0;
    const open = cases.filter((c) => !FINAL_STATES.includes(c.state)).length;
    expect(n('closed') / 2000).toBeGreaterThan(0.9);
    expect(n('rejected') + n('merged') + n('filed')).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(0);
    expect(open / 2000).toBeLessThan(0.01); // ~99.7 % handled
    // The change log has every row, as the county would receive them; the search index has every case.
    const logged = (table: string) =>
      sqlite.prepare('SELECT count(*) FROM change_log WHERE table_name = ?').pluck().get(table);
    expect(logged('cases')).toBe(2000);
    expect(logged('case_events')).toBe(result.events);
    const withLeak = sqlite.prepare("SELECT count(*) FROM cases WHERE summary || place LIKE '%漏水%'").pluck().get();
    expect(withLeak).toBeGreaterThan(0);
    expect(t!.ok('cases.list', { q: '漏水' }, t!.sessions.clerk).total).toBe(withLeak);
    const overdue = sqlite
      .prepare('SELECT count(*) FROM cases WHERE due_at < ?')
      .pluck()
      .get(new Date(NOW).toISOString());
    expect(t!.ok('cases.list', { quick: 'overdue' }, t!.sessions.clerk).total).toBe(overdue);
    // A search page either sorts the matches or walks the sort index; both give the same page.
    const ctx = { ...t!.core.deps, db: t!.core.deps.conn.db, user: null, session: null, now: NOW, audit: {} };
    for (const input of [{ q: '漏水' }, { q: '噪音', sort: 'occurredAt' as const, dir: 'asc' as const, offset: 5 }]) {
      const f = caseListInputSchema.parse(input);
      const sorted = listQueries(ctx, f);
      const walked = listQueries(ctx, f, 0);
      expect(walked.page.all()).toEqual(sorted.page.all());
      expect(walked.count.get()).toEqual(sorted.count.get());
      const plan = (q: { toSQL(): { sql: string; params: unknown[] } }) =>
        JSON.stringify(sqlite.prepare(`EXPLAIN QUERY PLAN ${q.toSQL().sql}`).all(...q.toSQL().params));
      expect(plan(sorted.page)).toContain('TEMP B-TREE');
      expect(plan(walked.page)).not.toContain('TEMP B-TREE');
    }
    // 已超期 / 即将超期 newest first read the clock indexes and sort the few, never the whole list.
    for (const quick of ['overdue', 'dueSoon'] as const) {
      const q = listQueries(ctx, caseListInputSchema.parse({ quick })).page.toSQL();
      const detail = JSON.stringify(sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params));
      expect(detail).toMatch(/cases_(due|yellow)_idx/);
    }
    // Overdue ones carry the sweep's 督办 already, so opening the database raises nothing new.
    expect(t!.core.sweepOverdue()).toBe(0);
  });

  it('gives each dispute case named parties, sealed, within its 涉及人数, shown masked by cases.get', () => {
    const { sqlite } = seeded(600);
    const disputes = sqlite.prepare('SELECT id, people_involved AS people FROM cases WHERE dispute = 1').all() as {
      id: string;
      people: number;
    }[];
    expect(disputes.length).toBeGreaterThan(100);
    const named = new Map(
      (
        sqlite.prepare('SELECT case_id AS id, count(*) AS n FROM case_parties GROUP BY case_id').all() as {
          id: string;
          n: number;
        }[]
      ).map((r) => [r.id, r.n]),
    );
    expect(
      sqlite
        .prepare('SELECT count(*) FROM case_parties p JOIN cases c ON c.id = p.case_id WHERE c.dispute = 0')
        .pluck()
        .get(),
    ).toBe(0);
    for (const d of disputes) {
      expect(named.get(d.id)).toBeGreaterThanOrEqual(2);
      expect(d.people).toBeGreaterThanOrEqual(named.get(d.id)!);
    }
    const sealed = sqlite
      .prepare("SELECT count(*) FROM case_parties WHERE id_number_enc NOT LIKE 'v1:%'")
      .pluck()
      .get();
    expect(sealed).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM change_log WHERE table_name = 'case_parties'").pluck().get()).toBe(
      [...named.values()].reduce((a, b) => a + b, 0),
    );
    // Valid numbers (the service's own check passes on reveal) and the role order 申请人, 被申请人.
    const detail = t!.ok('cases.get', { id: disputes[0]!.id }, t!.sessions.reviewer);
    expect(detail.parties.slice(0, 2).map((p: { role: string }) => p.role)).toEqual(['applicant', 'respondent']);
    expect(detail.parties[0].idNumberMasked).toMatch(/^\d{6}\*{12}$/);
    const revealed = t!.ok('cases.revealParty', { id: detail.parties[0].id }, t!.sessions.reviewer);
    expect(checkIdNumber(revealed.idNumber, '2026-09-30')).toMatchObject({
      ok: true,
      value: { sex: detail.parties[0].sex },
    });
  });

  it('gives every case a 发现人 (the grid worker, else the caller) and settles some on the spot in one step', () => {
    t = makeCaseTownship(NOW);
    t.ok(
      'posts.add',
      { personId: t.worker, type: 'worker', gridId: t.gridA, employment: 'full_time', startDate: '2024-01-01' },
      t.sessions.clerk,
    );
    seedDemoCases(t.core.deps, { count: 1000, seed: 5, years: 1, now: new Date(NOW).toISOString() });
    const sqlite = t.core.deps.conn.sqlite;
    const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
    // Patrol and visit finds in the grid with a 网格员 name him; callers and visitors are 群众.
    expect(
      all<{ n: number }>(
        `SELECT count(*) AS n FROM cases WHERE source IN ('patrol', 'visit') AND grid_id = '${t.gridA}'
         AND (discoverer_kind IS NOT 'team' OR discoverer_id IS NOT '${t.worker}' OR discoverer_name IS NOT '王网格')`,
      )[0]!.n,
    ).toBe(0);
    expect(
      all<{ n: number }>(
        `SELECT count(*) AS n FROM cases WHERE source IN ('hotline', 'walkIn', 'transfer12345')
         AND (discoverer_kind IS NOT 'public' OR discoverer_name IS NOT reporter_name)`,
      )[0]!.n,
    ).toBe(0);
    const onSpot = all<{ id: string; state: string; source: string; grid_id: string; due_at: string | null }>(
      'SELECT id, state, source, grid_id, due_at FROM cases WHERE on_spot = 1',
    );
    expect(onSpot.length).toBeGreaterThan(20);
    for (const c of onSpot) {
      expect(c).toMatchObject({ state: 'closed', grid_id: t.gridA, due_at: null });
      expect(['patrol', 'visit']).toContain(c.source);
      const events = all<{ action: string }>(`SELECT action FROM case_events WHERE case_id = '${c.id}'`);
      expect(events.map((e) => e.action)).toEqual(['onSpot']);
    }
  });

  it('is deterministic by seed, and numbers follow any case already issued', () => {
    const first = seeded(300, 42);
    const rows = (sqlite: typeof first.sqlite) =>
      sqlite.prepare('SELECT id, number, summary, place, state, created_at FROM cases ORDER BY number').all();
    const a = rows(first.sqlite);
    first.t.core.close();
    const second = seeded(300, 42);
    expect(rows(second.sqlite)).toEqual(a);
    const more = seedDemoCases(second.t.core.deps, { count: 10, seed: 43, years: 1, now: new Date(NOW).toISOString() });
    expect(more.count).toBe(10);
    expect(second.sqlite.prepare('SELECT count(DISTINCT number) FROM cases').pluck().get()).toBe(310);
    const created = second.t.ok('cases.create', { ...caseLike(second.t.gridA) }, second.t.sessions.clerk).case;
    expect(second.sqlite.prepare('SELECT count(*) FROM cases WHERE number = ?').pluck().get(created.number)).toBe(1);
  });

  it('leaves cases that cases.get shows and cases.act moves on', () => {
    const { sqlite } = seeded(2000);
    const s = t!.sessions;
    const closed = sqlite.prepare("SELECT id FROM cases WHERE state = 'closed' LIMIT 1").pluck().get() as string;
    const detail = t!.ok('cases.get', { id: closed }, s.reviewer);
    expect(detail.case.state).toBe('closed');
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['register', 'report', 'accept', 'assign', 'resolve', 'feedback', 'close']),
    );
    const NEXT: Partial<Record<CaseState, { action: string; payload: object }>> = {
      registered: { action: 'report', payload: {} },
      reported: { action: 'accept', payload: {} },
      screening: { action: 'accept', payload: {} },
      accepted: { action: 'assign', payload: { assignee: { kind: 'office', name: '派出所' } } },
      assigned: { action: 'resolve', payload: { result: '已处理' } },
      handling: { action: 'resolve', payload: { result: '已处理' } },
      handled: { action: 'feedback', payload: { note: '已告知' } },
      fedBack: { action: 'close', payload: {} },
    };
    const open = sqlite
      .prepare(`SELECT id, state FROM cases WHERE state NOT IN ('closed','merged','rejected','filed')`)
      .all() as { id: string; state: CaseState }[];
    expect(open.length).toBeGreaterThan(0);
    for (const c of open) {
      const step = NEXT[c.state]!;
      const before = t!.ok('cases.get', { id: c.id }, s.reviewer);
      expect(before.actions).toContain(step.action);
      const after = t!.ok('cases.act', { id: c.id, ...step }, s.reviewer);
      expect(after.events).toHaveLength(before.events.length + 1);
      expect(after.events.at(-1).action).toBe(step.action);
    }
  });
});

function caseLike(gridId: string) {
  return {
    source: 'patrol',
    categoryCode: '03',
    subcategoryCode: '07',
    gridId,
    place: '玉井村一组',
    occurredAt: '2026-09-30T08:00:00+08:00',
    summary: '自来水管道漏水',
    discoverer: { kind: 'public', name: '李群众' },
  };
}
