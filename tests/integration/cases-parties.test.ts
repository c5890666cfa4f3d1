import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseInput, makeCaseTownship } from '../helpers/cases';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

const ID = '11010519491231002X'; // GB 11643's published example: female, born 1949-12-31
const PHONE = '13903491234';
const ADDRESS = '山西省朔州市山阴县玉井镇玉井村三组18号';
const APPLICANT = { role: 'applicant', name: '李申请', idNumber: ID, phone: PHONE, address: ADDRESS };
const RESPONDENT = { role: 'respondent', name: '赵被申', note: '外出务工，周末在家' };

type Party = { id: string; role: string; name: string; sex: string | null } & Record<string, unknown>;
type Detail = { case: { id: string; state: string }; parties: Party[]; events: { action: string; text: string }[] };

describe('当事人 of a dispute case', () => {
  it('registers parties with the case, sealed at rest and masked in every view', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const made = t.ok<Detail>('cases.create', caseInput(t.gridA, { parties: [APPLICANT, RESPONDENT] }), s.clerk);
    expect(made.parties).toEqual([
      expect.objectContaining({
        role: 'applicant',
        name: '李申请',
        sex: 'female',
        idNumberMasked: '110105************',
        phoneMasked: '139****1234',
        addressMasked: '山西省朔州市山阴县****',
        note: null,
      }),
      expect.objectContaining({
        role: 'respondent',
        name: '赵被申',
        sex: null,
        idNumberMasked: null,
        phoneMasked: null,
        addressMasked: null,
        note: '外出务工，周末在家',
      }),
    ]);
    expect(made.events.map((e) => e.text)).toEqual([expect.stringMatching(/，当事人 李申请、赵被申$/)]);
    expect(t.ok<Detail>('cases.get', { id: made.case.id }, s.reviewer).parties.map((p) => p.name)).toEqual([
      '李申请',
      '赵被申',
    ]);

    // Stored sealed: ciphertext in the columns, none of the plain values anywhere in the database file.
    const sqlite = t.core.deps.conn.sqlite;
    const row = sqlite.prepare("SELECT * FROM case_parties WHERE name = '李申请'").get() as Record<string, string>;
    for (const col of ['id_number_enc', 'phone_enc', 'address_enc']) expect(row[col]).toMatch(/^v1:/);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = fs.readFileSync(path.join(t.dataDir, 'zongzhi.sqlite'));
    expect(file.length).toBeGreaterThan(0);
    for (const plain of [ID, PHONE, ADDRESS, '玉井村三组18号']) expect(file.includes(Buffer.from(plain))).toBe(false);
    // The name is not personal-number data and is stored plainly (it is what the clerk searches by eye).
    expect(file.includes(Buffer.from('李申请'))).toBe(true);
  });

  it('adds, edits and removes a party, one timeline entry each; numbers left out stay', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const made = t.ok<Detail>('cases.create', caseInput(t.gridA), s.clerk);
    const added = t.ok<Detail>('cases.addParty', { caseId: made.case.id, ...APPLICANT }, s.clerk);
    const party = added.parties[0]!;
    expect(added.events.at(-1)).toMatchObject({ action: 'party', text: '新增当事人：申请人 李申请' });

    // The form sends no numbers back (it only ever holds the masked ones): they stay as they were.
    const edited = t.ok<Detail>(
      'cases.updateParty',
      { id: party.id, role: 'third', name: '李第三', note: '与双方均有往来' },
      s.clerk,
    );
    expect(edited.parties[0]).toMatchObject({
      role: 'third',
      name: '李第三',
      idNumberMasked: '110105************',
      phoneMasked: '139****1234',
      note: '与双方均有往来',
    });
    expect(edited.events.at(-1)!.text).toBe('修改当事人：第三人 李第三（原为申请人 李申请）');
    // An empty phone clears it; the rest stays.
    const cleared = t.ok<Detail>(
      'cases.updateParty',
      { id: party.id, role: 'third', name: '李第三', phone: '' },
      s.clerk,
    );
    expect(cleared.parties[0]).toMatchObject({ phoneMasked: null, idNumberMasked: '110105************' });

    const removed = t.ok<Detail>('cases.removeParty', { id: party.id }, s.clerk);
    expect(removed.parties).toEqual([]);
    expect(removed.events.at(-1)!.text).toBe('删除当事人：第三人 李第三');
    // A tombstone (the county learns of the removal), and the timeline never holds a number.
    const sqlite = t.core.deps.conn.sqlite;
    expect(sqlite.prepare('SELECT deleted_at IS NOT NULL FROM case_parties WHERE id = ?').pluck().get(party.id)).toBe(
      1,
    );
    const payloads = sqlite.prepare("SELECT payload FROM case_events WHERE action = 'party'").pluck().all() as string[];
    expect(payloads).toHaveLength(4);
    for (const p of payloads) expect(p).not.toMatch(/1101|1390349|玉井村三组/);
    expect(t.call('cases.removeParty', { id: party.id }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('reveals the full numbers to 审核人 (audited) and refuses 录入员', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const made = t.ok<Detail>('cases.create', caseInput(t.gridA, { parties: [APPLICANT] }), s.clerk);
    const id = made.parties[0]!.id;
    expect(t.call('cases.revealParty', { id }, s.clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.ok('cases.revealParty', { id }, s.reviewer)).toEqual({
      id,
      name: '李申请',
      idNumber: ID,
      phone: PHONE,
      address: ADDRESS,
    });
    const sqlite = t.core.deps.conn.sqlite;
    const audit = sqlite
      .prepare("SELECT method, record_id, username FROM audit_log WHERE method = 'cases.revealParty'")
      .all();
    expect(audit).toEqual([{ method: 'cases.revealParty', record_id: id, username: 'shen' }]);
    // The registration's audit entry holds the numbers masked, as every other write does.
    const created = sqlite
      .prepare("SELECT detail FROM audit_log WHERE method = 'cases.create'")
      .pluck()
      .get() as string;
    expect(created).toContain('110105************');
    expect(created).not.toContain(ID);
  });

  it('names the field of a bad number, and keeps parties to open dispute cases', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const bad = t.call(
      'cases.create',
      caseInput(t.gridA, {
        parties: [RESPONDENT, { role: 'applicant', name: '王五', idNumber: '110105194912310021' }],
      }),
      s.clerk,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: [{ path: ['parties', 1, 'idNumber'], message: '当事人身份证号校验位错误，应为 X' }],
      },
    });
    expect(t.count('cases')).toBe(0);
    const made = t.ok<Detail>('cases.create', caseInput(t.gridA), s.clerk);
    const add = (extra: Record<string, unknown>) =>
      t!.call('cases.addParty', { caseId: made.case.id, role: 'applicant', name: '王五', ...extra }, s.clerk);
    expect(add({ phone: '12345' })).toMatchObject({
      error: { code: 'VALIDATION', issues: [{ path: ['phone'], message: expect.stringMatching(/^当事人联系电话/) }] },
    });
    expect(add({ role: 'witness' })).toMatchObject({
      error: { issues: [{ path: ['role'], message: '请选择当事人类型（申请人、被申请人或第三人）' }] },
    });
    expect(add({ name: ' ' })).toMatchObject({ error: { issues: [{ path: ['name'], message: '请填写当事人姓名' }] } });
    expect(t.count('case_parties')).toBe(0);

    // 治安隐患 is not a dispute: no parties at registration or after.
    const other = caseInput(t.gridA, { categoryCode: '02', subcategoryCode: '01' });
    expect(t.call('cases.create', { ...other, parties: [RESPONDENT] }, s.clerk)).toMatchObject({
      error: { code: 'VALIDATION', issues: [{ path: ['parties'], message: '只有矛盾纠纷类事件才能登记当事人' }] },
    });
    const plain = t.ok<Detail>('cases.create', other, s.clerk);
    expect(t.call('cases.addParty', { caseId: plain.case.id, ...RESPONDENT }, s.clerk)).toMatchObject({
      error: { code: 'CONFLICT', message: '只有矛盾纠纷类事件才能登记当事人' },
    });

    // An ended case keeps its parties as they were.
    t.ok('cases.addParty', { caseId: made.case.id, ...RESPONDENT }, s.clerk);
    t.ok('cases.act', { id: made.case.id, action: 'report' }, s.clerk);
    const ended = t.ok<Detail>(
      'cases.act',
      { id: made.case.id, action: 'reject', payload: { reason: '不属于本中心受理范围' } },
      s.reviewer,
    );
    expect(ended.case.state).toBe('rejected');
    expect(t.call('cases.removeParty', { id: ended.parties[0]!.id }, s.clerk)).toMatchObject({
      error: { code: 'CONFLICT', message: '事件已结束，不能再修改当事人' },
    });
  });

  it('keeps 涉及人数 at least the named parties: refused at registration, raised by a third party', () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const three = [APPLICANT, RESPONDENT, { role: 'third', name: '钱第三' }];
    expect(t.call('cases.create', caseInput(t.gridA, { peopleInvolved: 2, parties: three }), s.clerk)).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: [{ path: ['peopleInvolved'], message: '涉及人数（2 人）不能少于登记的当事人（3 人）' }],
      },
    });
    expect(t.count('cases')).toBe(0);

    const made = t.ok<Detail & { case: { peopleInvolved: number } }>(
      'cases.create',
      caseInput(t.gridA, { peopleInvolved: 2, parties: [APPLICANT, RESPONDENT] }),
      s.clerk,
    );
    expect(made.case.peopleInvolved).toBe(2);
    const raised = t.ok<Detail & { case: { peopleInvolved: number } }>(
      'cases.addParty',
      { caseId: made.case.id, role: 'third', name: '钱第三' },
      s.clerk,
    );
    expect(raised.case.peopleInvolved).toBe(3);
    expect(raised.events.at(-1)!.text).toBe('新增当事人：第三人 钱第三，涉及人数由 2 人调整为 3 人');
    const sqlite = t.core.deps.conn.sqlite;
    expect(sqlite.prepare('SELECT people_involved FROM cases WHERE id = ?').pluck().get(made.case.id)).toBe(3);

    // Removing a party leaves the count: the people are still involved, only no longer named.
    const removed = t.ok<Detail & { case: { peopleInvolved: number } }>(
      'cases.removeParty',
      { id: raised.parties[2]!.id },
      s.clerk,
    );
    expect(removed.case.peopleInvolved).toBe(3);
    // Within the count nothing changes but the party list.
    const again = t.ok<Detail & { case: { peopleInvolved: number } }>(
      'cases.addParty',
      { caseId: made.case.id, role: 'third', name: '孙第三' },
      s.clerk,
    );
    expect(again.case.peopleInvolved).toBe(3);
    expect(again.events.at(-1)!.text).toBe('新增当事人：第三人 孙第三');
  });
});
