import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../main/core/db/backup';
import { findPersonByIdNumber } from '../../main/core/people/service';
import { idCheckChar, upgradeLegacyId } from '../../shared/people/id-number';
import { openCore } from '../../main/core/app';
import { makeTownship, PASSWORD, tempDir } from '../helpers/core';
import { testNow } from '../helpers/test-clock';

type T = ReturnType<typeof makeTownship>;
let t: T;
afterEach(() => t?.core.close());

/** A valid 18-digit number under 山阴县 (140621), born 1980-05-17; odd sequence = male. */
function idNumber(seq: number, birth = '19800517'): string {
  const first17 = `140621${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function village(t: T, name: string) {
  return t.ok<{ id: string; name: string }[]>('org.listVillages', {}, t.clerk).find((v) => v.name === name)!;
}

function grid(t: T, villageName: string, name: string, type = 'village') {
  return t.ok<{ id: string; code: string; villageId: string }>(
    'org.createGrid',
    { villageId: village(t, villageName).id, type, name, households: 300, residents: 900 },
    t.clerk,
  );
}

function person(t: T, name: string, extra: Record<string, unknown> = {}) {
  return t.ok<{ id: string; idNumberMasked: string; phoneMasked: string | null; flags: string[] }>(
    'people.create',
    { name, idNumber: idNumber(101), phone: '18012341999', ...extra },
    t.clerk,
  );
}

describe('people: records and rules', () => {
  it('derives sex and birth date from the ID number and masks ID, phone and address', () => {
    t = makeTownship();
    const p = t.ok(
      'people.create',
      {
        name: '王建国',
        idNumber: ' 11010519491231002x ',
        phone: '180 1234 1999',
        address: '山西省朔州市山阴县玉井镇玉井村3组12号',
        politicalStatus: '01',
        education: '30',
        partyRole: 'in_service',
      },
      t.clerk,
    );
    expect(p).toMatchObject({
      name: '王建国',
      sex: 'female',
      birthMonth: '1949-12',
      idNumberMasked: '110105************',
      phoneMasked: '180****1999',
      addressMasked: '山西省朔州市山阴县****',
      partyMember: true,
      partyRole: 'in_service',
      idLegacy: false,
    });
    const list = t.ok<{ idNumberMasked: string }[]>('people.list', {}, t.reviewer);
    expect(JSON.stringify(list)).not.toContain('11010519491231002X');
    expect(JSON.stringify(list)).not.toContain('18012341999');
    const detail = t.ok('people.get', { id: p.id }, t.clerk);
    expect(detail.person.phoneMasked).toBe('180****1999');
  });

  it('refuses a bad check digit, a bad phone, and a party role for a non-member, field by field', () => {
    t = makeTownship();
    const badId = t.call('people.create', { name: '张三', idNumber: '110105194912310021' }, t.clerk);
    expect(badId).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['idNumber'], message: '身份证号校验位错误，应为 X' }] },
    });
    const badPhone = t.call('people.create', { name: '张三', idNumber: idNumber(1), phone: '1801234' }, t.clerk);
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['phone'] }] } });
    const role = t.call(
      'people.create',
      { name: '张三', idNumber: idNumber(1), politicalStatus: '13', partyRole: 'volunteer' },
      t.clerk,
    );
    expect(role).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['partyRole'] }] } });
    expect(t.count('persons')).toBe(0);
  });

  it('accepts a legacy 15-digit number, flags it, and finds it by its 18-digit form', () => {
    t = makeTownship();
    const p = t.ok('people.create', { name: '李老汉', idNumber: '140621500101031' }, t.clerk);
    expect(p).toMatchObject({ idLegacy: true, birthMonth: '1950-01', sex: 'male' });
    expect(p.flags).toContain('身份证号为 15 位旧号码，请核对后更新为 18 位');
    const gaps = t.ok<{ kind: string; personId: string }[]>('people.gaps', {}, t.clerk);
    expect(gaps).toContainEqual(expect.objectContaining({ kind: 'legacy_id', personId: p.id }));
    const id18 = upgradeLegacyId('140621500101031');
    const twin = t.call('people.create', { name: '李老汉', idNumber: id18 }, t.clerk);
    expect(twin).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!twin.ok) expect(twin.error.message).toContain('已登记为「李老汉」');
    // Updating to the 18-digit number clears the flag.
    t.ok('people.update', { id: p.id, name: '李老汉', remarks: null, idNumber: id18 }, t.clerk);
    expect(t.ok<{ kind: string }[]>('people.gaps', {}, t.clerk).some((g) => g.kind === 'legacy_id')).toBe(false);
  });

  it('never registers the same ID number twice among live persons, and names who holds it', () => {
    t = makeTownship();
    const g = grid(t, '玉井村', '第一网格');
    const first = person(t, '赵一');
    t.ok(
      'posts.add',
      { personId: first.id, type: 'worker', gridId: g.id, employment: 'full_time', startDate: '2024-01-01' },
      t.clerk,
    );
    const r = t.call('people.create', { name: '赵二', idNumber: idNumber(101) }, t.clerk);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['idNumber'] }] } });
    if (!r.ok) expect(r.error.issues![0]!.message).toContain('赵一');
    const other = person(t, '赵二', { idNumber: idNumber(103) });
    const clash = t.call(
      'people.update',
      { id: other.id, name: '赵二', remarks: null, idNumber: idNumber(101) },
      t.clerk,
    );
    expect(clash).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['idNumber'] }] } });
    // A tombstoned person frees the number (partial unique index on live rows).
    t.core.deps.conn.sqlite.prepare("UPDATE persons SET deleted_at = 'x' WHERE id = ?").run(first.id);
    expect(t.call('people.create', { name: '赵三', idNumber: idNumber(101) }, t.clerk).ok).toBe(true);
  });

  it('updates without touching the ID number, phone or party group when they are left out', () => {
    t = makeTownship();
    const g = grid(t, '玉井村', '第一网格');
    const group = t.ok('org.savePartyGroup', { gridId: g.id, name: '第一党小组', memberCount: 5 }, t.clerk);
    const member = person(t, '党员甲', { idNumber: idNumber(901), politicalStatus: '01', partyGroupId: group.id });
    expect(member).toMatchObject({ partyGroupId: group.id });
    const kept = t.ok(
      'people.update',
      { id: member.id, name: '党员甲', remarks: '改备注', politicalStatus: '01' },
      t.clerk,
    );
    expect(kept.partyGroupId).toBe(group.id);
    const left = t.ok(
      'people.update',
      { id: member.id, name: '党员甲', remarks: null, politicalStatus: '13' },
      t.clerk,
    );
    expect(left.partyGroupId).toBeNull();
    const p = person(t, '钱五');
    const u = t.ok('people.update', { id: p.id, name: '钱伍', remarks: '改名', politicalStatus: '13' }, t.clerk);
    expect(u).toMatchObject({ name: '钱伍', idNumberMasked: p.idNumberMasked, phoneMasked: '180****1999' });
    const cleared = t.ok('people.update', { id: p.id, name: '钱伍', remarks: null, phone: null }, t.clerk);
    expect(cleared.phoneMasked).toBeNull();
    expect(cleared.flags).toContain('未登记联系电话');
  });

  it('lists the party groups a member can join, with village and grid, and moves a member between them', () => {
    t = makeTownship();
    const a = grid(t, '玉井村', '第一网格');
    const b = grid(t, '水头村', '第一网格');
    const g1 = t.ok('org.savePartyGroup', { gridId: a.id, name: '第一党小组', memberCount: 3 }, t.clerk);
    const g2 = t.ok('org.savePartyGroup', { gridId: b.id, name: '第二党小组', memberCount: 4 }, t.clerk);
    const gone = t.ok('org.savePartyGroup', { gridId: b.id, name: '已撤党小组', memberCount: 1 }, t.clerk);
    t.ok('org.deletePartyGroup', { id: gone.id }, t.clerk);
    const listed = t.ok<{ id: string; name: string; gridName: string; villageName: string }[]>(
      'org.listPartyGroups',
      {},
      t.clerk,
    );
    expect(listed.map((g) => `${g.villageName} ${g.gridName} ${g.name}`).sort()).toEqual(
      ['水头村 第一网格 第二党小组', '玉井村 第一网格 第一党小组'].sort(),
    );
    const member = person(t, '党员乙', { idNumber: idNumber(903), politicalStatus: '01', partyGroupId: g1.id });
    const moved = t.ok(
      'people.update',
      { id: member.id, name: '党员乙', remarks: null, politicalStatus: '01', partyGroupId: g2.id },
      t.clerk,
    );
    expect(moved.partyGroupId).toBe(g2.id);
    const row = t.core.deps.conn.sqlite
      .prepare('SELECT party_group_id FROM persons WHERE id = ?')
      .pluck()
      .get(member.id);
    expect(row).toBe(g2.id);
  });
});

describe('people: personal information', () => {
  it('reveals the full values to 审核人 and 管理员 only, and audits every reveal', () => {
    t = makeTownship();
    const p = person(t, '孙六', { address: '玉井村5组' });
    const forbidden = t.call('people.reveal', { id: p.id }, t.clerk);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const full = t.ok('people.reveal', { id: p.id }, t.reviewer);
    expect(full).toEqual({
      id: p.id,
      name: '孙六',
      idNumber: idNumber(101),
      phone: '18012341999',
      address: '玉井村5组',
    });
    expect(t.ok('people.reveal', { id: p.id }, t.admin).idNumber).toBe(idNumber(101));
    const log = t.ok<{ method: string; username: string; recordId: string; recordLabel: string; at: string }[]>(
      'audit.list',
      { recordId: p.id },
      t.admin,
    );
    const reveals = log.filter((e) => e.method === 'people.reveal');
    expect(reveals.map((e) => e.username).sort()).toEqual(['admin', 'shen']);
    expect(reveals[0]).toMatchObject({ recordId: p.id, recordLabel: '人员 孙六' });
    // The create entry carries masked values only.
    const create = t.core.deps.conn.sqlite
      .prepare("SELECT detail FROM audit_log WHERE method = 'people.create'")
      .pluck()
      .get() as string;
    expect(create).not.toContain(idNumber(101));
    expect(create).not.toContain('18012341999');
    expect(create).toContain('180****1999');
  });

  it('stores no plaintext ID number, phone or address: a copied database file does not leak them', () => {
    const dataDir = tempDir();
    t = makeTownship({ dataDir });
    const id = idNumber(555);
    const p = person(t, '周七', { idNumber: id, phone: '13912345678', address: '东街幸福巷88号' });
    t.ok('people.update', { id: p.id, name: '周七', remarks: null, phone: '13987654321' }, t.clerk);
    const copy = path.join(tempDir(), 'copy.sqlite');
    backupDatabase(path.join(dataDir, 'zongzhi.sqlite'), copy);
    const files = [copy, path.join(dataDir, 'zongzhi.sqlite'), path.join(dataDir, 'zongzhi.sqlite-wal')];
    for (const file of files.filter((f) => fs.existsSync(f))) {
      const bytes = fs.readFileSync(file);
      for (const secret of [id, id.slice(6, 14) + id.slice(14), '13912345678', '13987654321', '幸福巷']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${path.basename(file)}`).toBe(false);
      }
    }
    const stored = t.core.deps.conn.sqlite.prepare('SELECT id_number_enc FROM persons').pluck().get() as string;
    expect(stored).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+$/);
    // Lookup by ID number still works, through the keyed hash.
    const ctx = { db: t.core.deps.conn.db, pii: t.core.deps.pii, now: testNow().toISOString() };
    expect(findPersonByIdNumber(ctx, id)?.name).toBe('周七');
    // The key lives beside the database, owner-only.
    const keyFile = path.join(dataDir, 'keys', 'pii.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    // A restart reads the same key file and decrypts what was written before.
    t.core.close();
    const again = openCore({ dataDir });
    try {
      const login = again.dispatch({ method: 'auth.login', input: { username: 'shen', password: PASSWORD } });
      if (!login.ok) throw new Error('login failed');
      const session = (login.data as { session: string }).session;
      expect(again.dispatch({ method: 'people.list', input: {}, session })).toMatchObject({
        ok: true,
        data: [{ name: '周七', phoneMasked: '139****4321' }],
      });
    } finally {
      again.close();
    }
  });
});

