import { afterEach, describe, expect, it } from 'vitest';
import { caseInput, makeCaseTownship } from '../helpers/cases';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

const assignTo = (workerId: string) => ({
  action: 'assign',
  payload: { assignee: { kind: 'gridWorker', id: workerId, name: '王网格' } },
});
const ASSIGN_NOW = (workerId: string) => [{ action: 'report' }, { action: 'accept' }, assignTo(workerId)];

function refusal(method: string, input: unknown, session: string) {
  const r = t!.call(method, input, session);
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return (r as { ok: false; error: { code: string; message: string; issues: { path: unknown[] }[] } }).error;
}

describe('time limits by kind and source', () => {
  it('gives a dispute about a month to handle, and a 12345 order five working days', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const dispute = t.ok('cases.create', caseInput(t.gridA, { then: ASSIGN_NOW(t.worker) }), t.sessions.clerk).case;
    expect(dispute).toMatchObject({ state: 'assigned', stepLimitDays: 22 });
    const order = t.ok(
      'cases.create',
      caseInput(t.gridA, { source: 'transfer12345', then: ASSIGN_NOW(t.worker) }),
      t.sessions.clerk,
    ).case;
    // 1–7 Oct off; 8, 9, the make-up Saturday 10, 12 and 13 Oct are the five working days.
    expect(order).toMatchObject({ stepLimitDays: 5, dueAt: '2026-10-13T15:59:59.999Z' });
  });

  it('runs a 上级交办 order to its own 办理时限, which registration requires', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const clerk = t.sessions.clerk;
    const superior = (extra: Record<string, unknown>) => caseInput(t!.gridA, { source: 'superior', ...extra });
    expect(refusal('cases.create', superior({ orderDueDate: '2026-10-20' }), clerk)).toMatchObject({
      message: '上级交办的事件须填写交办文号/工单号',
      issues: [{ path: ['orderRef'] }],
    });
    expect(refusal('cases.create', superior({ orderRef: '山综治交〔2026〕18号' }), clerk)).toMatchObject({
      message: '上级交办的事件须填写办理时限',
      issues: [{ path: ['orderDueDate'] }],
    });
    expect(
      refusal('cases.create', superior({ orderRef: '山综治交〔2026〕18号', orderDueDate: '2026-09-29' }), clerk),
    ).toMatchObject({
      message: '办理时限（2026-09-29）不能早于今天（2026-09-30）',
      issues: [{ path: ['orderDueDate'] }],
    });
    expect(
      refusal('cases.create', superior({ orderRef: 'x', orderDueDate: '2026-02-30' }), clerk).issues[0]!.path,
    ).toEqual(['orderDueDate']);
    expect(refusal('cases.create', caseInput(t.gridA, { orderRef: '山综治交〔2026〕18号' }), clerk)).toMatchObject({
      message: '只有上级交办的事件才填写交办文号/工单号',
    });
    expect(t.count('cases')).toBe(0);

    const made = t.ok(
      'cases.create',
      superior({ orderRef: '山综治交〔2026〕18号', orderDueDate: '2026-10-20', then: ASSIGN_NOW(t.worker) }),
      clerk,
    ).case;
    // The order's day's end, not the taxonomy's 22 working days; the limit shows the working days it leaves.
    expect(made).toMatchObject({
      orderRef: '山综治交〔2026〕18号',
      orderDueDate: '2026-10-20',
      dueAt: '2026-10-20T15:59:59.999Z',
      stepLimitDays: 10, // 8, 9, 10 (make-up Saturday), 12–16, 19, 20 Oct
    });
    // An approved 延期 counts on from the order's date.
    t.ok('cases.act', { id: made.id, action: 'requestExtension', payload: { days: 2, reason: '等待县局答复' } }, clerk);
    const extended = t.ok(
      'cases.act',
      { id: made.id, action: 'approveExtension', payload: { days: 2 } },
      t.sessions.reviewer,
    ).case;
    expect(extended.dueAt).toBe('2026-10-22T15:59:59.999Z');
    // Today is allowed: the order may be due by tonight.
    const today = t.ok(
      'cases.create',
      superior({ orderRef: '山综治交〔2026〕19号', orderDueDate: '2026-09-30', then: ASSIGN_NOW(t.worker) }),
      clerk,
    ).case;
    expect(today).toMatchObject({ dueAt: '2026-09-30T15:59:59.999Z', stepLimitDays: 0 });
  });

  it("bounds each 延期 by the kind's own limit, on request and on approval", () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const { clerk, reviewer } = t.sessions;
    const dispute = t.ok('cases.create', caseInput(t.gridA, { then: ASSIGN_NOW(t.worker) }), clerk).case;
    const ask = (id: string, days: number) =>
      t!.call('cases.act', { id, action: 'requestExtension', payload: { days, reason: '双方同意延长调解' } }, clerk);
    const tooLong = ask(dispute.id, 23);
    expect(tooLong).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '「矛盾纠纷」类事件每次延期不能超过 22 个工作日（人民调解延期须经双方当事人同意）',
        issues: [{ path: ['payload', 'days'] }],
      },
    });
    expect(ask(dispute.id, 22).ok).toBe(true);
    const approve = (id: string, days: number) =>
      t!.call('cases.act', { id, action: 'approveExtension', payload: { days } }, reviewer);
    expect(approve(dispute.id, 30)).toMatchObject({ ok: false, error: { issues: [{ path: ['payload', 'days'] }] } });
    const done = approve(dispute.id, 22);
    expect(done.ok).toBe(true);
    expect(t.ok('cases.get', { id: dispute.id }, clerk).case.extensionDays).toBe(22);

    // 民生服务 allows 7.
    const service = t.ok(
      'cases.create',
      caseInput(t.gridA, { categoryCode: '03', subcategoryCode: '01', then: ASSIGN_NOW(t.worker) }),
      clerk,
    ).case;
    expect(ask(service.id, 8)).toMatchObject({
      ok: false,
      error: { message: '「民生服务」类事件每次延期不能超过 7 个工作日' },
    });
    expect(ask(service.id, 7).ok).toBe(true);
  });

  it('saves source overrides and the extension bound with the taxonomy; running clocks keep theirs', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const { clerk, reviewer } = t.sessions;
    const before = t.ok('cases.create', caseInput(t.gridA, { then: ASSIGN_NOW(t.worker) }), clerk).case;
    const taxonomy = t.ok('taxonomy.list', {}, reviewer);
    taxonomy.categories[0].sourceLimits = { transfer12345: { handle: 5 }, walkIn: { handle: 10 } };
    taxonomy.categories[0].extensionMaxDays = 10;
    t.ok('taxonomy.update', taxonomy, reviewer);
    const stored = t.core.deps.conn.sqlite
      .prepare("SELECT extension_max_days, source_limits FROM case_categories WHERE code = '01' AND deleted_at IS NULL")
      .get();
    expect(stored).toEqual({
      extension_max_days: 10,
      source_limits: JSON.stringify({ transfer12345: { handle: 5 }, walkIn: { handle: 10 } }),
    });
    const walkIn = t.ok(
      'cases.create',
      caseInput(t.gridA, { source: 'walkIn', then: ASSIGN_NOW(t.worker) }),
      clerk,
    ).case;
    expect(walkIn.stepLimitDays).toBe(10);
    expect(t.ok('cases.get', { id: before.id }, clerk).case).toMatchObject({ stepLimitDays: 22, dueAt: before.dueAt });

    taxonomy.categories[0].sourceLimits = { superior: { handle: 3 } };
    const refused = refusal('taxonomy.update', taxonomy, reviewer);
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('上级交办的处置时限以交办单的办理时限为准，不能在分类表中设置');
    expect(refused.issues[0]!.path).toEqual(['categories', 0, 'sourceLimits', 'superior', 'handle']);
  });
});
