import { describe, expect, it } from 'vitest';
import {
  CASE_STATES,
  CASE_STATE_LABELS,
  LOOP_ACTIONS,
  LOOP_ACTION_LABELS,
  availableActions,
  nextState,
  requiredFields,
  type CaseState,
  type LoopAction,
  type LoopSnapshot,
} from '../../shared/cases/loop';
import { ROLES, type Role } from '../../shared/roles';

/** A payload that satisfies each action, so only state and role decide. */
const VALID: Record<LoopAction, unknown> = {
  report: {},
  receive: undefined,
  accept: { note: '情况属实' },
  merge: { duplicateOf: '140621100-2026-000007' },
  reject: { reason: '不属于综治受理范围' },
  assign: { assignee: { kind: 'gridWorker', id: 'w-1', name: '张三' } },
  progress: { note: '已上门了解情况' },
  resolve: { result: '双方达成调解协议' },
  feedback: { note: '已电话告知报告人处理结果' },
  close: {},
  sendBack: { reason: '处置不到位' },
  requestExtension: { days: 3, reason: '需等待土地确权结果' },
  approveExtension: { days: 3 },
  denyExtension: { reason: '期限内可以办结' },
  supervise: { level: 'yellow' },
  followUp: { satisfaction: 'satisfied' },
  file: { reason: '仅需登记备查' },
  escalate: { reason: '涉及跨乡镇，超出本级处置能力' },
};

/**
 * The expected loop, written out by hand and independently of the table under test:
 * for each action, the states it may start from and where it leads.
 */
const EXPECTED: Record<LoopAction, Partial<Record<CaseState, CaseState>>> = {
  report: { registered: 'reported' },
  receive: { reported: 'screening' },
  accept: { reported: 'accepted', screening: 'accepted' },
  merge: { reported: 'merged', screening: 'merged' },
  reject: { reported: 'rejected', screening: 'rejected' },
  assign: { accepted: 'assigned' },
  progress: { assigned: 'handling', handling: 'handling' },
  resolve: { assigned: 'handled', handling: 'handled' },
  feedback: { handled: 'fedBack' },
  close: { fedBack: 'closed' },
  sendBack: {
    reported: 'registered',
    screening: 'reported',
    accepted: 'screening',
    assigned: 'accepted',
    handling: 'assigned',
    handled: 'handling',
    fedBack: 'handled',
  },
  requestExtension: { assigned: 'assigned', handling: 'handling' },
  approveExtension: { assigned: 'assigned', handling: 'handling' },
  denyExtension: { assigned: 'assigned', handling: 'handling' },
  supervise: {
    registered: 'registered',
    reported: 'reported',
    screening: 'screening',
    accepted: 'accepted',
    assigned: 'assigned',
    handling: 'handling',
    handled: 'handled',
    fedBack: 'fedBack',
  },
  followUp: { closed: 'closed' },
  file: { registered: 'filed', reported: 'filed', screening: 'filed' },
  escalate: {
    registered: 'registered',
    reported: 'reported',
    screening: 'screening',
    accepted: 'accepted',
    assigned: 'assigned',
    handling: 'handling',
    handled: 'handled',
    fedBack: 'fedBack',
  },
};

/** What a 录入员 may never do; 管理员 and 审核人 may do everything. */
const CLERK_FORBIDDEN: LoopAction[] = [
  'merge',
  'reject',
  'close',
  'sendBack',
  'approveExtension',
  'denyExtension',
  'supervise',
  'file',
  'escalate',
];

const pendingFor = (action: LoopAction) => action === 'approveExtension' || action === 'denyExtension';
const snap = (state: CaseState, action: LoopAction): LoopSnapshot => ({ state, extensionPending: pendingFor(action) });

