import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countBuildings, countVisits } from '../../main/core/fieldwork/counts';
import { parsePeriod } from '../../main/core/reports/periods';
import { caseInput, makeCaseTownship } from '../helpers/cases';

type Township = ReturnType<typeof makeCaseTownship>;
let t: Township | undefined;
afterEach(() => t?.core.close());

const PHONE = '13903491234';
const LANDLINE = '0349-6221234';

type Visit = Record<string, unknown> & { id: string; phoneMasked: string | null; caseNumber: string | null };
type Building = Record<string, unknown> & { id: string; safetyContactPhoneMasked: string | null };
type Page<T> = { rows: T[]; total: number };

function visitInput(t: Township, extra: Record<string, unknown> = {}) {
  return {
    villageId: t.villageA,
    gridId: t.gridA,
    visitorId: t.worker,
    visitedOn: '2026-09-28',
    method: 'in_person',
    subjectName: '李户主',
    address: '玉井村三组18号',
    householdSize: 4,
    content: '了解家庭近况，宣传防诈骗知识',
    issues: '院墙排水不畅',
    ...extra,
  };
}

function buildingInput(t: Township, extra: Record<string, unknown> = {}) {
  return {
    villageId: t.villageA,
    gridId: t.gridA,
    name: '玉井小区',
    address: '玉井村幸福路 8 号',
    kind: 'residential',
    buildingCount: 6,
    households: 120,
    residents: 360,
    shops: 4,
    propertyCompany: '山阴县安居物业',
    safetyContactName: '赵安全',
    longitude: 112.8164321,
    latitude: 39.5268765,
    collectedOn: '2026-09-20',
    collectorId: t.worker,
    ...extra,
  };
}

/** The first issue of a refused call: where and what. */
function refusal(r: unknown) {
  const res = r as { ok: boolean; error?: { code: string; issues?: { path: unknown[]; message: string }[] } };
  expect(res.ok).toBe(false);
  return { code: res.error!.code, issue: res.error!.issues?.[0] };
}

