import { afterEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../shared/people/id-number';
import { maskIdNumber } from '../../shared/people/mask';
import { makeTownship } from '../helpers/core';
import { STANDARD_HEADERS, syntheticRosterBytes, workbookBytes } from '../helpers/roster-xlsx';

type T = ReturnType<typeof makeTownship>;
let t: T;
afterEach(() => t?.core.close());

const id = (seq: number) => {
  const first17 = `140621198005171${String(seq).padStart(2, '0')}`;
  return first17 + idCheckChar(first17);
};
const badCheck = (n: string) => n.slice(0, 17) + (n[17] === '0' ? '1' : '0');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function call(t: T, method: string, input: unknown, session: string) {
  const r = await t.core.dispatch.async!({ method, input, session });
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.data as any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function setup() {
  t = makeTownship();
  const v = t.ok<{ id: string; name: string }[]>('org.listVillages', {}, t.clerk).find((x) => x.name === '玉井村')!;
  const input = (name: string) => ({ villageId: v.id, type: 'village', name, households: 300, residents: 900 });
  const g1 = t.ok('org.createGrid', input('第一网格'), t.clerk);
  t.ok('org.createGrid', input('第二网格'), t.clerk);
  return { g1 };
}

const row = (grid: string, name: string, idNumber: string, employment = '专职', phone = '13912345678') => [
  1,
  grid,
  name,
  idNumber,
  '',
  '',
  phone,
  employment,
  '中共党员',
  '大专',
  '2025-03-01',
  '',
];

describe('roster import', () => {
  it('previews rows as new / update / error with reasons, then commits every valid row in one call', async () => {
    const { g1 } = setup();
    const existing = t.ok('people.create', { name: '王老', idNumber: id(1), phone: '18000000001' }, t.clerk);
    const file = b64(
      await workbookBytes({
        title: '2026年玉井镇网格员花名册',
        headers: STANDARD_HEADERS,
        rows: [
          row('第一网格', '王老', id(1), '兼职'),
          row('140621100200002', '李新', id(3)),
          row('第一网格', '赵错', badCheck(id(5))),
          row('第九网格', '钱无', id(7)),
          row('第二网格', '孙缺', id(9), ''),
        ],
      }),
    );
    const preview = await call(t, 'people.importPreview', { file }, t.clerk);
    expect(preview.ok).toBe(true);
    expect(preview.counts).toEqual({ new: 1, update: 1, error: 3 });
    const byName = (n: string) => preview.rows.find((r: { name: string | null }) => r.name === n);
    expect(byName('王老')).toMatchObject({ status: 'update', grid: '玉井村 第一网格', employment: 'part_time' });
    expect(byName('李新')).toMatchObject({
      status: 'new',
      grid: '玉井村 第二网格',
      idNumberMasked: maskIdNumber(id(3)),
    });
    expect(byName('钱无').messages[0]).toContain('找不到网格「第九网格」');
    expect(byName('孙缺').messages[0]).toContain('专兼职');
    const bad = preview.rows.find((r: { row: number }) => r.row === 5);
    // An error row still names the person and the masked number, so the clerk finds the line.
    expect(bad).toMatchObject({ status: 'error', name: '赵错', idNumberMasked: maskIdNumber(badCheck(id(5))) });
    expect(bad.messages.join()).toContain('校验位错误');
    expect(JSON.stringify(preview)).not.toContain(id(3));
    expect(t.count('persons')).toBe(1); // a preview writes nothing

    const done = await call(t, 'people.importCommit', { file }, t.clerk);
    expect(done).toEqual({ created: 1, updated: 1, postsAdded: 2, skipped: 3 });
    const list = t.ok<{ name: string; posts: string[]; phoneMasked: string; partyMember: boolean }[]>(
      'people.list',
      {},
      t.clerk,
    );
    expect(list.map((p) => p.name).sort()).toEqual(['李新', '王老'].sort());
    const wang = list.find((p) => p.name === '王老')!;
    expect(wang).toMatchObject({ posts: ['网格员（兼职） · 第一网格'], phoneMasked: '139****5678', partyMember: true });
    expect(t.ok('people.teamOfGrid', { gridId: g1.id }, t.clerk).counts.partTime).toBe(1);
    expect(existing.id).toBe(t.ok('people.list', { search: '王老' }, t.clerk)[0].id);
    // The audit entry names the file's size, not its content.
    const detail = t.core.deps.conn.sqlite
      .prepare("SELECT detail FROM audit_log WHERE method = 'people.importCommit'")
      .pluck()
      .get() as string;
    expect(detail).toMatch(/^\{"file":"（文件 \d+ KB）"\}$/);

    // Importing the same file again changes nothing but keeps the posts as they are.
    const again = await call(t, 'people.importCommit', { file }, t.clerk);
    expect(again).toEqual({ created: 0, updated: 2, postsAdded: 0, skipped: 3 });
    expect(t.count('posts')).toBe(2);
  });

  it('refuses a broken file with one message and writes nothing; a 审核人 may not import', async () => {
    setup();
    const file = Buffer.from('这不是表格').toString('base64');
    const preview = await call(t, 'people.importPreview', { file }, t.clerk);
    expect(preview).toMatchObject({ ok: false, message: expect.any(String) });
    const r = await t.core.dispatch.async!({ method: 'people.importCommit', input: { file }, session: t.clerk });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['file'] }] } });
    const forbidden = await t.core.dispatch.async!({
      method: 'people.importCommit',
      input: { file },
      session: t.reviewer,
    });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The sync entry refuses a method that needs its preparation step.
    expect(t.call('people.importPreview', { file }, t.clerk)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(t.count('persons')).toBe(0);
  });

  it('rolls the whole import back when one row fails at commit', async () => {
    setup();
    const file = b64(
      await workbookBytes({
        headers: STANDARD_HEADERS,
        rows: [row('第一网格', '周甲', id(11)), row('第一网格', '周乙', id(13))],
      }),
    );
    // A fault on the second row's post, after the first row's person and post were written.
    t.core.deps.conn.sqlite.exec(`CREATE TEMP TRIGGER fail_second BEFORE INSERT ON posts
      WHEN NEW.person_id IN (SELECT id FROM persons WHERE name = '周乙')
      BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    const auditBefore = t.count('audit_log');
    const r = await t.core.dispatch.async!({ method: 'people.importCommit', input: { file }, session: t.clerk });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(t.count('persons')).toBe(0);
    expect(t.count('audit_log')).toBe(auditBefore);
    expect(t.count('posts')).toBe(0);
  });

  // How fast is measured by tests/bench/roster-import.bench.ts; a test here must not depend on time.
  it('previews 5,000 rows, every one accounted for', async () => {
    setup();
    const file = b64(await syntheticRosterBytes(5000, '2026-11-26'));
    const preview = await call(t, 'people.importPreview', { file }, t.clerk);
    expect(preview.ok).toBe(true);
    expect(preview.rows).toHaveLength(5000);
    expect(preview.counts.new + preview.counts.update + preview.counts.error).toBe(5000);
  });
});
