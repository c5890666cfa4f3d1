import { afterEach, describe, expect, it } from 'vitest';
import { caseInput, makeCaseTownship } from '../helpers/cases';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

/** A 群体性事件 (突发事件 06 / 05) with its 首报. */
const emergencyInput = (gridId: string, extra: Record<string, unknown> = {}) =>
  caseInput(gridId, {
    categoryCode: '06',
    subcategoryCode: '05',
    emergency: true,
    firstReport: '玉井村约 30 名村民聚集村委会门口，现场秩序可控',
    ...extra,
  });

function refusal(method: string, input: unknown, session: string) {
  const r = t!.call(method, input, session);
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return (r as { ok: false; error: { code: string; message: string; issues: { path: unknown[] }[] } }).error;
}

const reportRows = (caseId: string) =>
  t!.core.deps.conn.sqlite
    .prepare(
      'SELECT kind, reported_at, content, reporter_name FROM case_emergency_reports WHERE case_id = ? ORDER BY reported_at',
    )
    .all(caseId);

describe('突发事件', () => {
  it('goes straight to 已受理 with its 首报, never screened, and takes 续报 then one 终报', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const { clerk, reviewer } = t.sessions;
    const made = t.ok('cases.create', emergencyInput(t.gridA), clerk);
    expect(made.case).toMatchObject({ emergency: true, state: 'accepted', stepLimitDays: 0 });
    // The screen step's clock (当日) runs to its 交办.
    expect(made.case.dueAt).toBe('2026-09-30T15:59:59.999Z');
    expect(made.events.map((e: { action: string; toState: string }) => [e.action, e.toState])).toEqual([
      ['register', 'registered'],
      ['emergency', 'accepted'],
      ['emergencyReport', 'accepted'],
    ]);
    expect(made.emergencyReports).toEqual([
      expect.objectContaining({ kind: 'first', reportedAt: '2026-09-30T02:00:00.000Z', reporterName: '陆录入' }),
    ]);
    expect(made.emergencyReportKinds).toEqual(['followUp', 'final']);
    expect(made.actions).not.toContain('accept');

    t.at('2026-09-30T11:30:00+08:00');
    const add = (kind: string, content: string, session = clerk) =>
      t!.call('cases.addEmergencyReport', { caseId: made.case.id, kind, content }, session);
    expect(add('followUp', '人员已劝散，正在了解诉求').ok).toBe(true);
    expect(
      refusal('cases.addEmergencyReport', { caseId: made.case.id, kind: 'followUp', content: ' ' }, clerk),
    ).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['content'] }] });
    t.at('2026-09-30T16:00:00+08:00');
    expect(add('final', '诉求已转乡镇民政办，事态平息', reviewer).ok).toBe(true);
    expect(
      refusal('cases.addEmergencyReport', { caseId: made.case.id, kind: 'followUp', content: '再报' }, clerk),
    ).toMatchObject({ code: 'CONFLICT', message: '已报送终报，不能再报送续报' });
    expect(
      refusal('cases.addEmergencyReport', { caseId: made.case.id, kind: 'final', content: '再报' }, clerk),
    ).toMatchObject({ code: 'CONFLICT', message: '已报送终报，不能再报送终报' });

    expect(reportRows(made.case.id)).toEqual([
      {
        kind: 'first',
        reported_at: '2026-09-30T02:00:00.000Z',
        content: '玉井村约 30 名村民聚集村委会门口，现场秩序可控',
        reporter_name: '陆录入',
      },
      {
        kind: 'followUp',
        reported_at: '2026-09-30T03:30:00.000Z',
        content: '人员已劝散，正在了解诉求',
        reporter_name: '陆录入',
      },
      {
        kind: 'final',
        reported_at: '2026-09-30T08:00:00.000Z',
        content: '诉求已转乡镇民政办，事态平息',
        reporter_name: '沈审核',
      },
    ]);
    const detail = t.ok('cases.get', { id: made.case.id }, clerk);
    expect(detail.emergencyReportKinds).toEqual([]);
    expect(
      detail.events
        .filter((e: { action: string }) => e.action === 'emergencyReport')
        .map((e: { text: string }) => e.text),
    ).toEqual([
      '突发事件首报：玉井村约 30 名村民聚集村委会门口，现场秩序可控',
      '突发事件续报：人员已劝散，正在了解诉求',
      '突发事件终报：诉求已转乡镇民政办，事态平息',
    ]);
  });

  it('requires the 首报, refuses reports on other cases, and allows the 终报 once 办结 but no 续报', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const { clerk } = t.sessions;
    expect(refusal('cases.create', emergencyInput(t.gridA, { firstReport: '' }), clerk)).toMatchObject({
      message: '突发事件须填写首报内容',
      issues: [{ path: ['firstReport'] }],
    });
    expect(refusal('cases.create', caseInput(t.gridA, { firstReport: '首报' }), clerk)).toMatchObject({
      issues: [{ path: ['firstReport'] }],
    });
    // Asking for 上报 as well would need a registered case: the whole registration is refused.
    expect(refusal('cases.create', emergencyInput(t.gridA, { then: [{ action: 'report' }] }), clerk).code).toBe(
      'CONFLICT',
    );
    expect(t.count('cases')).toBe(0);
    expect(t.count('case_emergency_reports')).toBe(0);

    const ordinary = t.ok('cases.create', caseInput(t.gridA), clerk).case;
    expect(
      refusal('cases.addEmergencyReport', { caseId: ordinary.id, kind: 'followUp', content: '续报' }, clerk),
    ).toMatchObject({ code: 'CONFLICT', message: '只有突发事件才报送首报、续报、终报' });

    // Walk an emergency to 办结 (its 交办 may follow at once).
    const assign = { action: 'assign', payload: { assignee: { kind: 'office', name: '应急办' } } };
    const c = t.ok('cases.create', emergencyInput(t.gridA, { then: [assign] }), clerk).case;
    expect(c.state).toBe('assigned');
    const act = (action: string, payload: object, session = clerk) =>
      t!.ok('cases.act', { id: c.id, action, payload }, session);
    act('resolve', { result: '已疏导' });
    act('feedback', { note: '已告知' });
    act('close', {}, t.sessions.reviewer);
    expect(
      refusal('cases.addEmergencyReport', { caseId: c.id, kind: 'followUp', content: '续报' }, clerk).message,
    ).toBe('事件已办结，请报送终报');
    expect(
      t.ok('cases.addEmergencyReport', { caseId: c.id, kind: 'final', content: '已处置完毕' }, clerk).emergencyReports,
    ).toHaveLength(2);
  });
});