describe('入户走访', () => {
  it('registers, edits and soft-deletes a visit; the phone sealed at rest and masked in every view', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const made = t.ok<Visit>('visits.create', { ...visitInput(t), phone: PHONE }, s.clerk);
    expect(made).toMatchObject({
      gridId: t.gridA,
      gridName: '第一网格',
      visitorName: '王网格',
      visitedOn: '2026-09-28',
      method: 'in_person',
      phoneMasked: '139****1234',
      householdSize: 4,
      followUp: null,
      caseId: null,
    });
    const sqlite = t.core.deps.conn.sqlite;
    const row = sqlite.prepare('SELECT * FROM household_visits WHERE id = ?').get(made.id) as Record<string, unknown>;
    expect(row).toMatchObject({ subject_name: '李户主', address: '玉井村三组18号', deleted_at: null });
    expect(row.phone_enc).toMatch(/^v1:/);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = fs.readFileSync(path.join(t.dataDir, 'zongzhi.sqlite'));
    expect(file.includes(Buffer.from(PHONE))).toBe(false);
    expect(file.includes(Buffer.from('了解家庭近况'))).toBe(true);

    // The form never holds the full phone: left out, it stays; empty, it is cleared.
    const edited = t.ok<Visit>(
      'visits.update',
      { ...visitInput(t), id: made.id, method: 'phone', followUp: '已联系村委会疏通排水沟' },
      s.clerk,
    );
    expect(edited).toMatchObject({ method: 'phone', followUp: '已联系村委会疏通排水沟', phoneMasked: '139****1234' });
    expect(t.ok<Visit>('visits.update', { ...visitInput(t), id: made.id, phone: '' }, s.clerk).phoneMasked).toBeNull();
    expect(sqlite.prepare('SELECT phone_enc FROM household_visits WHERE id = ?').pluck().get(made.id)).toBeNull();

    expect(t.ok<Page<Visit>>('visits.list', {}, s.clerk).rows.map((v) => v.id)).toEqual([made.id]);
    t.ok('visits.delete', { id: made.id }, s.clerk);
    expect(sqlite.prepare('SELECT deleted_at FROM household_visits WHERE id = ?').pluck().get(made.id)).toBeTruthy();
    expect(t.ok<Page<Visit>>('visits.list', {}, s.clerk)).toEqual({ rows: [], total: 0 });
    expect(refusal(t.call('visits.get', { id: made.id }, s.clerk)).code).toBe('NOT_FOUND');
    expect(refusal(t.call('visits.delete', { id: made.id }, s.clerk)).code).toBe('NOT_FOUND');
    const methods = sqlite.prepare("SELECT method FROM audit_log WHERE method LIKE 'visits.%'").pluck().all();
    expect(methods).toEqual(['visits.create', 'visits.update', 'visits.update', 'visits.delete']);
  });

  it('refuses bad input with a Chinese message naming the field, writing nothing', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const bad = (extra: Record<string, unknown>) => refusal(t!.call('visits.create', visitInput(t!, extra), s.clerk));
    expect(bad({ gridId: t.gridB }).issue).toEqual({
      path: ['gridId'],
      message: expect.stringMatching(/^所选网格不属于.+，请重新选择网格$/),
    });
    expect(bad({ visitedOn: '2026-10-01' }).issue).toEqual({ path: ['visitedOn'], message: '走访日期不能晚于今天' });
    expect(bad({ visitedOn: '2026-02-30' }).issue).toEqual({ path: ['visitedOn'], message: '走访日期不是真实的日期' });
    expect(bad({ phone: '5551234' }).issue).toEqual({ path: ['phone'], message: '联系电话固定电话缺少区号' });
    expect(bad({ phone: '1390349123' }).issue).toEqual({
      path: ['phone'],
      message: '联系电话手机号应为 11 位，实为 10 位',
    });
    expect(bad({ content: '  ' }).issue).toEqual({ path: ['content'], message: '请填写走访内容' });
    expect(bad({ content: '访'.repeat(2001) }).issue).toEqual({
      path: ['content'],
      message: '走访内容不能超过 2000 个字',
    });
    expect(bad({ followUp: '跟'.repeat(2001) }).issue).toMatchObject({ message: '跟进情况不能超过 2000 个字' });
    expect(bad({ method: 'letter' }).issue).toEqual({
      path: ['method'],
      message: '请选择走访方式（入户、电话或视频）',
    });
    expect(bad({ visitorId: undefined }).issue).toEqual({ path: ['visitorId'], message: '请选择走访人' });
    expect(bad({ householdSize: -1 }).issue).toEqual({ path: ['householdSize'], message: '家庭人口不能为负数' });
    expect(bad({ caseId: '0190f1a2-0000-7000-8000-000000000000' }).issue).toEqual({
      path: ['caseId'],
      message: '关联的事件不存在或已删除',
    });
    expect(t.count('household_visits')).toBe(0);
  });

  it('refuses a day after the grid was retired, where no form would list the record', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const visit = t.ok<Visit>('visits.create', visitInput(t), t.sessions.clerk);
    const building = t.ok<Building>('buildings.create', buildingInput(t), t.sessions.clerk);
    t.ok('org.setGridRetired', { id: t.gridA, retired: true }, t.sessions.admin); // 2026年09月30日
    t.at('2027-01-05T09:00:00+08:00');
    const s = t.fresh();
    const before = t.count('household_visits');
    const later = t.call('visits.update', { ...visitInput(t), id: visit.id, visitedOn: '2027-01-04' }, s.clerk);
    expect(refusal(later)).toEqual({
      code: 'VALIDATION',
      issue: { path: ['visitedOn'], message: '玉井村第一网格已于2026年09月30日撤销，走访日期不能晚于2026年09月30日' },
    });
    const moved = t.call(
      'buildings.update',
      { ...buildingInput(t), id: building.id, collectedOn: '2026-10-01' },
      s.clerk,
    );
    expect(refusal(moved).issue?.path).toEqual(['collectedOn']);
    // The retirement's own day and earlier are fine; the record stays in its retired grid.
    const same = t.ok<Visit>('visits.update', { ...visitInput(t), id: visit.id, visitedOn: '2026-09-30' }, s.clerk);
    expect(same).toMatchObject({ visitedOn: '2026-09-30', gridId: t.gridA });
    expect(t.count('household_visits')).toBe(before);
  });

  it('reveals the full phone to 审核人 (audited) and refuses 录入员; the audit log keeps it masked', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const { id } = t.ok<Visit>('visits.create', { ...visitInput(t), phone: PHONE }, s.clerk);
    expect(refusal(t.call('visits.reveal', { id }, s.clerk)).code).toBe('FORBIDDEN');
    expect(t.ok('visits.reveal', { id }, s.reviewer)).toEqual({ id, subjectName: '李户主', phone: PHONE });
    const sqlite = t.core.deps.conn.sqlite;
    expect(
      sqlite.prepare("SELECT method, record_id, username FROM audit_log WHERE method = 'visits.reveal'").all(),
    ).toEqual([{ method: 'visits.reveal', record_id: id, username: 'shen' }]);
    const detail = sqlite.prepare("SELECT detail FROM audit_log WHERE method = 'visits.create'").pluck().get();
    expect(detail).toContain('139****1234');
    expect(detail).not.toContain(PHONE);
  });

  it('turns a visit into a case and links it in the same call; a second time or a deleted visit writes nothing', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const visit = t.ok<Visit>('visits.create', visitInput(t), s.clerk);
    const made = t.ok<{ case: { id: string; number: string } }>(
      'cases.create',
      caseInput(t.gridA, { source: 'visit', visitId: visit.id }),
      s.clerk,
    );
    expect(t.ok<Visit>('visits.get', { id: visit.id }, s.clerk)).toMatchObject({
      caseId: made.case.id,
      caseNumber: made.case.number,
    });
    // Already turned into a case: refused, and the second case is not written either.
    expect(t.call('cases.create', caseInput(t.gridA, { source: 'visit', visitId: visit.id }), s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该走访已关联事件，请在走访记录中查看，不必再转为事件' },
    });
    expect(t.count('cases')).toBe(1);
    const gone = t.ok<Visit>('visits.create', visitInput(t), s.clerk);
    t.ok('visits.delete', { id: gone.id }, s.clerk);
    expect(t.call('cases.create', caseInput(t.gridA, { visitId: gone.id }), s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该走访记录不存在或已删除' },
    });
    expect(t.count('cases')).toBe(1);
  });
});

