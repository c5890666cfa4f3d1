import type { CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matchHeader, ROSTER_COLUMNS, ROSTER_FIELDS } from '../../main/core/people/roster-import/columns';
import { parseRoster } from '../../main/core/people/roster-import/parse';
import type { RosterParseResult, RosterRowResult } from '../../main/core/people/roster-import/types';
import { idCheckChar } from '../../shared/people/id-number';
import {
  encryptedWorkbook,
  oleFile,
  STANDARD_HEADERS,
  syntheticRosterBytes,
  workbookBytes,
} from '../helpers/roster-xlsx';

const TODAY = '2026-06-01';
const TITLE = '2026年玉井镇网格员花名册';
const ID_F = '11010519491231002X'; // GB 11643's example: female, 1949-12-31
const withCheck = (first17: string) => first17 + idCheckChar(first17);
const ID_M = withCheck('14062119800101123'); // male, 1980-01-01

/** A row in STANDARD_HEADERS order from the fields that matter to a test. */
function row(
  p: Partial<Record<'grid' | 'name' | 'id' | 'sex' | 'birth' | 'phone', CellValue>>,
  rest: CellValue[] = [],
): CellValue[] {
  return [
    null,
    p.grid ?? '玉井村第1网格',
    p.name ?? '张三',
    p.id ?? ID_M,
    p.sex ?? null,
    p.birth ?? null,
    p.phone ?? null,
    ...rest,
  ];
}

/** `title: null` puts the header on row 1. */
async function parse(rows: CellValue[][], headers = STANDARD_HEADERS, title: string | null = TITLE) {
  return parseRoster(await workbookBytes({ title: title ?? undefined, headers, rows }), {
    today: TODAY,
  });
}

function okRows(r: RosterParseResult) {
  if (!r.ok) throw new Error(r.message);
  return r.rows;
}
const issuesOf = (rows: RosterRowResult[]) => rows.flatMap((x) => (x.ok ? [] : x.issues.map((i) => i.text)));