describe('the loop transition table', () => {
  it('has every state and action labelled in Chinese', () => {
    for (const s of CASE_STATES) expect(CASE_STATE_LABELS[s]).toMatch(/\p{Script=Han}/u);
    for (const a of LOOP_ACTIONS) expect(LOOP_ACTION_LABELS[a]).toMatch(/\p{Script=Han}/u);
    expect(CASE_STATES).toHaveLength(12);
    expect(LOOP_ACTIONS).toHaveLength(18);
  });

  it('allows or refuses every (state, action) pair, for every role, with the right code', () => {
    let allowed = 0;
    let conflicts = 0;
    let forbidden = 0;
    for (const role of ROLES) {
      for (const state of CASE_STATES) {
        for (const action of LOOP_ACTIONS) {
          const r = nextState(snap(state, action), action, role, VALID[action]);
          const label = `${role} ${state} ${action}`;
          if (role === 'clerk' && CLERK_FORBIDDEN.includes(action)) {
            expect(r.ok, label).toBe(false);
            if (!r.ok) expect(r.error.code, label).toBe('FORBIDDEN');
            forbidden++;
            continue;
          }
          const to = EXPECTED[action][state];
          if (to) {
            expect(r.ok, label).toBe(true);
            if (r.ok) {
              expect(r.state, label).toBe(to);
              expect(r.entry).toMatchObject({ action, from: state, to });
              expect(r.entry.text.length, label).toBeGreaterThan(1);
            }
            allowed++;
          } else {
            expect(r.ok, label).toBe(false);
            if (!r.ok) {
              expect(r.error.code, label).toBe('CONFLICT');
              expect(r.error.message).toBe(
                `当前状态「${CASE_STATE_LABELS[state]}」不能执行「${LOOP_ACTION_LABELS[action]}」`,
              );
            }
            conflicts++;
          }
        }
      }
    }
    expect(allowed + conflicts + forbidden).toBe(ROLES.length * CASE_STATES.length * LOOP_ACTIONS.length);
    expect(forbidden).toBe(CLERK_FORBIDDEN.length * CASE_STATES.length);
  });

  it("offers exactly the actions nextState accepts, as the renderer's buttons", () => {
    for (const role of ROLES) {
      for (const state of CASE_STATES) {
        for (const extensionPending of [false, true]) {
          const s = { state, extensionPending };
          const offered = availableActions(s, role);
          const accepted = LOOP_ACTIONS.filter((a) => nextState(s, a, role, VALID[a]).ok);
          expect(offered, `${role} ${state} ${extensionPending}`).toEqual(accepted);
        }
      }
    }
    expect(availableActions({ state: 'fedBack' }, 'clerk')).toEqual([]);
    expect(availableActions({ state: 'fedBack' }, 'reviewer')).toEqual(['close', 'sendBack', 'supervise', 'escalate']);
    expect(availableActions({ state: 'closed' }, 'clerk')).toEqual(['followUp']);
    for (const s of ['merged', 'rejected', 'filed'] as const)
      expect(availableActions({ state: s }, 'admin')).toEqual([]);
  });

  it('tells a 录入员 in Chinese that closing is not theirs', () => {
    const r = nextState({ state: 'fedBack' }, 'close', 'clerk');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '录入员无权执行「办结」' } });
    expect(nextState({ state: 'fedBack' }, 'close', 'reviewer').ok).toBe(true);
  });
});