describe('楼院采集', () => {
  it('collects a compound: counts, rounded coordinates, sealed safety phone; edits and deletes it', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const made = t.ok<Building>('buildings.create', { ...buildingInput(t), safetyContactPhone: LANDLINE }, s.clerk);
    expect(made).toMatchObject({
      name: '玉井小区',
      kind: 'residential',
      buildingCount: 6,
      households: 120,
      residents: 360,
      shops: 4,
      longitude: 112.816432,
      latitude: 39.526877,
      safetyContactPhoneMasked: '0349-*****34',
      collectorName: '王网格',
    });
    const sqlite = t.core.deps.conn.sqlite;
    const row = sqlite.prepare('SELECT * FROM buildings WHERE id = ?').get(made.id) as Record<string, unknown>;
    expect(row).toMatchObject({ households: 120, longitude: 112.816432, safety_contact_name: '赵安全' });
    expect(row.safety_contact_phone_enc).toMatch(/^v1:/);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = fs.readFileSync(path.join(t.dataDir, 'zongzhi.sqlite'));
    expect(file.includes(Buffer.from('6221234'))).toBe(false);

    const edited = t.ok<Building>(
      'buildings.update',
      { ...buildingInput(t), id: made.id, households: 125, longitude: null, latitude: null },
      s.clerk,
    );
    expect(edited).toMatchObject({ households: 125, longitude: null, safetyContactPhoneMasked: '0349-*****34' });
    expect(refusal(t.call('buildings.reveal', { id: made.id }, s.clerk)).code).toBe('FORBIDDEN');
    expect(t.ok('buildings.reveal', { id: made.id }, s.reviewer)).toEqual({
      id: made.id,
      name: '玉井小区',
      safetyContactName: '赵安全',
      safetyContactPhone: LANDLINE,
    });
    expect(sqlite.prepare("SELECT username FROM audit_log WHERE method = 'buildings.reveal'").pluck().all()).toEqual([
      'shen',
    ]);
    expect(sqlite.prepare("SELECT detail FROM audit_log WHERE method = 'buildings.create'").pluck().get()).toContain(
      '0349-*****34',
    );

    t.ok('buildings.delete', { id: made.id }, s.clerk);
    expect(sqlite.prepare('SELECT deleted_at FROM buildings WHERE id = ?').pluck().get(made.id)).toBeTruthy();
    // The name is free again once the old collection is deleted.
    expect(t.ok<Building>('buildings.create', buildingInput(t), s.clerk).name).toBe('玉井小区');
  });

  it('keeps names unique per village and refuses bad counts, coordinates and phones by field', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    t.ok('buildings.create', buildingInput(t), s.clerk);
    const bad = (extra: Record<string, unknown>) =>
      refusal(t!.call('buildings.create', buildingInput(t!, { name: '新建楼院', ...extra }), s.clerk)).issue;
    expect(bad({ name: '玉井小区' })).toEqual({
      path: ['name'],
      message: '本村（社区）已登记名为「玉井小区」的小区/楼院，请勿重复采集',
    });
    // Another village may have its own 玉井小区.
    const [, v2] = t.ok<{ id: string }[]>('org.listVillages', {}, s.admin);
    expect(
      t.ok<Building>('buildings.create', buildingInput(t, { villageId: v2!.id, gridId: t.gridB }), s.clerk).name,
    ).toBe('玉井小区');
    expect(bad({ households: -3 })).toEqual({ path: ['households'], message: '户数不能为负数' });
    expect(bad({ shops: 1.5 })).toEqual({ path: ['shops'], message: '商户数必须是整数' });
    expect(bad({ latitude: null })).toEqual({ path: ['latitude'], message: '填写了经度，请同时填写纬度' });
    expect(bad({ longitude: null })).toEqual({ path: ['longitude'], message: '填写了纬度，请同时填写经度' });
    expect(bad({ longitude: 150 })).toEqual({ path: ['longitude'], message: '经度应在 73.5–135.1 之间（中国境内）' });
    expect(bad({ kind: 'castle' })).toEqual({ path: ['kind'], message: '请选择楼院类型' });
    expect(bad({ safetyContactPhone: '0349-12' })).toEqual({
      path: ['safetyContactPhone'],
      message: '安全联络人电话固定电话号码应为 7–8 位（不含区号），实为 2 位',
    });
    expect(bad({ collectedOn: '2026-12-01' })).toEqual({ path: ['collectedOn'], message: '采集日期不能晚于今天' });
    expect(bad({ name: '' })).toEqual({ path: ['name'], message: '请填写小区/楼院名称' });
    expect(t.count('buildings')).toBe(2);
  });
});

