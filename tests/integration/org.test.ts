import { afterEach, describe, expect, it } from 'vitest';
import { makeTownship } from '../helpers/core';

type T = ReturnType<typeof makeTownship>;
let t: T;
afterEach(() => t?.core.close());

function village(t: T, name: string) {
  const list = t.ok<{ id: string; name: string; code: string; kind: string }[]>('org.listVillages', {}, t.clerk);
  return list.find((v) => v.name === name)!;
}

const gridInput = (villageId: string, extra: Record<string, unknown> = {}) => ({
  villageId,
  type: 'village',
  name: '第一网格',
  households: 300,
  residents: 900,
  ...extra,
});

describe('organisation tree', () => {
  it('pre-fills the 18 villages of 玉井镇 from the real codes', () => {
    t = makeTownship();
    const list = t.ok<{ id: string; code: string; name: string; kind: string }[]>('org.listVillages', {}, t.clerk);
    expect(list).toHaveLength(18);
    expect(list[0]).toMatchObject({ code: '140621100200', name: '玉井村', kind: 'village' });
    expect(list.every((v) => v.code.startsWith('140621100'))).toBe(true);
    t.ok('org.createGrid', gridInput(list[0]!.id), t.clerk);
    const after = t.ok<{ code: string; gridCount: number }[]>('org.listVillages', {}, t.clerk);
    expect(after.map((v) => v.gridCount)).toEqual([1, ...Array(17).fill(0)]);
  });

  it('assigns grid codes as village code + next 3-digit sequence and never reuses one', () => {
    t = makeTownship();
    const v = village(t, '玉井村');
    const g1 = t.ok('org.createGrid', gridInput(v.id), t.clerk);
    const g2 = t.ok('org.createGrid', gridInput(v.id, { name: '第二网格' }), t.clerk);
    expect(g1.code).toBe('140621100200001');
    expect(g2.code).toBe('140621100200002');
    t.ok('org.setGridRetired', { id: g2.id, retired: true }, t.reviewer);
    const g3 = t.ok('org.createGrid', gridInput(v.id, { name: '第三网格' }), t.clerk);
    expect(g3.code).toBe('140621100200003');
    const codes = t.core.deps.conn.sqlite.prepare('SELECT code FROM grids ORDER BY code').pluck().all();
    expect(codes).toEqual(['140621100200001', '140621100200002', '140621100200003']);
  });

  it('answers CONFLICT for a grid code already taken, and rolls the whole call back', () => {
    t = makeTownship();
    const v = village(t, '玉井村');
    const { sqlite } = t.core.deps.conn;
    // A row carrying the code the next sequence would produce (as a bad import could leave behind).
    sqlite
      .prepare(
        `INSERT INTO grids (id, created_at, updated_at, updated_by, village_id, code, seq, type, name)
         VALUES ('01900000-0000-7000-8000-000000000001', 'x', 'x', 'x', ?, '140621100200001', 500, 'village', '旧网格')`,
      )
      .run(v.id);
    const auditBefore = t.count('audit_log');
    const r = t.call('org.createGrid', gridInput(v.id), t.clerk);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '记录已存在，不能重复添加' } });
    expect(sqlite.prepare('SELECT last_grid_seq FROM villages WHERE id = ?').pluck().get(v.id)).toBe(0);
    expect(t.count('grids')).toBe(1);
    expect(t.count('audit_log')).toBe(auditBefore);
  });

  it('creates a dedicated grid with its kind, and refuses a 社区网格 in a village', () => {
    t = makeTownship();
    const v = village(t, '水头村');
    const bad = t.call('org.createGrid', gridInput(v.id, { type: 'community' }), t.clerk);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['type'] }] } });
    const noKind = t.call('org.createGrid', gridInput(v.id, { type: 'dedicated' }), t.clerk);
    expect(noKind).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['dedicatedKind'] }] } });
    const school = t.ok(
      'org.createGrid',
      gridInput(v.id, { type: 'dedicated', dedicatedKind: 'school', name: '玉井中学' }),
      t.clerk,
    );
    expect(school).toMatchObject({ type: 'dedicated', dedicatedKind: 'school', code: '140621100201001' });
    expect(t.count('grids')).toBe(1);
  });

  it('warns past 500 households or 2,500 residents but saves', () => {
    t = makeTownship();
    const g = t.ok('org.createGrid', gridInput(village(t, '东庄村').id, { households: 501, residents: 2501 }), t.clerk);
    expect(g.warnings).toHaveLength(2);
    expect(g.warnings[0]).toContain('500');
    expect(t.ok('org.getGrid', { id: g.id }, t.clerk).grid.warnings).toHaveLength(2);
  });

  it('rejects bad input field by field and writes nothing', () => {
    t = makeTownship();
    const auditBefore = t.count('audit_log');
    const r = t.call(
      'org.createGrid',
      gridInput(village(t, '玉井村').id, { name: ' ', households: -1, residents: 1.5 }),
      t.clerk,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.issues!.map((i) => i.path[0]).sort()).toEqual(['households', 'name', 'residents']);
    expect(r.error.issues!.find((i) => i.path[0] === 'households')!.message).toBe('户数不能为负数');
    expect(t.count('grids')).toBe(0);
    expect(t.count('audit_log')).toBe(auditBefore);
  });

  it('validates village codes: 12 digits, this township, kind range, never a used or retired code', () => {
    t = makeTownship();
    const short = t.call('org.createVillage', { code: '14062110020', name: '新村' }, t.clerk);
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['code'], message: '村（社区）代码应为 12 位数字' }] },
    });
    const other = t.call('org.createVillage', { code: '140621101250', name: '新村' }, t.clerk);
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const range = t.call('org.createVillage', { code: '140621100500', name: '新村' }, t.clerk);
    expect(range).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const dup = t.call('org.createVillage', { code: '140621100200', name: '重复村' }, t.clerk);
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['code'] }] } });
    const c = t.ok('org.createVillage', { code: '140621100001', name: '玉井社区' }, t.clerk);
    expect(c.kind).toBe('community');
    t.ok('org.setVillageRetired', { id: c.id, retired: true }, t.admin);
    const reuse = t.call('org.createVillage', { code: '140621100001', name: '又一社区' }, t.clerk);
    expect(reuse.ok).toBe(false);
    if (!reuse.ok) expect(reuse.error.message).toContain('已撤销');
  });

  it('refuses grids under a retired village and retiring a village that still has grids', () => {
    t = makeTownship();
    const v = village(t, '玉井村');
    const g = t.ok('org.createGrid', gridInput(v.id), t.clerk);
    expect(t.call('org.setVillageRetired', { id: v.id, retired: true }, t.admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    t.ok('org.setGridRetired', { id: g.id, retired: true }, t.admin);
    t.ok('org.setVillageRetired', { id: v.id, retired: true }, t.admin);
    expect(t.call('org.createGrid', gridInput(v.id), t.clerk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(t.call('org.setGridRetired', { id: g.id, retired: false }, t.admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('answers NOT_FOUND for a parent that does not exist or was deleted', () => {
    t = makeTownship();
    const missing = '01900000-0000-7000-8000-000000000000';
    expect(t.call('org.createGrid', gridInput(missing), t.clerk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const v = village(t, '玉井村');
    t.core.deps.conn.sqlite.prepare("UPDATE villages SET deleted_at = '2026-01-01' WHERE id = ?").run(v.id);
    expect(t.call('org.createGrid', gridInput(v.id), t.clerk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('keeps party groups under a grid, with tombstone deletes', () => {
    t = makeTownship();
    const g = t.ok(
      'org.createGrid',
      gridInput(village(t, '玉井村').id, { partyBranchName: '玉井村第一网格党支部' }),
      t.clerk,
    );
    const p1 = t.ok(
      'org.savePartyGroup',
      { gridId: g.id, name: '第一党小组', leaderName: '王五', memberCount: 7 },
      t.clerk,
    );
    t.ok('org.savePartyGroup', { gridId: g.id, name: '第二党小组', memberCount: 5 }, t.clerk);
    t.ok(
      'org.savePartyGroup',
      { id: p1.id, gridId: g.id, name: '第一党小组', leaderName: '赵六', memberCount: 8 },
      t.clerk,
    );
    t.ok('org.deletePartyGroup', { id: p1.id }, t.clerk);
    const detail = t.ok('org.getGrid', { id: g.id }, t.clerk);
    expect(detail.partyGroups.map((p: { name: string }) => p.name)).toEqual(['第二党小组']);
    expect(detail.grid.partyGroupCount).toBe(1);
    expect(t.count('party_groups')).toBe(2); // the deleted one stays as a tombstone
  });

  it('searches grids by name, code, village and branch', () => {
    t = makeTownship();
    t.ok('org.createGrid', gridInput(village(t, '玉井村').id, { name: '东街网格' }), t.clerk);
    t.ok('org.createGrid', gridInput(village(t, '水头村').id, { name: '西街网格' }), t.clerk);
    const names = (search: string) => t.ok<{ name: string }[]>('org.listGrids', { search }, t.clerk).map((g) => g.name);
    expect(names('东街')).toEqual(['东街网格']);
    expect(names('水头')).toEqual(['西街网格']);
    expect(names('140621100201')).toEqual(['西街网格']);
    expect(names('%')).toEqual([]);
  });
});