describe('roster import: good files', () => {
  it('reads a clean roster below its title row', async () => {
    const r = await parseRoster(await syntheticRosterBytes(40, TODAY), { today: TODAY });
    if (!r.ok) throw new Error(r.message);
    expect(r.headerRow).toBe(2);
    expect(r.columns.map((c) => c.field)).toEqual([
      'grid',
      'name',
      'idNumber',
      'sex',
      'birthDate',
      'phone',
      'employment',
      'politicalStatus',
      'education',
      'registeredOn',
      'remarks',
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.rows).toHaveLength(40);
    expect(r.rows.every((x) => x.ok)).toBe(true);
    expect(r.rows[0]!.row).toBe(3);
  });

  it('cleans full-width digits, padded names and trailing spaces into typed values', async () => {
    const rows = okRows(
      await parse([
        [
          1,
          ' 玉井村第１网格 ',
          '张\u3000三',
          '１１０１０５１９４９１２３１００２ｘ ',
          '女',
          '1949年12月',
          '１３８００１３８０００\u3000',
          '专职',
          '党员',
          '大专',
          '2026-1-5',
          '  已培训  ',
        ],
      ]),
    );
    expect(rows[0]).toEqual({
      row: 3,
      ok: true,
      notes: [],
      person: {
        grid: '玉井村第1网格',
        name: '张三',
        idNumber: ID_F,
        idLegacy: false,
        sex: 'female',
        birthDate: '1949-12-31',
        phone: '13800138000',
        phoneKind: 'mobile',
        employment: 'full_time',
        politicalStatus: '01',
        education: '30',
        registeredOn: '2026-01-05',
        address: null,
        remarks: '已培训',
      },
    });
  });

  it('reads dates written in every way, and Excel serial numbers', async () => {
    const registered = [
      new Date(Date.UTC(2026, 0, 5)),
      46027,
      20260105,
      '2026/01/05',
      '2026年1月5日',
      '20260105',
      '２０２６－０１－０５',
    ];
    const rows = okRows(
      await parse(
        registered.map((d, i) =>
          row({ id: withCheck(`140621198001011${String(i).padStart(2, '0')}`), sex: null }, [null, null, null, d]),
        ),
      ),
    );
    expect(rows.map((x) => x.ok && x.person.registeredOn)).toEqual(registered.map(() => '2026-01-05'));
  });

  it('checks birth dates given as dates, serials, text or year-month', async () => {
    const births = [new Date(Date.UTC(1980, 0, 1)), 29221, '1980-1-1', '1980年01月', 1980.01, '198001'];
    const rows = okRows(
      await parse(births.map((b, i) => row({ id: withCheck(`14062119800101${101 + 2 * i}`), birth: b }))),
    );
    expect(issuesOf(rows)).toEqual([]);
  });

  it('accepts a legacy 15-digit number, upgrades it and says so', async () => {
    const rows = okRows(await parse([row({ id: '130503670401001', sex: '男', birth: '1967-04-01' })]));
    const first = rows[0]!;
    expect(first.ok && first.person.idNumber).toBe('130503196704010016');
    expect(first.ok && first.person.idLegacy).toBe(true);
    expect(first.ok && first.notes).toEqual(['第 3 行 身份证号：15 位旧号码，已按 18 位保存']);
  });

  it('restores the 0 a landline loses in a number cell', async () => {
    const rows = okRows(await parse([row({ phone: 3496123456 }), row({ id: ID_F, phone: 13800138000 })]));
    expect(rows.map((x) => x.ok && x.person.phone)).toEqual(['0349-6123456', '13800138000']);
  });

  it('matches columns by name in any order, with variants and decorations', async () => {
    const headers = [
      '公民身份号码',
      '手机号码',
      '*姓  名',
      '所属网格',
      '出生年月',
      '学历',
      '入格日期',
      '专职或兼职',
      '性别',
      '政治面貌',
      '民族',
      '籍贯地',
      '备注（其他）',
    ];
    const r = await parse(
      [
        [
          ID_F,
          '0349-6123456',
          '李四',
          '玉井村第2网格',
          '1949.12',
          '本科',
          '2026-01-05',
          '兼职',
          '女',
          '群众',
          '汉族',
          '山西',
        ],
      ],
      headers,
      null,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.headerRow).toBe(1);
    expect(Object.fromEntries(r.columns.map((c) => [c.field, c.letter]))).toEqual({
      idNumber: 'A',
      phone: 'B',
      name: 'C',
      grid: 'D',
      birthDate: 'E',
      education: 'F',
      registeredOn: 'G',
      employment: 'H',
      sex: 'I',
      politicalStatus: 'J',
      remarks: 'M',
    });
    expect(r.warnings).toEqual(['以下列未识别，不会导入：籍贯地']);
    const first = r.rows[0]!;
    expect(
      first.ok && [first.person.name, first.person.phone, first.person.employment, first.person.education],
    ).toEqual(['李四', '0349-6123456', 'part_time', '20']);
  });

  it('recognises every column name the import declares, decorated as clerks write them', () => {
    for (const field of ROSTER_FIELDS) {
      for (const name of ROSTER_COLUMNS[field].names) {
        expect(matchHeader(name), name).toBe(field);
        expect(matchHeader(`*${[...name].join(' ')}（必填）：`), name).toBe(field);
      }
    }
  });

  it('reads a header split over two lines inside one cell', async () => {
    const r = await parse([['王五', withCheck('14062119900101123')]], ['姓\n名', '身份证\n号码'], null);
    expect(r.ok && r.rows[0]!.ok).toBe(true);
  });

  it('gives every row of a vertically merged 网格 cell its grid', async () => {
    const bytes = await workbookBytes({
      title: TITLE,
      headers: STANDARD_HEADERS,
      rows: [
        row({ grid: '玉井村第3网格' }),
        row({ grid: null, id: ID_F }),
        row({ grid: null, id: withCheck('14062119800101125') }),
      ],
      merges: ['B3:B5'],
    });
    const rows = okRows(await parseRoster(bytes, { today: TODAY }));
    expect(rows.map((x) => x.ok && x.person.grid)).toEqual(['玉井村第3网格', '玉井村第3网格', '玉井村第3网格']);
  });

  it('skips blank rows, numbered empty template rows and the form footer', async () => {
    const rows = okRows(
      await parse([
        row({}),
        [],
        [2],
        [3, null, '', '  '],
        ['填报人：王芳', null, null, null, '审核人：', null, '联系电话：'],
      ]),
    );
    expect(rows.map((x) => x.row)).toEqual([3]);
  });
});

describe('roster import: rows with errors', () => {
  it('names the row, the column and the reason', async () => {
    const rows = okRows(
      await parse([
        row({ id: '110105194912310020' }),
        row({ id: ID_F, sex: '男' }),
        row({ id: withCheck('14062119800101125'), birth: '1950-01-01' }),
        row({ id: withCheck('14062119800101127'), phone: '1380013800' }),
        row({ id: withCheck('14062119800101129'), name: '' }),
        row({ id: 110105194912310000 }),
        row({ id: '  ' }),
        row({ id: withCheck('14062119800101131'), phone: '13800138000/0349-6123456' }),
      ]),
    );
    expect(rows.every((x) => !x.ok)).toBe(true);
    expect(issuesOf(rows)).toEqual([
      '第 3 行 身份证号：校验位错误，应为 X',
      '第 4 行 性别：与身份证号不符（按身份证号应为女）',
      '第 5 行 出生日期：与身份证号不符（按身份证号应为 1980-01-01）',
      '第 6 行 联系电话：手机号应为 11 位，实为 10 位',
      '第 7 行 姓名：请填写',
      '第 8 行 身份证号：单元格是数字格式，Excel 只保留 15 位有效数字，后几位已变成 0：请把该列设为“文本”后重新填写',
      '第 9 行 身份证号：请填写',
      '第 10 行 联系电话：只能填一个号码，其余号码请写在备注里',
    ]);
  });

  it('checks code columns and registration dates', async () => {
    const rows = okRows(
      await parse([
        row({}, ['临时', '积极分子', '大学', '2026-07-01']),
        row({ id: ID_F }, [null, null, null, '2026-05']),
      ]),
    );
    expect(issuesOf(rows)).toEqual([
      '第 3 行 专兼职：无法识别“临时”，应为“专职”或“兼职”',
      '第 3 行 政治面貌：无法识别“积极分子”，可填：中共党员、中共预备党员、共青团员、群众等',
      '第 3 行 文化程度：无法识别“大学”，可填：研究生、大学本科、大学专科、中专、高中、初中、小学、其他',
      '第 3 行 登记日期：2026-07-01 晚于今天',
      '第 4 行 登记日期：应写到日，例如 2026-01-05',
    ]);
  });

  it('collects every problem of a row, not just the first', async () => {
    const rows = okRows(await parse([row({ id: ID_F, name: '张3', sex: '男', birth: '2026-02-30', phone: '123' })]));
    expect(issuesOf(rows)).toEqual([
      '第 3 行 姓名：不能含数字',
      '第 3 行 性别：与身份证号不符（按身份证号应为女）',
      '第 3 行 出生日期：日期不存在：2026年2月30日',
      '第 3 行 联系电话：手机号应为 11 位，实为 3 位',
    ]);
  });

  it('refuses the same ID number twice, even when written differently', async () => {
    const rows = okRows(await parse([row({ id: ID_F }), row({}), row({ id: '11010519491231002x ' })]));
    expect(rows.map((x) => x.ok)).toEqual([true, true, false]);
    expect(issuesOf(rows)).toEqual(['第 5 行 身份证号：与第 3 行重复']);
  });

  it('names the column as the file names it', async () => {
    const r = await parse([['张三', '110105194912310020']], ['姓名', '公民身份号码'], null);
    expect(r.ok && issuesOf(r.rows)).toEqual(['第 2 行 公民身份号码：校验位错误，应为 X']);
  });
});

describe('roster import: files that cannot be read', () => {
  const fail = async (bytes: Uint8Array | Promise<Uint8Array>, options = {}) => {
    const r = await parseRoster(await bytes, { today: TODAY, ...options });
    if (r.ok) throw new Error('expected a file error');
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    return r.code;
  };
  it('tells an empty file, a renamed text file and an old .xls apart', async () => {
    expect(await fail(new Uint8Array())).toBe('EMPTY_FILE');
    expect(await fail(new TextEncoder().encode('姓名,身份证号\n张三,11010519491231002X\n'))).toBe('NOT_XLSX');
    expect(await fail(new TextEncoder().encode('<html><table><tr><td>姓名</td></tr></table></html>'))).toBe('NOT_XLSX');
    expect(await fail(oleFile('Root Entry', 'Workbook', '\u0005SummaryInformation'))).toBe('LEGACY_XLS');
  });

  it('recognises a password-protected workbook by its encrypted package streams', async () => {
    expect(await fail(encryptedWorkbook())).toBe('ENCRYPTED');
  });

  it('reports a truncated .xlsx as damaged', async () => {
    const good = await syntheticRosterBytes(5, TODAY);
    expect(await fail(good.slice(0, Math.floor(good.length / 2)))).toBe('CORRUPT');
  });

  it('reports an empty workbook', async () => {
    expect(await fail(workbookBytes({ headers: [], rows: [] }))).toBe('EMPTY_WORKBOOK');
  });

  it('reports a sheet without a recognisable header', async () => {
    expect(await fail(workbookBytes({ headers: ['甲', '乙', '丙'], rows: [['1', '2', '3']] }))).toBe('NO_HEADER');
    expect(await fail(workbookBytes({ title: TITLE, headers: ['姓名'], rows: [['张三']] }))).toBe('NO_HEADER');
  });

  it('refuses merged header cells, such as a two-row 联系方式 header', async () => {
    const bytes = workbookBytes({
      headers: ['姓名', '身份证号', '联系方式', ''],
      rows: [
        ['', '', '手机', '座机'],
        ['张三', ID_F, '13800138000', ''],
      ],
      merges: ['C1:D1'],
    });
    const r = await parseRoster(await bytes, { today: TODAY });
    expect(r.ok ? null : [r.code, r.message]).toEqual([
      'MERGED_HEADER',
      '表头（第 1 行）有合并单元格：C1、D1。请取消合并，让表头只占一行、每列一个列名后再导入。',
    ]);
  });

  it('requires the 姓名 and 身份证号 columns, listing the names it accepts', async () => {
    const r = await parseRoster(
      await workbookBytes({ headers: ['姓名', '性别', '联系电话'], rows: [['张三', '男', '13800138000']] }),
      {
        today: TODAY,
      },
    );
    expect(r.ok ? null : [r.code, r.message]).toEqual([
      'MISSING_COLUMNS',
      `缺少必需的列：“身份证号”（可用列名：${ROSTER_COLUMNS.idNumber.names.join('、')}）。请在表头补上该列后再导入。`,
    ]);
  });

  it('refuses two columns for the same field', async () => {
    expect(await fail(workbookBytes({ headers: ['姓名', '身份证号', '手机号', '联系电话'], rows: [] }))).toBe(
      'DUPLICATE_COLUMN',
    );
  });

  it('refuses a file far larger than a township roster', async () => {
    expect(await fail(syntheticRosterBytes(12, TODAY), { maxRows: 10 })).toBe('TOO_MANY_ROWS');
  });
});

describe('roster import: workbooks with several sheets', () => {
  it('skips an instructions sheet and reads the roster after it', async () => {
    const bytes = await workbookBytes(
      { name: '填表说明', headers: ['请按模板填写，身份证号列设为文本格式'], rows: [] },
      { name: '花名册', title: TITLE, headers: STANDARD_HEADERS, rows: [row({})] },
    );
    const r = await parseRoster(bytes, { today: TODAY });
    expect(r.ok && [r.sheetName, r.rows.length, r.warnings]).toEqual(['花名册', 1, []]);
  });

  it('reads the first roster sheet and warns about the others', async () => {
    const bytes = await workbookBytes(
      { name: '玉井村', headers: STANDARD_HEADERS, rows: [row({})] },
      { name: '东关社区', headers: STANDARD_HEADERS, rows: [row({ id: ID_F })] },
    );
    const r = await parseRoster(bytes, { today: TODAY });
    expect(r.ok && [r.sheetName, r.warnings]).toEqual([
      '玉井村',
      ['工作表“东关社区”看起来也是花名册，本次只读取“玉井村”，请分开导入。'],
    ]);
  });
});
