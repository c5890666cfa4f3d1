import { afterEach, describe, expect, it } from 'vitest';
import { ledgerPage } from '../../main/core/reports/figures/case-ledger';
import { parsePeriod } from '../../main/core/reports/periods';
import { caseInput, makeCaseTownship } from '../helpers/cases';

type Township = ReturnType<typeof makeCaseTownship>;
let t: Township | undefined;
afterEach(() => t?.core.close());

type Detail = {
  case: Record<string, unknown> & { id: string; number: string; state: string };
  events: { action: string; toState: string; text: string }[];
};

function onSpotInput(t: Township, extra: Record<string, unknown> = {}) {
  return {
    source: 'patrol',
    categoryCode: '03',
    subcategoryCode: '09',
    gridId: t.gridA,
    place: '玉井村文化广场',
    occurredAt: '2026-09-30T08:30:00+08:00',
    settledAt: '2026-09-30T09:15:00+08:00',
    discovererId: t.worker,
    peopleInvolved: 1,
    summary: '广场垃圾桶满溢',
    resolution: '联系保洁员当场清运',
    ...extra,
  };
}

/** The first issue of a refused call: its code, field and message. */
function refusal(r: unknown) {
  const res = r as {
    ok: boolean;
    error?: { code: string; issues?: { path: unknown[]; message: string }[] };
  };
  expect(res.ok).toBe(false);
  const issue = res.error!.issues?.[0];
  return { code: res.error!.code, message: issue?.message, path: issue?.path };
}