describe('people: posts, teams and gaps', () => {
  it('keeps history when a post ends, and allows one 网格长 per village', () => {
    t = makeTownship();
    const g = grid(t, '玉井村', '第一网格');
    const a = person(t, '吴甲');
    const b = person(t, '郑乙', { idNumber: idNumber(103) });
    const v = village(t, '玉井村');
    const head = t.ok('posts.add', { personId: a.id, type: 'head', villageId: v.id, startDate: '2023-03-01' }, t.clerk);
    expect(head.label).toBe('网格长 · 玉井村');
    const second = t.call(
      'posts.add',
      { personId: b.id, type: 'head', villageId: v.id, startDate: '2024-01-01' },
      t.clerk,
    );
    expect(second).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['villageId'] }] } });
    if (!second.ok) expect(second.error.message).toContain('吴甲');
    const early = t.call('posts.end', { id: head.id, endDate: '2023-01-01' }, t.clerk);
    expect(early).toMatchObject({ ok: false, error: { issues: [{ path: ['endDate'] }] } });
    t.ok('posts.end', { id: head.id, endDate: '2024-06-30' }, t.clerk);
    t.ok('posts.add', { personId: b.id, type: 'head', villageId: v.id, startDate: '2024-07-01' }, t.clerk);
    const detail = t.ok('people.get', { id: a.id }, t.clerk);
    expect(detail.posts).toHaveLength(1);
    expect(detail.posts[0]).toMatchObject({ type: 'head', startDate: '2023-03-01', endDate: '2024-06-30' });
    expect(detail.person.posts).toEqual([]);
    expect(detail.person.flags).toContain('无在任职务');
    expect(t.call('posts.end', { id: head.id, endDate: '2024-07-01' }, t.clerk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const worker = t.call(
      'posts.add',
      { personId: a.id, type: 'worker', gridId: g.id, startDate: '2024-01-01' },
      t.clerk,
    );
    expect(worker).toMatchObject({ ok: false, error: { issues: [{ path: ['employment'] }] } });
  });

  it("shows a grid's 一长三员 with counts and filters the list by village, grid, post and party", () => {
    t = makeTownship();
    const g1 = grid(t, '玉井村', '第一网格');
    const g2 = grid(t, '玉井村', '第二网格');
    const v = village(t, '玉井村');
    const make = (n: string, i: number) =>
      person(t, `王${n}`, { idNumber: idNumber(201 + i * 2), politicalStatus: i < 2 ? '01' : '13' });
    const [a, b, c, d, e] = [make('甲', 0), make('乙', 1), make('丙', 2), make('丁', 3), make('戊', 4)];
    const add = (input: Record<string, unknown>) => t.ok('posts.add', { startDate: '2024-01-01', ...input }, t.clerk);
    add({ personId: a.id, type: 'head', villageId: v.id });
    add({ personId: b.id, type: 'worker', gridId: g1.id, employment: 'full_time' });
    add({ personId: c.id, type: 'worker', gridId: g1.id, employment: 'part_time' });
    add({ personId: d.id, type: 'assistant', gridId: g1.id, assistantKind: 'building_head' });
    add({ personId: e.id, type: 'instructor', villageId: v.id, instructorKind: 'stationed' });
    add({ personId: e.id, type: 'worker', gridId: g2.id, employment: 'part_time' });
    const team = t.ok('people.teamOfGrid', { gridId: g1.id }, t.clerk);
    expect(team.counts).toEqual({ heads: 1, fullTime: 1, partTime: 1, assistants: 1, instructors: 1 });
    expect(team.heads[0]).toMatchObject({ name: '王甲', phoneMasked: '180****1999' });
    expect(team.assistants[0].kind).toBe('楼栋长');
    expect(team.instructors[0].kind).toBe('驻村干部');
    const names = (input: Record<string, unknown>) =>
      t.ok<{ name: string }[]>('people.list', input, t.clerk).map((p) => p.name);
    expect(names({ gridId: g1.id })).toEqual(['王丁', '王丙', '王乙'].sort());
    expect(names({ postType: 'worker' })).toEqual(['王丙', '王乙', '王戊'].sort());
    expect(names({ villageId: v.id })).toHaveLength(5);
    expect(names({ villageId: village(t, '水头村').id })).toEqual([]);
    expect(names({ partyMember: true })).toEqual(['王甲', '王乙'].sort());
    expect(names({ search: '戊' })).toEqual(['王戊']);
    const e2 = t.ok('people.list', { search: '戊' }, t.clerk)[0];
    expect(e2.posts).toEqual(['网格指导员（驻村干部） · 玉井村', '网格员（兼职） · 第二网格']);
  });

  it('flags gaps and clears them as the teams fill up', () => {
    t = makeTownship();
    const c = t.ok<{ id: string }>('org.createVillage', { code: '140621100001', name: '玉井社区' }, t.clerk);
    const cg = t.ok<{ id: string }>(
      'org.createGrid',
      { villageId: c.id, type: 'community', name: '社区一网格', households: 400, residents: 1200 },
      t.clerk,
    );
    const vg = grid(t, '玉井村', '第一网格');
    const kinds = () =>
      t
        .ok<{ kind: string; gridId: string | null; villageId: string | null }[]>('people.gaps', {}, t.clerk)
        .map((g) => `${g.kind}:${g.gridId ?? g.villageId}`)
        .sort();
    const v = village(t, '玉井村');
    expect(kinds()).toEqual(
      [
        `village_no_head:${c.id}`,
        `village_no_head:${v.id}`,
        `community_grid_no_full_time:${cg.id}`,
        `grid_no_worker:${vg.id}`,
      ].sort(),
    );
    const p1 = person(t, '冯一', { idNumber: idNumber(301) });
    const p2 = person(t, '冯二', { idNumber: idNumber(303) });
    const add = (input: Record<string, unknown>) => t.ok('posts.add', { startDate: '2024-01-01', ...input }, t.clerk);
    add({ personId: p1.id, type: 'worker', gridId: cg.id, employment: 'part_time' });
    expect(kinds()).toContain(`community_grid_no_full_time:${cg.id}`);
    const ft = add({ personId: p2.id, type: 'worker', gridId: cg.id, employment: 'full_time' });
    add({ personId: p1.id, type: 'worker', gridId: vg.id, employment: 'part_time' });
    add({ personId: p1.id, type: 'head', villageId: v.id });
    add({ personId: p2.id, type: 'head', villageId: c.id });
    expect(kinds()).toEqual([]);
    t.ok('posts.end', { id: ft.id, endDate: '2025-01-01' }, t.clerk);
    expect(kinds()).toEqual([`community_grid_no_full_time:${cg.id}`]);
    expect(t.ok('people.list', { incompleteOnly: true }, t.clerk)).toEqual([]);
  });

  it('adds trainings and deletes them as tombstones', () => {
    t = makeTownship();
    const p = person(t, '陈七');
    const tr = t.ok(
      'trainings.add',
      { personId: p.id, date: '2025-03-02', topic: '矛盾纠纷排查化解', hours: 4 },
      t.clerk,
    );
    t.ok('trainings.add', { personId: p.id, date: '2025-05-02', topic: '网格员业务培训', hours: 2.5 }, t.clerk);
    const future = t.call('trainings.add', { personId: p.id, date: '2999-01-01', topic: '未来', hours: 1 }, t.clerk);
    expect(future).toMatchObject({ ok: false, error: { issues: [{ path: ['date'] }] } });
    t.ok('trainings.delete', { id: tr.id }, t.clerk);
    expect(t.ok('people.get', { id: p.id }, t.clerk).trainings.map((x: { topic: string }) => x.topic)).toEqual([
      '网格员业务培训',
    ]);
    expect(t.count('trainings')).toBe(2);
    expect(t.call('trainings.delete', { id: tr.id }, t.reviewer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
