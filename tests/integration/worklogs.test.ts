import { afterEach, describe, expect, it } from 'vitest';
import { makeCaseTownship } from '../helpers/cases';

type Township = ReturnType<typeof makeCaseTownship>;
let t: Township | undefined;
afterEach(() => t?.core.close());

type WorkLog = Record<string, unknown> & { id: string; kind: string; workedOn: string };
type Page = { rows: WorkLog[]; total: number };

function logInput(t: Township, extra: Record<string, unknown> = {}) {
  return {
    workedOn: '2026-09-28',
    gridId: t.gridA,
    workerId: t.worker,
    kind: 'publicity',
    content: '在村文化广场开展反诈宣传，发放宣传册',
    peopleReached: 40,
    ...extra,
  };
}

function refusal(r: unknown) {
  const res = r as { ok: boolean; error?: { code: string; issues?: { path: unknown[]; message: string }[] } };
  expect(res.ok).toBe(false);
  return { code: res.error!.code, ...res.error!.issues?.[0] };
}

describe('工作日志', () => {
  it('creates, edits and tombstones an entry; every write audited; the village is the grid’s', () => {
    t = makeCaseTownship();
    const c = t.sessions.clerk;
    const made = t.ok<WorkLog>('worklogs.create', logInput(t), c);
    expect(made).toMatchObject({
      workedOn: '2026-09-28',
      villageId: t.villageA,
      gridId: t.gridA,
      gridName: '第一网格',
      workerId: t.worker,
      workerName: '王网格',
      kind: 'publicity',
      peopleReached: 40,
    });
    const edited = t.ok<WorkLog>(
      'worklogs.update',
      { id: made.id, ...logInput(t, { gridId: t.gridB, kind: 'disputeScreening', peopleReached: 12 }) },
      c,
    );
    expect(edited).toMatchObject({ villageId: t.villageB, kind: 'disputeScreening', peopleReached: 12 });
    expect(t.ok<WorkLog>('worklogs.get', { id: made.id }, t.sessions.reviewer).kind).toBe('disputeScreening');
    t.ok('worklogs.delete', { id: made.id }, c);
    const sqlite = t.core.deps.conn.sqlite;
    const row = sqlite.prepare('SELECT deleted_at, kind FROM work_logs WHERE id = ?').get(made.id) as {
      deleted_at: string | null;
    };
    expect(row.deleted_at).not.toBeNull();
    expect(t.ok<Page>('worklogs.list', {}, c).total).toBe(0);
    expect(refusal(t.call('worklogs.get', { id: made.id }, c)).code).toBe('NOT_FOUND');
    expect(
      sqlite.prepare("SELECT method, record_id FROM audit_log WHERE method LIKE 'worklogs.%' ORDER BY seq").all(),
    ).toEqual([
      { method: 'worklogs.create', record_id: made.id },
      { method: 'worklogs.update', record_id: made.id },
      { method: 'worklogs.delete', record_id: made.id },
    ]);
  });

  it('lists newest day first with filters by date range, village, grid and kind, and counts per kind', () => {
    t = makeCaseTownship();
    const c = t.sessions.clerk;
    const add = (extra: Record<string, unknown>) => t!.ok<WorkLog>('worklogs.create', logInput(t!, extra), c);
    add({ workedOn: '2026-09-01', kind: 'publicity', peopleReached: 30 });
    add({ workedOn: '2026-09-10', kind: 'opinion', peopleReached: 5 });
    add({ workedOn: '2026-09-20', kind: 'disputeScreening', gridId: t.gridB, peopleReached: 0 });
    add({ workedOn: '2026-09-29', kind: 'service', gridId: t.gridB, peopleReached: 3 });
    const days = (input: object) => t!.ok<Page>('worklogs.list', input, c).rows.map((r) => r.workedOn);
    expect(days({})).toEqual(['2026-09-29', '2026-09-20', '2026-09-10', '2026-09-01']);
    expect(days({ from: '2026-09-10', to: '2026-09-20' })).toEqual(['2026-09-20', '2026-09-10']);
    expect(days({ villageId: t.villageB })).toEqual(['2026-09-29', '2026-09-20']);
    expect(days({ gridId: t.gridA })).toEqual(['2026-09-10', '2026-09-01']);
    expect(days({ kind: 'disputeScreening' })).toEqual(['2026-09-20']);
    const page = t.ok<Page>('worklogs.list', { offset: 1, limit: 2 }, c);
    expect(page.rows.map((r) => r.workedOn)).toEqual(['2026-09-20', '2026-09-10']);
    expect(page.total).toBe(4);
    const counts = t.ok('worklogs.counts', { from: '2026-09-05' }, c);
    expect(counts).toEqual({
      total: 3,
      byKind: {
        publicity: { entries: 0, peopleReached: 0 },
        opinion: { entries: 1, peopleReached: 5 },
        disputeScreening: { entries: 1, peopleReached: 0 },
        service: { entries: 1, peopleReached: 3 },
      },
    });
  });

  it('survives a restart (it is in the database)', async () => {
    t = makeCaseTownship();
    const made = t.ok<WorkLog>('worklogs.create', logInput(t), t.sessions.clerk);
    const dataDir = t.dataDir;
    t.core.close();
    const { makeCore } = await import('../helpers/core');
    const again = makeCore({ dataDir, clock: t.clock });
    t = { ...t, core: again.core };
    const session = again.login('lu');
    expect(again.ok<Page>('worklogs.list', {}, session).rows.map((r) => r.id)).toEqual([made.id]);
  });

  it('refuses bad input naming the field, and the 审核人 may read but not write', () => {
    t = makeCaseTownship();
    const c = t.sessions.clerk;
    expect(refusal(t.call('worklogs.create', logInput(t, { kind: 'patrol' }), c))).toMatchObject({
      path: ['kind'],
      message: '请选择工作类型（政策宣传、社情民意、矛盾纠纷集中排查或便民服务）',
    });
    expect(refusal(t.call('worklogs.create', logInput(t, { content: '  ' }), c))).toMatchObject({
      path: ['content'],
      message: '请填写工作内容',
    });
    expect(refusal(t.call('worklogs.create', logInput(t, { workedOn: '2026-10-02' }), c))).toMatchObject({
      path: ['workedOn'],
      message: '工作日期不能晚于今天',
    });
    expect(refusal(t.call('worklogs.create', logInput(t, { workedOn: '2026-02-30' }), c))).toMatchObject({
      path: ['workedOn'],
      message: '工作日期不是真实的日期',
    });
    expect(refusal(t.call('worklogs.create', logInput(t, { peopleReached: -1 }), c))).toMatchObject({
      path: ['peopleReached'],
      message: '覆盖人数不能为负数',
    });
    expect(refusal(t.call('worklogs.create', logInput(t, { workerId: undefined }), c))).toMatchObject({
      path: ['workerId'],
      message: '请选择记录人',
    });
    expect(
      refusal(t.call('worklogs.create', logInput(t, { workerId: '01890000-0000-7000-8000-000000000000' }), c)),
    ).toMatchObject({ path: ['workerId'], message: '所选记录人不存在或已删除' });
    expect(
      refusal(t.call('worklogs.create', logInput(t, { gridId: '01890000-0000-7000-8000-000000000000' }), c)),
    ).toMatchObject({ path: ['gridId'], message: '所选网格不存在或已删除' });
    expect(refusal(t.call('worklogs.create', logInput(t), t.sessions.reviewer)).code).toBe('FORBIDDEN');
    expect(t.ok<Page>('worklogs.list', {}, t.sessions.reviewer).total).toBe(0);
    expect(refusal(t.call('worklogs.list', { from: '2026-13-01' }, c))).toMatchObject({ path: ['from'] });
    expect(t.count('work_logs')).toBe(0);
  });
});
