import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import { dropSearchTriggers } from '../../main/core/cases/search';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { PASSWORD } from '../helpers/core';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

type Row = { id: string; number: string; summary: string };
const nums = (r: { rows: Row[] }) => r.rows.map((x) => x.number.slice(-2));

function township() {
  t = makeCaseTownship('2026-09-30T10:00:00+08:00');
  const c = t.sessions.clerk;
  const make = (extra: Record<string, unknown>) => t!.ok('cases.create', caseInput(t!.gridA, extra), c).case;
  make({ summary: '小区夜间施工噪音扰民', place: '玉井村三组' }); // 01
  make({ summary: '楼上卫生间漏水至楼下', place: '幸福小区A栋302室', gridId: t.gridB }); // 02
  make({ summary: '广场舞音响噪音过大', place: '村委会广场', then: [{ action: 'report' }] }); // 03
  make({ summary: '自来水管道漏水', place: '玉井村五组水井旁' }); // 04
  const list = (input: object) => t!.ok<{ rows: Row[]; total: number }>('cases.list', input, c);
  return { list, make, c };
}

describe('full-text search over summary and place', () => {
  it('finds 2-, 3- and 4-character words, mixed text and single characters', () => {
    const { list } = township();
    expect(nums(list({ q: '噪音' }))).toEqual(['03', '01']);
    expect(nums(list({ q: '漏水' }))).toEqual(['04', '02']);
    expect(nums(list({ q: '卫生间' }))).toEqual(['02']);
    expect(nums(list({ q: '施工噪音' }))).toEqual(['01']);
    expect(nums(list({ q: '玉井村五组' }))).toEqual(['04']); // place
    expect(nums(list({ q: 'A栋302' }))).toEqual(['02']);
    expect(nums(list({ q: 'ａ栋３０２' }))).toEqual(['02']); // full-width and lower case
    expect(nums(list({ q: '302' }))).toEqual(['02']);
    expect(nums(list({ q: '  漏水  A栋 ' }))).toEqual(['02']); // every word, in either column
    expect(nums(list({ q: '井' }))).toEqual(['04', '01']); // one character: 井 ends no word here
    expect(nums(list({ q: '扰' }))).toEqual(['01']);
    // Characters that occur, but not next to each other in this order.
    expect(list({ q: '噪水' }).total).toBe(0);
    expect(list({ q: '漏水噪音' }).total).toBe(0);
    expect(list({ q: '水管漏' }).total).toBe(0);
  });

  it('combines with every filter and sort, paged in SQL with a total', () => {
    const { list } = township();
    expect(nums(list({ q: '噪音', states: ['reported'] }))).toEqual(['03']);
    expect(nums(list({ q: '漏水', gridId: t!.gridB }))).toEqual(['02']);
    expect(nums(list({ q: '漏水', villageId: t!.villageA }))).toEqual(['04']);
    expect(nums(list({ q: '噪音', quick: 'thisMonth' }))).toEqual(['03', '01']);
    expect(nums(list({ q: '噪音', quick: 'mine' }))).toEqual(['01']); // 03 waits for the reviewer
    expect(nums(list({ q: '噪音', sort: 'createdAt', dir: 'asc' }))).toEqual(['01', '03']);
    const page = list({ q: '村', limit: 1, offset: 1 });
    expect(page.total).toBe(3); // 01 玉井村, 03 村委会, 04 玉井村
    expect(nums(page)).toEqual(['03']);
  });

  it('follows edits and tombstones in the writer’s transaction, and never enters the change log', () => {
    const { list } = township();
    const { sqlite } = t!.core.deps.conn;
    const id = list({ q: '卫生间' }).rows[0]!.id;
    const logged = () => sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
    const before = logged();
    sqlite.prepare("UPDATE cases SET summary = '厨房下水道堵塞', updated_at = 'x' WHERE id = ?").run(id);
    expect(list({ q: '卫生间' }).total).toBe(0);
    expect(nums(list({ q: '下水道' }))).toEqual(['02']);
    expect(nums(list({ q: 'A栋302' }))).toEqual(['02']); // place kept
    // A refused write leaves the index as it was.
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("UPDATE cases SET summary = '另一件事' WHERE id = ?").run(id);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(nums(list({ q: '下水道' }))).toEqual(['02']);
    sqlite.prepare("UPDATE cases SET deleted_at = 'y', updated_at = 'y' WHERE id = ?").run(id);
    expect(list({ q: '下水道' }).total).toBe(0);
    expect(list({ q: '漏水' }).total).toBe(1);
    // Only the case rows were logged; the index is local.
    const tables = sqlite.prepare('SELECT DISTINCT table_name FROM change_log').pluck().all();
    expect(tables).not.toContain('cases_fts');
    expect(tables.some((n) => String(n).startsWith('cases_fts'))).toBe(false);
    expect(logged() - before).toBe(2);
    const captured = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE 'cases_fts%'")
      .all();
    expect(captured).toEqual([]);
  });

  it('rebuilds the index at start when its triggers are gone (a migration rebuilt the table)', () => {
    const { list } = township();
    const { sqlite } = t!.core.deps.conn;
    dropSearchTriggers(sqlite);
    sqlite.exec("INSERT INTO cases_fts(cases_fts) VALUES ('delete-all')");
    expect(list({ q: '噪音' }).total).toBe(0);
    t!.core.close();
    const core = openCore({ dataDir: t!.dataDir, clock: t!.clock });
    t = { ...t!, core };
    const login = core.dispatch({ method: 'auth.login', input: { username: 'lu', password: PASSWORD } });
    const session = login.ok ? (login.data as { session: string }).session : null;
    const found = core.dispatch({ method: 'cases.list', input: { q: '噪音' }, session });
    expect(found.ok && nums(found.data as { rows: Row[] })).toEqual(['03', '01']);
  });

  it('refuses empty, too long or letterless search text with a Chinese message naming q', () => {
    const { c } = township();
    for (const [q, message] of [
      ['   ', '请填写搜索内容'],
      ['漏'.repeat(51), '搜索内容不能超过 50 个字'],
      ['！？…', '搜索内容须包含汉字、字母或数字'],
    ] as const) {
      expect(t!.call('cases.list', { q }, c)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ path: ['q'], message }] },
      });
    }
  });
});
