import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LOOKUPS } from '../../main/core/audit/lookups';
import { idCheckChar } from '../../shared/people/id-number';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { STANDARD_HEADERS, workbookBytes } from '../helpers/roster-xlsx';

type T = ReturnType<typeof makeCaseTownship>;
let t: T;
afterEach(() => t?.core.close());

const idOf = (seq: number) => {
  const first17 = `140621198005171${String(seq).padStart(2, '0')}`;
  return first17 + idCheckChar(first17);
};

/** The audit log's lookup rows for a user: method, record and what they say. */
function lookups(username: string) {
  return (
    t.core.deps.conn.sqlite
      .prepare(
        "SELECT method, record_id AS recordId, detail FROM audit_log WHERE username = ? AND method LIKE 'lookup.%' ORDER BY id",
      )
      .all(username) as { method: string; recordId: string | null; detail: string }[]
  ).map((r) => ({ ...r, detail: JSON.parse(r.detail) }));
}

describe('answers that confirm a sealed value', () => {
  it('cases.byContact: every lookup is audited with the cases it found, and a user gets 30 in 10 minutes', () => {
    t = makeCaseTownship();
    const { clerk } = t.sessions;
    const made = t.ok<{ case: { id: string } }>('cases.create', caseInput(t.gridA), clerk).case;

    expect(t.ok<{ id: string }[]>('cases.byContact', { phone: '13800138000' }, clerk).map((c) => c.id)).toEqual([
      made.id,
    ]);
    expect(t.ok('cases.byContact', { phone: '13900000001' }, clerk)).toEqual([]);
    expect(lookups('lu')).toEqual([
      { method: 'lookup.phone', recordId: made.id, detail: { via: 'cases.byContact', checked: 1, matched: [made.id] } },
      { method: 'lookup.phone', recordId: null, detail: { via: 'cases.byContact', checked: 1, matched: [] } },
    ]);

    // Trying numbers one after another: refused once the window's allowance is used, and the
    // refusal answers nothing about the number.
    for (let i = lookups('lu').length; i < MAX_LOOKUPS; i++) {
      expect(t.call('cases.byContact', { phone: `1390000${String(1000 + i).padStart(4, '0')}` }, clerk).ok).toBe(true);
    }
    const refused = t.call('cases.byContact', { phone: '13800138000' }, clerk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(refused)).toContain('查询过于频繁');
    expect(JSON.stringify(refused)).not.toContain(made.id);
    expect(lookups('lu')).toHaveLength(MAX_LOOKUPS);
    // Another login of the same user does not start a new allowance; another user has their own.
    expect(t.call('cases.byContact', { phone: '13800138000' }, t.login('lu')).ok).toBe(false);
    expect(t.call('cases.byContact', { phone: '13800138000' }, t.sessions.reviewer).ok).toBe(true);
    // Ten minutes later the user may look up again.
    t.at('2026-09-30T10:11:00+08:00');
    expect(t.call('cases.byContact', { phone: '13800138000' }, t.fresh().clerk).ok).toBe(true);
  });

  it('people.create refused as a duplicate names the holder, and that is audited though nothing is written', () => {
    t = makeCaseTownship();
    const { clerk } = t.sessions;
    const holder = t.ok<{ id: string }>('people.create', { name: '王老', idNumber: idOf(1) }, clerk);
    const persons = t.count('persons');
    const twin = t.call('people.create', { name: '冒名', idNumber: idOf(1) }, clerk);
    expect(twin).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(twin)).toContain('已登记为「王老」');
    expect(t.count('persons')).toBe(persons);
    expect(lookups('lu')).toEqual([
      {
        method: 'lookup.idNumber',
        recordId: holder.id,
        detail: { via: 'people.create', checked: 1, matched: [holder.id] },
      },
    ]);
    // A number not on file is just created: the write itself is audited, not as a lookup.
    t.ok('people.create', { name: '李新', idNumber: idOf(2) }, clerk);
    expect(lookups('lu')).toHaveLength(1);
  });

  it('people.importPreview (a read) audits the numbers it checked and whose they were', async () => {
    t = makeCaseTownship();
    const { clerk } = t.sessions;
    const holder = t.ok<{ id: string }>('people.create', { name: '王老', idNumber: idOf(1) }, clerk);
    const line = (name: string, idNumber: string) => [1, '', name, idNumber, '', '', '13912345678', '', '', '', '', ''];
    const file = Buffer.from(
      await workbookBytes({
        title: '花名册',
        headers: STANDARD_HEADERS,
        rows: [line('甲', idOf(1)), line('乙', idOf(3)), line('丙', idOf(5))],
      }),
    ).toString('base64');
    const r = await t.core.dispatch.async!({ method: 'people.importPreview', input: { file }, session: clerk });
    expect(r.ok).toBe(true);
    expect(lookups('lu')).toEqual([
      {
        method: 'lookup.idNumber',
        recordId: holder.id,
        detail: { via: 'people.importPreview', checked: 3, matched: [holder.id] },
      },
    ]);
  });
});
