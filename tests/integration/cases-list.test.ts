import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSearchFunction } from '../../main/core/cases/search';
import { callAsync, sha256, uploadFile } from '../helpers/attachments';
import { caseInput, makeCaseTownship } from '../helpers/cases';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

type Row = { number: string; state: string; source: string; gridId: string; villageName: string };
const numbers = (r: { rows: Row[] }) => r.rows.map((x) => x.number.slice(-2));

describe('the case list', () => {
  it('filters, sorts and pages in SQL, with a total', () => {
    t = makeCaseTownship('2026-09-30T10:00:00+08:00');
    const s = t.sessions;
    const assign = { action: 'assign', payload: { assignee: { kind: 'gridWorker', id: t.worker, name: '王网格' } } };
    let clerk = s.clerk;
    const make = (extra: Record<string, unknown>) => t!.ok('cases.create', caseInput(t!.gridA, extra), clerk).case;
    // 01: grid A, registered, occurred earliest
    make({ occurredAt: '2026-09-28T08:00:00+08:00' });
    // 02: grid B, 12345, assigned to the worker
    make({
      gridId: t.gridB,
      source: 'transfer12345',
      occurredAt: '2026-09-30T09:00:00+08:00',
      then: [{ action: 'report' }, { action: 'accept' }, assign],
    });
    // 03: grid A, 治安隐患, reported
    make({
      categoryCode: '02',
      subcategoryCode: '01',
      occurredAt: '2026-09-29T08:00:00+08:00',
      then: [{ action: 'report' }],
    });
    t.at('2026-10-08T10:00:00+08:00');
    clerk = t.login('lu'); // sessions end after 12 idle hours
    // 04, 05: in October
    make({ occurredAt: '2026-10-08T09:00:00+08:00', then: [{ action: 'report' }] });
    make({ gridId: t.gridB, occurredAt: '2026-10-08T09:30:00+08:00' });
    const c = clerk;
    const list = (input: object, session = c) => t!.ok<{ rows: Row[]; total: number }>('cases.list', input, session);

    expect(numbers(list({}))).toEqual(['05', '04', '03', '02', '01']); // newest first
    expect(numbers(list({ sort: 'occurredAt', dir: 'asc' }))).toEqual(['01', '03', '02', '04', '05']);
    const page = list({ offset: 2, limit: 2 });
    expect(numbers(page)).toEqual(['03', '02']);
    expect(page.total).toBe(5);
    expect(numbers(list({ states: ['reported'] }))).toEqual(['04', '03']);
    expect(numbers(list({ gridId: t.gridB }))).toEqual(['05', '02']);
    expect(numbers(list({ villageId: t.villageA }))).toEqual(['04', '03', '01']);
    expect(numbers(list({ categoryCode: '02' }))).toEqual(['03']);
    expect(numbers(list({ categoryCode: '01', subcategoryCode: '02' }))).toEqual(['05', '04', '02', '01']);
    expect(numbers(list({ source: 'transfer12345' }))).toEqual(['02']);
    expect(numbers(list({ assigneeId: t.worker }))).toEqual(['02']);
    expect(numbers(list({ quick: 'thisMonth' }))).toEqual(['05', '04']);
    // 待我处理: the clerk reports (01, 05) and handles (02); the reviewer screens (03, 04).
    expect(numbers(list({ quick: 'mine' }))).toEqual(['05', '02', '01']);
    expect(numbers(list({ quick: 'mine' }, t.login('shen')))).toEqual(['04', '03']);
    // 02's 3 days to handle (Thu 8, Fri 9, Sat 10 Oct) have only begun.
    expect(numbers(list({ quick: 'dueSoon' }))).toEqual([]);
    expect(numbers(list({ quick: 'overdue' }))).toEqual([]);
    const combined = list({ gridId: t.gridA, states: ['registered', 'reported'], sort: 'occurredAt', dir: 'desc' });
    expect(combined).toMatchObject({ total: 3 });
    expect(numbers(combined)).toEqual(['04', '03', '01']);
    expect(list({}).rows[0]).toMatchObject({ villageName: expect.any(String), gridId: t.gridB });

    expect(t.call('cases.list', { sort: 'summary' }, c)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.call('cases.list', { limit: 10_000 }, c)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['limit'] }] },
    });
  });

  it('pages by an index walk, not a sort of the whole table', () => {
    t = makeCaseTownship();
    const plan = (where: string, order: string) =>
      (
        t!.core.deps.conn.sqlite
          .prepare(
            `EXPLAIN QUERY PLAN SELECT * FROM cases WHERE deleted_at IS NULL ${where} ORDER BY ${order} LIMIT 50`,
          )
          .all('x') as { detail: string }[]
      )
        .map((r) => r.detail)
        .join(' | ');
    const cases = [
      ['AND grid_id = ?', 'created_at DESC, id DESC', 'cases_grid_created_idx'],
      ['AND village_id = ?', 'created_at DESC, id DESC', 'cases_village_created_idx'],
      ['AND state = ?', 'created_at DESC, id DESC', 'cases_state_created_idx'],
      ['AND source = ?', 'created_at DESC, id DESC', 'cases_source_created_idx'],
      ['AND assignee_id = ?', 'created_at DESC, id DESC', 'cases_assignee_created_idx'],
      ['AND awaiting = ?', 'created_at DESC, id DESC', 'cases_awaiting_created_idx'],
      ['AND due_at < ?', 'due_at ASC, id ASC', 'cases_due_idx'],
      ['AND created_at >= ?', 'created_at DESC, id DESC', 'cases_created_idx'],
    ];
    for (const [where, order, index] of cases) {
      const detail = plan(where!, order!);
      expect(detail, where).toContain(index);
      expect(detail, where).not.toContain('TEMP B-TREE');
    }
  });

  it('counts a second filter inside the first one’s index, never reading table rows', () => {
    t = makeCaseTownship();
    const countPlan = (where: string) =>
      (
        t!.core.deps.conn.sqlite
          .prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM cases WHERE deleted_at IS NULL AND ${where}`)
          .all('x', 'y') as { detail: string }[]
      )
        .map((r) => r.detail)
        .join(' | ');
    // village + source was 177 ms at 1M cases with a table read per village case (cases-list.bench.ts).
    for (const where of [
      'village_id = ? AND source = ?',
      'grid_id = ? AND category_code = ?',
      'state = ? AND source = ?',
    ]) {
      expect(countPlan(where), where).toContain('COVERING INDEX');
    }
  });

  it('keeps the unfiltered total true after writes here and from another connection', () => {
    t = makeCaseTownship();
    const total = () => t!.ok<{ total: number }>('cases.list', {}, t!.sessions.clerk).total;
    expect(total()).toBe(0);
    t.ok('cases.create', caseInput(t.gridA), t.sessions.clerk);
    expect(total()).toBe(1);
    expect(total()).toBe(1); // the remembered count
    // A write the core did not make (another process on the same file) is seen through data_version.
    const other = new Database(t.core.paths.dbFile);
    registerSearchFunction(other); // as every connection does, for the search index's triggers
    other.prepare(`UPDATE cases SET deleted_at = '2026-09-30T03:00:00.000Z'`).run();
    other.close();
    expect(total()).toBe(0);
  });

  it('finds a caller’s earlier cases by phone in any written form, masked; the full number is a logged reveal', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const a = t.ok('cases.create', caseInput(t.gridA, { reporterContact: '13800138000' }), s.clerk).case;
    t.ok('cases.create', caseInput(t.gridA, { reporterContact: '13900139000' }), s.clerk);
    const found = t.ok('cases.byContact', { phone: '+86 138 0013 8000' }, s.clerk);
    expect(found.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(found[0].contactMasked).toBe('138****8000');
    expect(t.ok('cases.byContact', { phone: '13700137000' }, s.clerk)).toEqual([]);
    expect(t.call('cases.byContact', { phone: '123' }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['phone'] }] },
    });
    // Stored sealed: no plaintext number in the database.
    const raw = t.core.deps.conn.sqlite
      .prepare('SELECT reporter_contact_enc FROM cases WHERE id = ?')
      .pluck()
      .get(a.id);
    expect(String(raw)).not.toContain('13800138000');
    // Nor in the audit log, which keeps what each call was given, masked.
    const logged = t.core.deps.conn.sqlite.prepare('SELECT group_concat(detail) FROM audit_log').pluck().get();
    expect(logged).toContain('138****8000');
    expect(logged).not.toContain('13800138000');

    expect(t.call('cases.revealContact', { id: a.id }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(t.ok('cases.revealContact', { id: a.id }, s.reviewer)).toMatchObject({ contact: '13800138000' });
    const audit = t.core.deps.conn.sqlite
      .prepare("SELECT method, record_id, username FROM audit_log WHERE method = 'cases.revealContact'")
      .all();
    expect(audit).toEqual([{ method: 'cases.revealContact', record_id: a.id, username: 'shen' }]);
  });

  it('stores each attachment file once per hash, and reads it back', async () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const one = t.ok('cases.create', caseInput(t.gridA), s.clerk).case;
    const two = t.ok('cases.create', caseInput(t.gridB), s.clerk).case;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('一张现场照片')]);
    const photo = bytes.toString('base64');
    type Stored = { id: string; sha256: string; size: number; mime: string };
    const stored = async (caseId: string, data: string, name?: string) => {
      const r = await uploadFile(t!, s.clerk, caseId, Buffer.from(data, 'base64'), name);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.data as Stored;
    };
    const first = await stored(one.id, photo);
    expect(first).toMatchObject({ size: bytes.length, mime: 'image/jpeg' });
    const again = await stored(one.id, photo, '现场(1).jpg');
    const other = await stored(two.id, photo);
    expect(again.id).toBe(first.id); // same case, same file: same row
    expect(other.sha256).toBe(first.sha256);
    expect(other.id).not.toBe(first.id);
    expect(t.count('case_attachments')).toBe(2);
    const dir = t.core.deps.attachmentsDir;
    const files = fs.readdirSync(dir).flatMap((d) => fs.readdirSync(path.join(dir, d)));
    expect(files).toHaveLength(1);

    const listed = t.ok('cases.listAttachments', { caseId: two.id }, s.clerk);
    expect(listed).toHaveLength(1);
    const read = t.ok('cases.getAttachment', { id: listed[0].id }, s.clerk);
    expect(read.data).toBe(photo);
    expect(t.ok('cases.get', { id: one.id }, s.clerk).attachments).toHaveLength(1);

    const begun = t.ok('cases.beginAttachment', { caseId: one.id, name: 'a', size: 3, sha256: sha256(bytes) }, s.clerk);
    const bad = await callAsync(
      t,
      'cases.attachmentChunk',
      { uploadId: begun.uploadId, index: 0, data: '@@@' },
      s.clerk,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['data'] }] } });
    const missing = t.call(
      'cases.beginAttachment',
      { caseId: '01890000-0000-7000-8000-000000000000', name: 'a', size: 3, sha256: sha256(bytes) },
      s.clerk,
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The sync dispatcher path refuses finishing: the file must be put together before the transaction.
    expect(t.call('cases.finishAttachment', { uploadId: begun.uploadId }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('records mediation on dispute cases only', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const dispute = t.ok('cases.create', caseInput(t.gridA), s.clerk).case;
    const hazard = t.ok(
      'cases.create',
      caseInput(t.gridA, { categoryCode: '02', subcategoryCode: '01' }),
      s.clerk,
    ).case;
    const input = {
      method: 'people',
      organisation: '玉井村人民调解委员会',
      responsible: '赵调解',
      level: 'village',
      result: 'success',
      outcome: '达成协议',
    };
    const r = t.ok('cases.setMediation', { id: dispute.id, ...input }, s.clerk);
    expect(r.case).toMatchObject({
      mediationMethod: 'people',
      mediationLevel: 'village',
      mediationResult: 'success',
      mediationOutcome: '达成协议',
    });
    expect(r.events.at(-1).text).toBe('登记调解情况：玉井村人民调解委员会（责任人 赵调解），调解成功');
    expect(t.call('cases.setMediation', { id: hazard.id, ...input }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // The methods offices list; 联合调解 stays readable on old cases but is no longer taken.
    expect(t.call('cases.setMediation', { id: dispute.id, ...input, method: 'joint' }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '校验失败（method）：请选择调解方式' },
    });
  });
});