describe('lists and the one count', () => {
  it('filters and pages by village, grid, dates, method/kind and text; the counts equal the list totals', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const [, v2] = t.ok<{ id: string }[]>('org.listVillages', {}, s.admin);
    const inB = { villageId: v2!.id, gridId: t.gridB };
    const days = ['2026-08-30', '2026-09-01', '2026-09-15', '2026-09-29'];
    for (const [i, day] of days.entries()) {
      t.ok('visits.create', visitInput(t, { visitedOn: day, method: i % 2 ? 'phone' : 'in_person' }), s.clerk);
      t.ok(
        'visits.create',
        visitInput(t, { ...inB, visitedOn: day, subjectName: `赵${i}`, address: '东关村' }),
        s.clerk,
      );
    }
    const gone = t.ok<Visit>('visits.create', visitInput(t, { visitedOn: '2026-09-02' }), s.clerk);
    t.ok('visits.delete', { id: gone.id }, s.clerk);
    const list = (f: Record<string, unknown>) => t!.ok<Page<Visit>>('visits.list', f, s.clerk);

    expect(list({}).total).toBe(8);
    expect(list({}).rows.map((v) => v.visitedOn)).toEqual([...days, ...days].sort().reverse());
    const september = { from: '2026-09-01', to: '2026-09-30' };
    expect(list(september).total).toBe(6);
    expect(list({ ...september, villageId: t.villageA }).total).toBe(3);
    expect(list({ gridId: t.gridB }).total).toBe(4);
    expect(list({ method: 'phone' }).total).toBe(2);
    expect(list({ q: '东关' }).total).toBe(4);
    expect(list({ q: '赵2' }).rows.map((v) => v.subjectName)).toEqual(['赵2']);
    expect(list({ q: '防诈骗' }).total).toBe(8);
    expect(list({ q: '%' }).total).toBe(0);
    const page = list({ offset: 2, limit: 3 });
    expect(page).toMatchObject({ total: 8 });
    expect(page.rows.map((v) => v.visitedOn)).toEqual(['2026-09-15', '2026-09-15', '2026-09-01']);

    const db = t.core.deps.conn.db;
    const period = parsePeriod('2026-09');
    expect(countVisits(db, { period })).toBe(6);
    expect(countVisits(db, { period, villageId: t.villageA })).toBe(3);
    expect(countVisits(db, { period: parsePeriod('2026'), villageId: v2!.id })).toBe(4);
    expect(countVisits(db, { period: parsePeriod('2026-07') })).toBe(0);

    t.ok('buildings.create', buildingInput(t, { collectedOn: '2026-09-05' }), s.clerk);
    t.ok('buildings.create', buildingInput(t, { name: '老供销社院', kind: 'old_compound' }), s.clerk);
    t.ok('buildings.create', buildingInput(t, { ...inB, collectedOn: '2026-08-01' }), s.clerk);
    const blist = (f: Record<string, unknown>) => t!.ok<Page<Building>>('buildings.list', f, s.clerk);
    expect(blist({}).total).toBe(3);
    expect(blist({ kind: 'old_compound' }).rows.map((b) => b.name)).toEqual(['老供销社院']);
    expect(blist({ villageId: t.villageA, ...september }).total).toBe(2);
    expect(blist({ q: '供销' }).total).toBe(1);
    expect(countBuildings(db, { period })).toBe(blist(september).total);
    expect(countBuildings(db, { period: parsePeriod('2026'), villageId: v2!.id })).toBe(1);
    expect(countBuildings(db, { period, kind: 'old_compound' })).toBe(1);
  });
});