describe('就地化解', () => {
  it('registers the matter already closed in one step: one row, one timeline entry, no clock', () => {
    t = makeCaseTownship();
    const made = t.ok<Detail>('cases.recordOnSpot', onSpotInput(t), t.sessions.clerk);
    expect(made.case).toMatchObject({
      state: 'closed',
      onSpot: true,
      discovererKind: 'team',
      discovererId: t.worker,
      discovererName: '王网格',
      resolution: '联系保洁员当场清运',
      closedAt: '2026-09-30T01:15:00.000Z',
      dueAt: null,
      light: null,
      source: 'patrol',
    });
    expect(made.events).toHaveLength(1);
    expect(made.events[0]).toMatchObject({ action: 'onSpot', toState: 'closed' });
    expect(made.events[0]!.text).toMatch(/^就地化解：联系保洁员当场清运/);
    const sqlite = t.core.deps.conn.sqlite;
    const row = sqlite.prepare('SELECT * FROM cases WHERE id = ?').get(made.case.id) as Record<string, unknown>;
    expect(row).toMatchObject({
      on_spot: 1,
      state: 'closed',
      awaiting: null,
      step_started_at: null,
      due_at: null,
      resolution: '联系保洁员当场清运',
      discoverer_kind: 'team',
      discoverer_name: '王网格',
    });
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE method = 'cases.recordOnSpot'").pluck().get()).toBe(1);
    // The list finds it by the onSpot filter, and only it.
    t.ok('cases.create', caseInput(t.gridA), t.sessions.clerk);
    const onSpot = t.ok<{ rows: { id: string }[]; total: number }>('cases.list', { onSpot: true }, t.sessions.clerk);
    expect(onSpot.rows.map((r) => r.id)).toEqual([made.case.id]);
    expect(t.ok('cases.list', { onSpot: false }, t.sessions.clerk).total).toBe(1);
  });

  it('records a dispute settled on the spot as mediated at the village, successfully', () => {
    t = makeCaseTownship();
    const made = t.ok<Detail>(
      'cases.recordOnSpot',
      onSpotInput(t, {
        categoryCode: '01',
        subcategoryCode: '02',
        peopleInvolved: 2,
        resolution: '现场调解，双方和解',
      }),
      t.sessions.clerk,
    );
    expect(made.case).toMatchObject({
      state: 'closed',
      dispute: true,
      mediationResult: 'success',
      mediationLevel: 'village',
      mediationResponsible: '王网格',
    });
  });

  it('refuses 突发事件, the hotline and 上级交办, a missing 发现人 and a settled time before the matter; writes nothing', () => {
    t = makeCaseTownship();
    const c = t.sessions.clerk;
    const before = t.count('cases');
    const events = t.count('case_events');
    expect(
      refusal(t.call('cases.recordOnSpot', onSpotInput(t, { categoryCode: '06', subcategoryCode: '01' }), c)),
    ).toMatchObject({
      path: ['categoryCode'],
      message: '突发事件须立即上报，不能登记为就地化解',
    });
    expect(refusal(t.call('cases.recordOnSpot', onSpotInput(t, { source: 'superior' }), c)).path).toEqual(['source']);
    expect(refusal(t.call('cases.recordOnSpot', onSpotInput(t, { source: 'hotline' }), c)).path).toEqual(['source']);
    expect(refusal(t.call('cases.recordOnSpot', onSpotInput(t, { discovererId: undefined }), c))).toMatchObject({
      path: ['discovererId'],
      message: '请选择发现人',
    });
    expect(
      refusal(
        t.call('cases.recordOnSpot', onSpotInput(t, { discovererId: '01890000-0000-7000-8000-000000000000' }), c),
      ),
    ).toMatchObject({ path: ['discovererId'], message: '所选发现人不存在或已删除' });
    expect(
      refusal(t.call('cases.recordOnSpot', onSpotInput(t, { settledAt: '2026-09-30T08:00:00+08:00' }), c)),
    ).toMatchObject({ path: ['settledAt'], message: '化解时间不能早于发生时间' });
    expect(refusal(t.call('cases.recordOnSpot', onSpotInput(t, { resolution: ' ' }), c))).toMatchObject({
      path: ['resolution'],
      message: '请填写处置结果',
    });
    // The reviewer does not register: 录入员 and 管理员 do.
    expect(refusal(t.call('cases.recordOnSpot', onSpotInput(t), t.sessions.reviewer)).code).toBe('FORBIDDEN');
    expect(t.count('cases')).toBe(before);
    expect(t.count('case_events')).toBe(events);
  });

  it('leaves no case and no number used when the timeline write fails (one transaction)', () => {
    t = makeCaseTownship();
    const sqlite = t.core.deps.conn.sqlite;
    sqlite.exec(`CREATE TRIGGER fail_onspot BEFORE INSERT ON case_events WHEN NEW.action = 'onSpot'
      BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    expect(t.call('cases.recordOnSpot', onSpotInput(t), t.sessions.clerk).ok).toBe(false);
    expect(t.count('cases')).toBe(0);
    sqlite.exec('DROP TRIGGER fail_onspot');
    const made = t.ok<Detail>('cases.recordOnSpot', onSpotInput(t), t.sessions.clerk);
    expect(made.case.number).toMatch(/-000001$/);
  });
});

describe('发现人', () => {
  it('takes a team member or a named 群众, and the hotline caller when none is given', () => {
    t = makeCaseTownship();
    const c = t.sessions.clerk;
    const team = t.ok<Detail>(
      'cases.create',
      caseInput(t.gridA, {
        source: 'patrol',
        reporterName: null,
        reporterContact: null,
        discoverer: { kind: 'team', personId: t.worker },
      }),
      c,
    );
    expect(team.case).toMatchObject({ discovererKind: 'team', discovererId: t.worker, discovererName: '王网格' });
    const caller = t.ok<Detail>('cases.create', caseInput(t.gridA), c);
    expect(caller.case).toMatchObject({ discovererKind: 'public', discovererId: null, discovererName: '李群众' });
    const named = t.ok<Detail>(
      'cases.create',
      caseInput(t.gridA, { source: 'walkIn', discoverer: { kind: 'public', name: '赵大爷' } }),
      c,
    );
    expect(named.case).toMatchObject({ discovererKind: 'public', discovererName: '赵大爷' });
    const anonymous = t.ok<Detail>('cases.create', caseInput(t.gridA, { reporterName: null }), c);
    expect(anonymous.case).toMatchObject({ discovererKind: 'public', discovererName: '匿名来电人' });
    // A county order may have no 发现人 here.
    const order = t.ok<Detail>(
      'cases.create',
      caseInput(t.gridA, {
        source: 'superior',
        reporterName: null,
        reporterContact: null,
        orderRef: '县综治办〔2026〕12号',
        orderDueDate: '2026-10-30',
      }),
      c,
    );
    expect(order.case.discovererKind).toBeNull();
  });

  it('refuses a missing, unknown or unnamed 发现人', () => {
    t = makeCaseTownship();
    const c = t.sessions.clerk;
    const patrol = { source: 'patrol', reporterName: null, reporterContact: null };
    expect(refusal(t.call('cases.create', caseInput(t.gridA, patrol), c))).toMatchObject({
      path: ['discoverer'],
      message: '请选择发现人：网格力量请选择人员，群众请填写姓名',
    });
    // Removed from the register (no API removes a person yet: the roster import retires them so).
    t.core.deps.conn.sqlite.prepare('UPDATE persons SET deleted_at = updated_at WHERE id = ?').run(t.worker);
    expect(
      refusal(
        t.call('cases.create', caseInput(t.gridA, { ...patrol, discoverer: { kind: 'team', personId: t.worker } }), c),
      ),
    ).toMatchObject({ path: ['discoverer', 'personId'], message: '所选发现人不存在或已删除' });
    expect(
      refusal(t.call('cases.create', caseInput(t.gridA, { ...patrol, discoverer: { kind: 'public', name: '' } }), c)),
    ).toMatchObject({ path: ['discoverer', 'name'], message: '请填写发现人姓名' });
    expect(t.count('cases')).toBe(0);
  });

  it('prints the 发现人 in the 事件台账: a team member by name, 群众 marked, empty on older cases', () => {
    t = makeCaseTownship();
    const c = t.sessions.clerk;
    const team = t.ok<Detail>('cases.recordOnSpot', onSpotInput(t), c).case.number;
    const caller = t.ok<Detail>('cases.create', caseInput(t.gridA), c).case.number;
    const old = t.ok<Detail>('cases.create', caseInput(t.gridA), c).case;
    // Registered before the 发现人 was asked.
    t.core.deps.conn.sqlite
      .prepare('UPDATE cases SET discoverer_kind = NULL, discoverer_name = NULL WHERE id = ?')
      .run(old.id);
    const { conn, pii } = t.core.deps;
    const source = { conn, db: conn.db, pii, now: new Date(t.clock.now()).toISOString() };
    const rows = ledgerPage(source, { period: parsePeriod('2026-09'), villageId: null, reveal: false }, 10);
    const by = new Map(rows.map((r) => [r.number, r]));
    expect(by.get(team)).toMatchObject({ discoverer: '王网格', state: '已办结', result: '联系保洁员当场清运' });
    expect(by.get(caller)?.discoverer).toBe('李群众（群众）');
    expect(by.get(old.number)?.discoverer).toBe('');
  });
});