describe('提级 (上报县综治中心)', () => {
  it('records the reason and the time on an open case, once, for the reviewer only', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const { clerk, reviewer } = t.sessions;
    const c = t.ok('cases.create', caseInput(t.gridA, { then: [{ action: 'report' }] }), clerk).case;
    expect(refusal('cases.act', { id: c.id, action: 'escalate', payload: { reason: '跨乡镇' } }, clerk).code).toBe(
      'FORBIDDEN',
    );
    expect(refusal('cases.act', { id: c.id, action: 'escalate', payload: {} }, reviewer)).toMatchObject({
      code: 'VALIDATION',
      message: '请填写提级理由',
      issues: [{ path: ['payload', 'reason'] }],
    });
    t.at('2026-09-30T14:00:00+08:00');
    const up = t.ok('cases.act', { id: c.id, action: 'escalate', payload: { reason: '涉及跨乡镇水利设施' } }, reviewer);
    expect(up.case).toMatchObject({ state: 'reported', escalatedAt: '2026-09-30T06:00:00.000Z' });
    expect(up.events.at(-1)).toMatchObject({
      action: 'escalate',
      fromState: 'reported',
      toState: 'reported',
      text: '提级，上报县综治中心。理由：涉及跨乡镇水利设施',
    });
    expect(up.actions).not.toContain('escalate');
    expect(refusal('cases.act', { id: c.id, action: 'escalate', payload: { reason: '再次' } }, reviewer).message).toBe(
      '该事件已提级上报县综治中心，请等待县级答复',
    );
    const row = t.core.deps.conn.sqlite.prepare('SELECT escalated_at FROM cases WHERE id = ?').get(c.id);
    expect(row).toEqual({ escalated_at: '2026-09-30T06:00:00.000Z' });
  });

  it('no longer takes 交办 to a county body; an old case so assigned still reads', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const { clerk } = t.sessions;
    const c = t.ok('cases.create', caseInput(t.gridA, { then: [{ action: 'report' }, { action: 'accept' }] }), clerk);
    const county = { action: 'assign', payload: { assignee: { kind: 'county', name: '县司法局' } } };
    expect(refusal('cases.act', { id: c.case.id, ...county }, clerk)).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['payload', 'assignee', 'kind'] }],
    });
    t.core.deps.conn.sqlite
      .prepare(
        "UPDATE cases SET state = 'assigned', assignee_kind = 'county', assignee_label = '县级部门：县司法局' WHERE id = ?",
      )
      .run(c.case.id);
    expect(t.ok('cases.get', { id: c.case.id }, clerk).case).toMatchObject({ assigneeKind: 'county' });
  });
});
