import { afterEach, describe, expect, it } from 'vitest';
import { caseInput, makeCaseTownship, mediationInput } from '../helpers/cases';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

const sqlite = () => t!.core.deps.conn.sqlite;
const caseRow = (id: string) => sqlite().prepare('SELECT * FROM cases WHERE id = ?').get(id) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const events = (id: string) =>
  sqlite()
    .prepare(
      'SELECT action, from_state, to_state, actor_name FROM case_events WHERE case_id = ? ORDER BY created_at, id',
    )
    .all(id) as { action: string; from_state: string | null; to_state: string; actor_name: string }[];

describe('the seven-step loop', () => {
  it('walks one case through all seven steps by the right roles, with 回退 and 延期', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const act = (session: string, id: string, action: string, payload: object = {}) =>
      t!.ok('cases.act', { id, action, payload }, session);

    const created = t.ok('cases.create', caseInput(t.gridA), s.clerk);
    const id = created.case.id as string;
    expect(created.case).toMatchObject({ number: '140621100-2026-000001', state: 'registered', light: null });
    expect(created.case.contactMasked).toBe('138****8000');
    expect(created.actions).toEqual(['report']);

    act(s.clerk, id, 'report'); // 上报
    act(s.reviewer, id, 'receive'); // 甄别: 签收
    act(s.reviewer, id, 'accept', { note: '属实' }); // 甄别: 受理
    const assigned = act(s.clerk, id, 'assign', {
      assignee: { kind: 'gridWorker', id: t.worker, name: '王网格' },
    }); // 交办
    expect(assigned.case).toMatchObject({ state: 'assigned', assigneeId: t.worker, stepLimitDays: 22 });
    // Assigned Wed 30 Sep 2026: a dispute's 22 working days after it, across 国庆 (1–7 Oct, make-up Sat 10).
    expect(assigned.case.dueAt).toBe('2026-11-05T15:59:59.999Z');

    act(s.clerk, id, 'progress', { note: '已到现场了解情况' }); // 处置
    act(s.clerk, id, 'requestExtension', { days: 2, reason: '双方需等待村委会协调' });
    expect(caseRow(id)).toMatchObject({ extension_pending: 1, awaiting: 'reviewer' });
    const extended = act(s.reviewer, id, 'approveExtension', { days: 2 });
    // Two more working days after Thu 5 Nov: Fri 6, Mon 9.
    expect(extended.case).toMatchObject({
      dueAt: '2026-11-09T15:59:59.999Z',
      extensionDays: 2,
      extensionPending: false,
    });

    act(s.clerk, id, 'resolve', { result: '双方达成排水改道协议' });
    act(s.clerk, id, 'feedback', { note: '已电话告知李群众' }); // 反馈
    act(s.reviewer, id, 'sendBack', { reason: '反馈未留存书面记录' }); // 回退
    expect(caseRow(id).state).toBe('handled');
    act(s.clerk, id, 'feedback', { note: '补充书面回执' });

    // 录入员 cannot close: FORBIDDEN, nothing written.
    const before = { row: caseRow(id), events: events(id).length, audit: t.count('audit_log') };
    const refused = t.call('cases.act', { id, action: 'close', payload: {} }, s.clerk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '录入员无权执行「办结」' } });
    expect(caseRow(id)).toEqual(before.row);
    expect(events(id)).toHaveLength(before.events);
    expect(t.count('audit_log')).toBe(before.audit);

    // A dispute is not closed without its mediation result (化解数 counts 调解成功).
    const unmediated = t.call('cases.act', { id, action: 'close', payload: {} }, s.reviewer);
    expect(unmediated).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '矛盾纠纷须先登记调解结果（调解成功、调解不成或终止调解），才能办结' },
    });
    expect(caseRow(id).state).toBe('fedBack');
    t.ok('cases.setMediation', mediationInput(id), s.clerk);
    const closed = act(s.reviewer, id, 'close'); // 办结
    expect(closed.case).toMatchObject({ state: 'closed', dueAt: null, light: null });
    expect(closed.case.closedAt).toBe(closed.case.updatedAt);
    // A dispute's 回访 asks whether the agreement was carried out, not how satisfied anyone is.
    expect(
      t.call('cases.act', { id, action: 'followUp', payload: { satisfaction: 'satisfied' } }, s.clerk),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请选择协议履行情况' } });
    act(s.clerk, id, 'followUp', { performance: 'fulfilled' }); // 回访
    // The case keeps its timeline's facts, as the 事件台账 prints them.
    expect(caseRow(id)).toMatchObject({
      resolution: '双方达成排水改道协议',
      follow_up_performance: 'fulfilled',
      follow_up_satisfaction: null,
      mediation_result: 'success',
      supervision_count: 0,
    });

    // An illegal transition is CONFLICT and writes nothing.
    const snapshot = caseRow(id);
    const illegal = t.call(
      'cases.act',
      { id, action: 'assign', payload: { assignee: { kind: 'office', name: '派出所' } } },
      s.reviewer,
    );
    expect(illegal).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '当前状态「已办结」不能执行「交办」' },
    });
    expect(caseRow(id)).toEqual(snapshot);

    expect(events(id).map((e) => [e.action, e.from_state, e.to_state, e.actor_name])).toEqual([
      ['register', null, 'registered', '陆录入'],
      ['report', 'registered', 'reported', '陆录入'],
      ['receive', 'reported', 'screening', '沈审核'],
      ['accept', 'screening', 'accepted', '沈审核'],
      ['assign', 'accepted', 'assigned', '陆录入'],
      ['progress', 'assigned', 'handling', '陆录入'],
      ['requestExtension', 'handling', 'handling', '陆录入'],
      ['approveExtension', 'handling', 'handling', '沈审核'],
      ['resolve', 'handling', 'handled', '陆录入'],
      ['feedback', 'handled', 'fedBack', '陆录入'],
      ['sendBack', 'fedBack', 'handled', '沈审核'],
      ['feedback', 'handled', 'fedBack', '陆录入'],
      ['mediation', 'fedBack', 'fedBack', '陆录入'],
      ['close', 'fedBack', 'closed', '沈审核'],
      ['followUp', 'closed', 'closed', '陆录入'],
    ]);
    const detail = t.ok('cases.get', { id }, s.clerk);
    expect(detail.events).toHaveLength(15);
    expect(detail.events[10].text).toBe('回退至「已处置」。理由：反馈未留存书面记录');
  });

  it('names the payload field a refusal is about, and checks what the payload points to', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const id = t.ok('cases.create', caseInput(t.gridA, { then: [{ action: 'report' }, { action: 'accept' }] }), s.clerk)
      .case.id;
    const missing = t.call(
      'cases.act',
      { id, action: 'assign', payload: { assignee: { kind: 'gridWorker', name: '王' } } },
      s.clerk,
    );
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['payload', 'assignee', 'id'], message: '请选择网格员' }] },
    });
    const ghost = t.call(
      'cases.act',
      { id, action: 'assign', payload: { assignee: { kind: 'village', id: t.worker, name: '玉井村' } } },
      s.clerk,
    );
    expect(ghost).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '所选村（社区）不存在或已删除' } });
    const merge = t.call(
      'cases.act',
      { id, action: 'merge', payload: { duplicateOf: '140621100-2026-000099' } },
      s.reviewer,
    );
    expect(merge).toMatchObject({ ok: false, error: { code: 'CONFLICT' } }); // already accepted: too late to merge
    expect(events(id)).toHaveLength(3);
  });

  it('merges a duplicate into the earlier case and rejects an invalid one', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const first = t.ok('cases.create', caseInput(t.gridA), s.clerk).case;
    const dup = t.ok('cases.create', caseInput(t.gridA, { then: [{ action: 'report' }] }), s.clerk).case;
    const merged = t.ok(
      'cases.act',
      { id: dup.id, action: 'merge', payload: { duplicateOf: first.number } },
      s.reviewer,
    );
    expect(merged.case).toMatchObject({ state: 'merged', mergedIntoId: first.id });
    const other = t.ok('cases.create', caseInput(t.gridB, { then: [{ action: 'report' }] }), s.clerk).case;
    const rejected = t.call('cases.act', { id: other.id, action: 'reject', payload: {} }, s.reviewer);
    expect(rejected).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['payload', 'reason'] }] },
    });
  });

  it('allocates numbers per year of registration (Shanghai time), never reusing one', () => {
    t = makeCaseTownship('2026-12-31T23:50:00+08:00');
    const s = t.sessions;
    const input = caseInput(t.gridA, { occurredAt: '2026-12-31T20:00:00+08:00' });
    expect(t.ok('cases.create', input, s.clerk).case.number).toBe('140621100-2026-000001');
    expect(t.ok('cases.create', input, s.clerk).case.number).toBe('140621100-2026-000002');
    t.at('2027-01-01T00:10:00+08:00'); // still 2026-12-31 in UTC
    expect(t.ok('cases.create', input, s.clerk).case.number).toBe('140621100-2027-000001');
    const counters = sqlite().prepare('SELECT year, last_seq FROM case_number_counters ORDER BY year').all();
    expect(counters).toEqual([
      { year: 2026, last_seq: 2 },
      { year: 2027, last_seq: 1 },
    ]);
    // A failed registration inside the transaction does not consume a number.
    const bad = t.call('cases.create', { ...input, then: [{ action: 'close' }] }, s.clerk);
    expect(bad).toMatchObject({ ok: false });
    expect(t.ok('cases.create', input, s.clerk).case.number).toBe('140621100-2027-000002');
  });

  it('refuses bad registrations with the field named', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const cases = [
      [{ subcategoryCode: '77' }, ['subcategoryCode'], '大类「矛盾纠纷」中没有小类 77'],
      [{ categoryCode: '88' }, ['categoryCode'], '事件大类 88 不在分类表中'],
      [{ reporterContact: '12345' }, ['reporterContact'], undefined],
      [{ occurredAt: '2026-10-30T08:00:00+08:00' }, ['occurredAt'], '发生时间不能晚于现在'],
      [{ summary: '' }, ['summary'], '请填写事件概要'],
    ] as const;
    for (const [extra, path, message] of cases) {
      const r = t.call('cases.create', caseInput(t.gridA, extra), s.clerk);
      expect(r, JSON.stringify(extra)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path }] } });
      if (message && !r.ok) expect(r.error.issues?.[0]?.message).toBe(message);
    }
    expect(t.count('cases')).toBe(0);
  });
});