describe('required fields', () => {
  it("are derived from each action's schema", () => {
    expect(requiredFields('merge')).toEqual(['duplicateOf']);
    expect(requiredFields('reject')).toEqual(['reason']);
    expect(requiredFields('assign')).toEqual(['assignee']);
    expect(requiredFields('resolve')).toEqual(['result']);
    expect(requiredFields('requestExtension')).toEqual(['days', 'reason']);
    // 满意度 or 履行情况 by the kind of case: core checks which (tests/integration/cases-loop.test.ts).
    expect(requiredFields('followUp')).toEqual([]);
    expect(requiredFields('close')).toEqual([]);
  });

  it('refuse a missing or blank field with VALIDATION and its path', () => {
    const cases: [LoopSnapshot, LoopAction, unknown, (string | number)[], string][] = [
      [{ state: 'screening' }, 'reject', {}, ['reason'], '请填写不予受理的理由'],
      [{ state: 'screening' }, 'reject', { reason: ' \u3000 ' }, ['reason'], '请填写不予受理的理由'],
      [{ state: 'reported' }, 'merge', undefined, ['duplicateOf'], '请填写重复的事件编号'],
      [{ state: 'accepted' }, 'assign', {}, ['assignee'], '请选择承办方'],
      [
        { state: 'accepted' },
        'assign',
        { assignee: { kind: 'office', name: '' } },
        ['assignee', 'name'],
        '请填写承办方名称',
      ],
      [
        { state: 'accepted' },
        'assign',
        { assignee: { kind: 'gridWorker', name: '张三' } },
        ['assignee', 'id'],
        '请选择网格员',
      ],
      [{ state: 'handling' }, 'resolve', { result: '' }, ['result'], '请填写处置结果'],
      [{ state: 'handled' }, 'feedback', {}, ['note'], '请填写反馈内容'],
      [{ state: 'handled' }, 'sendBack', {}, ['reason'], '请填写回退理由'],
      [{ state: 'handling' }, 'requestExtension', { reason: '等待鉴定' }, ['days'], '请填写延期天数'],
      [
        { state: 'handling' },
        'requestExtension',
        { days: 61, reason: '等待鉴定' },
        ['days'],
        '延期天数不能超过 60 个工作日',
      ],
      [
        { state: 'handling', extensionPending: true },
        'approveExtension',
        { days: 1.5 },
        ['days'],
        '延期天数必须是整数',
      ],
      [{ state: 'handling', extensionPending: true }, 'denyExtension', {}, ['reason'], '请填写不同意延期的理由'],
      [{ state: 'handling' }, 'supervise', { level: 'orange' }, ['level'], '请选择督办级别：普通、黄牌或红牌'],
      [
        { state: 'closed' },
        'followUp',
        { satisfaction: 'great' },
        ['satisfaction'],
        '满意度只能是 满意、基本满意 或 不满意',
      ],
      [
        { state: 'closed' },
        'followUp',
        { performance: 'done' },
        ['performance'],
        '履行情况只能是 已履行、部分履行 或 未履行',
      ],
      [{ state: 'registered' }, 'file', {}, ['reason'], '请填写备案理由'],
    ];
    for (const [s, action, payload, path, message] of cases) {
      const r = nextState(s, action, 'admin', payload);
      expect(r.ok, `${action} ${JSON.stringify(payload)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toBe(message);
        expect(r.error.issues[0]).toEqual({ path, message });
      }
    }
  });

  it('checks the role and the state before the payload', () => {
    expect(nextState({ state: 'fedBack' }, 'close', 'clerk', { note: 5 })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(nextState({ state: 'registered' }, 'reject', 'admin', {})).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('trims what it keeps', () => {
    const r = nextState({ state: 'screening' }, 'reject', 'reviewer', { reason: '  重复投诉  ' });
    expect(r.ok && r.entry.payload).toEqual({ reason: '重复投诉' });
    expect(r.ok && r.entry.text).toBe('甄别：不予受理。理由：重复投诉');
  });
});

/** Applies actions in turn as the given roles, failing loudly on any refusal. */
function walk(start: LoopSnapshot, steps: [LoopAction, Role, unknown?][]) {
  let s: LoopSnapshot = start;
  const timeline: string[] = [];
  let extensionDays = 0;
  for (const [action, role, payload] of steps) {
    const r = nextState(s, action, role, payload);
    if (!r.ok) throw new Error(`${action} as ${role} in ${s.state}: ${r.error.message}`);
    s = { state: r.state, extensionPending: r.extensionPending };
    extensionDays += r.extensionDays;
    timeline.push(`${CASE_STATE_LABELS[r.entry.from]}→${CASE_STATE_LABELS[r.entry.to]} ${r.entry.text}`);
  }
  return { snapshot: s, timeline, extensionDays };
}

describe('walking the loop', () => {
  it('goes through all seven steps, then the 回访', () => {
    const { snapshot, timeline } = walk({ state: 'registered' }, [
      ['report', 'clerk'],
      ['receive', 'reviewer'],
      ['accept', 'reviewer'],
      ['assign', 'clerk', { assignee: { kind: 'village', id: 'v-1', name: '玉井村' }, note: '请三日内处置' }],
      ['progress', 'clerk', { note: '村调委会已约谈双方' }],
      ['resolve', 'clerk', { result: '双方签订调解协议' }],
      ['feedback', 'clerk', { note: '已电话告知报告人' }],
      ['close', 'reviewer'],
      ['followUp', 'clerk', { satisfaction: 'satisfied', note: '群众认可' }],
    ]);
    expect(snapshot.state).toBe('closed');
    expect(timeline).toEqual([
      '已登记→已上报 上报综治中心',
      '已上报→甄别中 签收，开始甄别',
      '甄别中→已受理 甄别：受理',
      '已受理→已交办 交办给村（社区）「玉井村」；备注：请三日内处置',
      '已交办→处置中 处置进展：村调委会已约谈双方',
      '处置中→已处置 处置结果：双方签订调解协议',
      '已处置→已反馈 向报告人反馈：已电话告知报告人',
      '已反馈→已办结 办结',
      '已办结→已办结 回访：满意度 满意；备注：群众认可',
    ]);
  });

  it('may skip 签收 and screen straight from 已上报, and end a case at 甄别', () => {
    expect(
      walk({ state: 'registered' }, [
        ['report', 'clerk'],
        ['accept', 'clerk'],
      ]).snapshot.state,
    ).toBe('accepted');
    const merged = walk({ state: 'reported' }, [['merge', 'reviewer', { duplicateOf: '140621100-2026-000007' }]]);
    expect(merged.timeline).toEqual(['已上报→已合并 甄别：与事件 140621100-2026-000007 重复，予以合并']);
    expect(walk({ state: 'registered' }, [['file', 'reviewer', { reason: '仅备查' }]]).snapshot.state).toBe('filed');
  });

  it('sends back one step at a time, with the reason on the timeline', () => {
    const { snapshot, timeline } = walk({ state: 'fedBack' }, [
      ['sendBack', 'reviewer', { reason: '报告人表示问题仍在' }],
      ['sendBack', 'reviewer', { reason: '需重新处置' }],
      ['resolve', 'clerk', { result: '已清理堆放杂物' }],
      ['feedback', 'clerk', { note: '已上门反馈' }],
      ['close', 'reviewer'],
    ]);
    expect(snapshot.state).toBe('closed');
    expect(timeline.slice(0, 2)).toEqual([
      '已反馈→已处置 回退至「已处置」。理由：报告人表示问题仍在',
      '已处置→处置中 回退至「处置中」。理由：需重新处置',
    ]);
    // Re-assignment: the assignee returns it, the centre assigns elsewhere.
    const reassigned = walk({ state: 'assigned' }, [
      ['sendBack', 'reviewer', { reason: '不属本村管辖' }],
      ['assign', 'clerk', { assignee: { kind: 'office', name: '派出所' } }],
    ]);
    expect(reassigned.timeline[1]).toBe('已受理→已交办 交办给乡镇站所「派出所」');
    expect(nextState({ state: 'registered' }, 'sendBack', 'reviewer', { reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '当前状态「已登记」不能执行「回退」' },
    });
  });

  it('keeps 延期 on a side track: request, approve or deny, main state unchanged', () => {
    const approved = walk({ state: 'handling' }, [
      ['requestExtension', 'clerk', { days: 5, reason: '等待鉴定结论' }],
      ['approveExtension', 'reviewer', { days: 3, note: '批准 3 日' }],
    ]);
    expect(approved.snapshot).toEqual({ state: 'handling', extensionPending: false });
    expect(approved.extensionDays).toBe(3);
    expect(approved.timeline).toEqual([
      '处置中→处置中 申请延期 5 个工作日。理由：等待鉴定结论',
      '处置中→处置中 同意延期 3 个工作日；备注：批准 3 日',
    ]);

    const pending = { state: 'handling', extensionPending: true } as const;
    expect(nextState(pending, 'approveExtension', 'clerk', { days: 1 })).toMatchObject({
      error: { code: 'FORBIDDEN', message: '录入员无权执行「同意延期」' },
    });
    expect(nextState(pending, 'requestExtension', 'clerk', { days: 1, reason: '再申请' })).toMatchObject({
      error: { code: 'CONFLICT', message: '已有待审批的延期申请，请等审核人处理后再申请' },
    });
    expect(nextState({ state: 'handling' }, 'approveExtension', 'reviewer', { days: 1 })).toMatchObject({
      error: { code: 'CONFLICT', message: '当前没有待审批的延期申请' },
    });
    const denied = nextState(pending, 'denyExtension', 'reviewer', { reason: '期限内可以办结' });
    expect(denied).toMatchObject({ ok: true, state: 'handling', extensionPending: false, extensionDays: 0 });

    // A progress note keeps the request pending; leaving the step makes it moot.
    expect(nextState(pending, 'progress', 'clerk', { note: '继续协调' })).toMatchObject({ extensionPending: true });
    expect(nextState(pending, 'resolve', 'clerk', { result: '已办理' })).toMatchObject({
      state: 'handled',
      extensionPending: false,
    });
  });

  it('records 督办 at any open step without moving the case', () => {
    for (const level of ['normal', 'yellow', 'red'] as const) {
      const r = nextState({ state: 'assigned' }, 'supervise', 'reviewer', { level, note: '请加快办理' });
      expect(r).toMatchObject({ ok: true, state: 'assigned' });
    }
    const r = nextState({ state: 'handled' }, 'supervise', 'admin', { level: 'red' });
    expect(r.ok && r.entry.text).toBe('红牌督办');
  });
});
