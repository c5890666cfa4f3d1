import type { CellValue } from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../shared/people/id-number';
import { maskIdNumber } from '../../shared/people/mask';
import { makeTownship } from '../helpers/core';
import {
  encryptedWorkbook,
  oleFile,
  STANDARD_HEADERS,
  syntheticRosterBytes,
  workbookBytes,
} from '../helpers/roster-xlsx';

type T = ReturnType<typeof makeTownship>;
let t: T;
afterEach(() => t?.core.close());

const id = (seq: number) => {
  const first17 = `140621198005171${String(seq).padStart(2, '0')}`;
  return first17 + idCheckChar(first17);
};
/** １３９…: digits as typed with a Chinese input method in full-width mode. */
const toFullWidthDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** Excel's day number for a date (1900 system, counted from 1899-12-30). */
const serial = (iso: string) => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;

function setup() {
  t = makeTownship();
  const v = t.ok<{ id: string; name: string }[]>('org.listVillages', {}, t.clerk).find((x) => x.name === '玉井村')!;
  t.ok(
    'org.createGrid',
    { villageId: v.id, type: 'village', name: '第一网格', households: 300, residents: 900 },
    t.clerk,
  );
}

/** Everything an import could write; a refused file must leave all of it as it was. */
const written = () => ['persons', 'posts', 'audit_log', 'change_log'].map((table) => t.count(table));

async function dispatch(method: string, file: string) {
  return t.core.dispatch.async!({ method, input: { file }, session: t.clerk });
}

describe('roster import through the API: broken files', () => {
  const BROKEN: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    [
      'a text file renamed to .xlsx',
      () => new TextEncoder().encode('姓名,身份证号\n张三,11010519491231002X\n'),
      /不是 Excel 工作簿/,
    ],
    ['an old .xls', () => oleFile('Root Entry', 'Workbook'), /旧版 Excel（\.xls）/],
    ['a password-protected workbook', encryptedWorkbook, /设置了打开密码/],
    ['a workbook with nothing in it', () => workbookBytes({ headers: [], rows: [] }), /工作簿里没有任何数据/],
    ['a truncated workbook', async () => (await syntheticRosterBytes(5, '2026-06-01')).slice(0, 2000), /可能已损坏/],
    [
      'merged header cells',
      () =>
        workbookBytes({
          headers: ['姓名', '身份证号', '联系方式', ''],
          rows: [
            ['', '', '手机', '座机'],
            ['张三', id(1), '13800138000', ''],
          ],
          merges: ['C1:D1'],
        }),
      /表头（第 1 行）有合并单元格：C1、D1/,
    ],
  ];

  for (const [what, make, message] of BROKEN) {
    it(`refuses ${what} with a clear message, writing nothing`, async () => {
      setup();
      const before = written();
      const file = b64(await make());
      const preview = await dispatch('people.importPreview', file);
      expect(preview).toMatchObject({ ok: true, data: { ok: false, message: expect.stringMatching(message) } });
      const commit = await dispatch('people.importCommit', file);
      expect(commit).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(message), issues: [{ path: ['file'] }] },
      });
      expect(written()).toEqual(before);
    });
  }

  it('refuses an empty file (0 bytes), saying so, writing nothing', async () => {
    setup();
    const before = written();
    expect(await dispatch('people.importPreview', '')).toMatchObject({
      ok: true,
      data: { ok: false, message: expect.stringContaining('文件是空的（0 字节）') },
    });
    expect(await dispatch('people.importCommit', '')).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining('文件是空的（0 字节）'),
        issues: [{ path: ['file'] }],
      },
    });
    expect(written()).toEqual(before);
  });
});

describe('roster import through the API: untidy but readable files', () => {
  it('reads dates as text or serial numbers, full-width digits and trailing spaces, and stores clean values', async () => {
    setup();
    // Header names with trailing (and full-width) spaces, as copied from a printed form.
    const headers = STANDARD_HEADERS.map((h) =>
      h === '姓名' ? '姓名　 ' : h === '身份证号' ? '身份证号码  ' : `${h} `,
    );
    const line = (name: string, idNumber: string, registered: CellValue, phone: string): CellValue[] => [
      null,
      '第一网格 ',
      name,
      idNumber,
      null,
      null,
      phone,
      '专职 ',
      '中共党员 ',
      '大专',
      registered,
      null,
    ];
    const file = b64(
      await workbookBytes({
        headers,
        rows: [
          line('张　三 ', toFullWidthDigits(id(1)), serial('2025-03-01'), toFullWidthDigits('13912345678')),
          line('李四  ', ` ${id(3)} `, '2025年3月2日', '13912345679 '),
          line('王五', id(5), '2025.3.3', '13912345670'),
          line('赵六', id(7), '去年三月', '13912345671'),
        ],
      }),
    );
    const preview = await dispatch('people.importPreview', file);
    if (!preview.ok || !preview.data) throw new Error(JSON.stringify(preview));
    const data = preview.data as {
      ok: true;
      rows: { row: number; status: string; name: string | null; idNumberMasked: string | null; messages: string[] }[];
    };
    expect(data.rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'error']);
    // The error row names the person and the (masked) number, so the clerk finds the line.
    expect(data.rows[3]).toMatchObject({ row: 5, name: '赵六', idNumberMasked: maskIdNumber(id(7)) });
    expect(data.rows[3]!.messages.join()).toContain('登记日期');

    const commit = await dispatch('people.importCommit', file);
    expect(commit).toMatchObject({ ok: true, data: { created: 3, skipped: 1 } });
    const rows = t.core.deps.conn.sqlite
      .prepare('SELECT id, name, registered_on AS registeredOn FROM persons ORDER BY registered_on')
      .all() as { id: string; name: string; registeredOn: string }[];
    expect(rows.map((r) => [r.name, r.registeredOn])).toEqual([
      ['张三', '2025-03-01'],
      ['李四', '2025-03-02'],
      ['王五', '2025-03-03'],
    ]);
    const revealed = t.ok<{ idNumber: string; phone: string }>('people.reveal', { id: rows[0]!.id }, t.admin);
    expect(revealed).toEqual(expect.objectContaining({ idNumber: id(1), phone: '13912345678' }));
    expect(t.ok('people.reveal', { id: rows[1]!.id }, t.admin)).toMatchObject({
      idNumber: id(3),
      phone: '13912345679',
    });
    expect(t.count('posts')).toBe(3);
  });
});
