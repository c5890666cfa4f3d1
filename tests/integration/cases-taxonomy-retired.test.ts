import { afterEach, describe, expect, it } from 'vitest';
import { caseHandlingFigures } from '../../main/core/reports/figures/case-handling';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { makeCore } from '../helpers/core';

let t: ReturnType<typeof makeCaseTownship> | undefined;
let reopened: ReturnType<typeof makeCore> | undefined;
afterEach(() => {
  reopened?.core.close();
  reopened = undefined;
  t?.core.close();
});

type Taxonomy = { version: 1; categories: { code: string; name: string }[] };
const OLD_CATEGORIES = [
  {
    code: '04',
    name: '政策宣传',
    limits: { screen: 1, handle: 3, feedback: 1 },
    subcategories: [{ code: '03', name: '反诈宣传' }],
  },
  {
    code: '05',
    name: '社情民意',
    limits: { screen: 1, handle: 3, feedback: 1 },
    subcategories: [{ code: '01', name: '意见建议' }],
  },
];

describe('retired 大类 (政策宣传, 社情民意)', () => {
  it('a new installation does not offer them', () => {
    t = makeCaseTownship();
    const tax = t.ok<Taxonomy>('taxonomy.list', {}, t.sessions.clerk);
    expect(tax.categories.map((c) => c.name)).toEqual(['矛盾纠纷', '治安/安全隐患', '民生服务', '突发事件', '其他']);
  });

  it('an older database retires them once when opened: not offered, refused for new cases, old cases kept and counted', () => {
    t = makeCaseTownship();
    const admin = t.sessions.admin;
    // The older default: 政策宣传 and 社情民意 as 大类, with a case under each.
    const tax = t.ok<Taxonomy>('taxonomy.list', {}, admin);
    t.ok('taxonomy.update', { ...tax, categories: [...tax.categories, ...OLD_CATEGORIES] }, admin);
    const open = t.ok<{ case: { id: string } }>(
      'cases.create',
      caseInput(t.gridA, { categoryCode: '05', subcategoryCode: '01' }),
      t.sessions.clerk,
    ).case.id;
    t.ok('cases.create', caseInput(t.gridA, { categoryCode: '04', subcategoryCode: '03' }), t.sessions.clerk);
    const dataDir = t.dataDir;
    t.core.close();

    reopened = makeCore({ dataDir, clock: t.clock });
    const clerk = reopened.login('lu');
    const names = reopened.ok<Taxonomy>('taxonomy.list', {}, clerk).categories.map((c) => c.name);
    expect(names).not.toContain('政策宣传');
    expect(names).not.toContain('社情民意');
    const refused = reopened.call(
      'cases.create',
      caseInput(t.gridA, { categoryCode: '04', subcategoryCode: '03' }),
      clerk,
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.issues?.[0]).toMatchObject({
      path: ['categoryCode'],
      message: '事件大类「政策宣传」已停用，不能再登记为事件，请记入「工作日志」',
    });
    // The open case still walks on: its next step's limits come from the retired 大类.
    const reported = reopened.ok<{ case: { state: string; stepLimitDays: number } }>(
      'cases.act',
      { id: open, action: 'report', payload: {} },
      clerk,
    );
    expect(reported.case).toMatchObject({ state: 'reported', stepLimitDays: 1 });
    // The forms still list them with their cases, by name.
    const ctx = { db: reopened.core.deps.conn.db, now: new Date().toISOString(), user: null };
    const figures = caseHandlingFigures(ctx, { from: '2026-09-01', to: '2026-09-30', villageId: null });
    expect(figures.filter((f) => f.registered > 0).map((f) => [f.code, f.name, f.registered])).toEqual([
      ['04', '政策宣传', 1],
      ['05', '社情民意', 1],
    ]);

    // Opening again changes nothing; a centre that adds one back on purpose keeps it.
    const rows = () =>
      reopened!.core.deps.conn.sqlite
        .prepare('SELECT id, code, deleted_at, updated_at FROM case_categories ORDER BY id')
        .all();
    const before = rows();
    reopened.core.close();
    reopened = makeCore({ dataDir, clock: t.clock });
    expect(rows()).toEqual(before);
    const admin2 = reopened.login('admin');
    const back = reopened.ok<Taxonomy>('taxonomy.list', {}, admin2);
    reopened.ok('taxonomy.update', { ...back, categories: [...back.categories, OLD_CATEGORIES[0]] }, admin2);
    reopened.core.close();
    reopened = makeCore({ dataDir, clock: t.clock });
    const again = reopened.ok<Taxonomy>('taxonomy.list', {}, reopened.login('lu')).categories.map((c) => c.name);
    expect(again).toContain('政策宣传');
    expect(again).not.toContain('社情民意');
  });
});
