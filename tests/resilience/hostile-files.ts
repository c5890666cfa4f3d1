/**
 * Files an attacker (or a confused clerk) hands the 花名册 import: bombs, lying zip directories,
 * enormous rows, external entities, the wrong kind of file, and workbooks of thousands of sheets.
 * Built in memory; the bombs stream their parts, so the test process never holds them inflated.
 */
import { Readable } from 'node:stream';
import { hostileWorkbook, sheetXml, withDeclaredSize } from '../helpers/hostile-xlsx';
import { oleFile, STANDARD_HEADERS } from '../helpers/roster-xlsx';
import { scale } from './long';

const MB = 1024 * 1024;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
/** The secret an external entity would read. */
export const SECRET_FILE = '/etc/passwd';

/** `unit` repeated `times` times between `head` and `tail`, handed over about a megabyte at a time. */
export function repeated(unit: string, times: number, head = '', tail = ''): Readable {
  const perChunk = Math.max(1, Math.floor(MB / unit.length));
  const chunk = Buffer.from(unit.repeat(perChunk));
  return Readable.from(
    (function* () {
      yield Buffer.from(head);
      let left = times;
      for (; left >= perChunk; left -= perChunk) yield chunk;
      yield Buffer.from(unit.repeat(left) + tail);
    })(),
  );
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** Row 1: the standard roster header, so exceljs gets past the header search into the rows. */
export const HEADER_ROW = `<row r="1">${STANDARD_HEADERS.map((h, i) => inline(`${letters(i + 1)}1`, h)).join('')}</row>`;

const entityDoctype = (root: string) => `<!DOCTYPE ${root} [<!ENTITY e SYSTEM "file://${SECRET_FILE}">]>`;
const LAUGHS =
  '<!DOCTYPE sst [<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('') +
  ']>';

/**
 * A workbook of `count` sheets listed in workbook.xml and its rels, in `parts` parts (several sheets
 * may point at one part); `filled` parts hold a roster header and one row, the others nothing.
 */
function manySheets(count: number, { parts = count, filled = parts }: { parts?: number; filled?: number } = {}) {
  const sheets = Array.from({ length: count }, (_, i) => i + 1);
  const target = (i: number) => `worksheets/sheet${((i - 1) % parts) + 1}.xml`;
  const extra: Record<string, string> = {
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets.map((i) => `<sheet name="花名册${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((i) => `<Relationship Id="rId${i}" Type="${SHEET_REL}" Target="${target(i)}"/>`).join('')}</Relationships>`,
  };
  // A wrong check character: the row is shown as an error, so no file here has a row to import.
  const roster = sheetXml(`${HEADER_ROW}<row r="2">${inline('C2', '张三')}${inline('D2', '110105194912310021')}</row>`);
  for (let i = 2; i <= parts; i++) extra[`xl/worksheets/sheet${i}.xml`] = i <= filled ? roster : sheetXml('');
  return hostileWorkbook(roster, extra);
}

/** Excel's column letters: 1 → A, 27 → AA, 16384 → XFD. */
function letters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Row 2 of `cells` cells of `size` characters each, streamed. */
function hugeRow(cells: number, size: number): Readable {
  const text = 'a'.repeat(size);
  return Readable.from(
    (function* () {
      yield Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>${HEADER_ROW}<row r="2">`);
      for (let c = 1; c <= cells; c += 256) {
        const end = Math.min(cells, c + 255);
        let chunk = '';
        for (let i = c; i <= end; i++) chunk += inline(`${letters(i)}2`, text);
        yield Buffer.from(chunk);
      }
      yield Buffer.from('</row></sheetData></worksheet>');
    })(),
  );
}

/** A zero-filled shared-strings part of `mb` megabytes: one build, two attacks (honest and lying directory). */
let bomb: Promise<Buffer> | undefined;
export const sharedStringsBomb = () =>
  (bomb ??= hostileWorkbook(sheetXml(HEADER_ROW), { 'xl/sharedStrings.xml': repeated('\0', 640 * MB) }));

export interface HostileFile {
  name: string;
  build(): Promise<Uint8Array | Buffer>;
  /** The refusal the preview and the commit must give; without it, any typed answer will do. */
  refusal?: RegExp;
}

const TOO_LARGE = /文件内容过大/;
const CORRUPT = /可能已损坏/;

export const HOSTILE_FILES: HostileFile[] = [
  {
    name: 'zip 炸弹：共享字符串解压后 640 MB，目录如实',
    build: sharedStringsBomb,
    refusal: TOO_LARGE,
  },
  {
    name: 'zip 炸弹：目录谎称共享字符串只有 100 字节，实为 640 MB',
    build: async () => withDeclaredSize(await sharedStringsBomb(), 'xl/sharedStrings.xml', 100),
    refusal: CORRUPT,
  },
  {
    name: 'zip 炸弹：工作表里 200 MB 空白',
    build: () =>
      hostileWorkbook(repeated(' ', 200 * MB, `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>`, '')),
    refusal: TOO_LARGE,
  },
  {
    name: '目录谎报大小：一个不相干的部件',
    build: async () =>
      withDeclaredSize(
        await hostileWorkbook(sheetXml(HEADER_ROW), { 'xl/media/image1.png': repeated('\0', 40 * MB) }),
        'xl/media/image1.png',
        64,
      ),
    refusal: CORRUPT,
  },
  {
    name: '巨大的行：16,384 个单元格，每格 1,000 字',
    build: () => hostileWorkbook(hugeRow(scale(2_000, 16_384), 1_000)),
  },
  {
    name: '行号、列号超出 Excel 的范围',
    build: () =>
      hostileWorkbook(
        sheetXml(`${HEADER_ROW}<row r="1048577">${inline('XFE1048577', '越界')}${inline('C1048577', '张三')}</row>`),
      ),
  },
  {
    name: '共享字符串数量巨大（大小在上限内）',
    build: () =>
      hostileWorkbook(sheetXml(`${HEADER_ROW}<row r="2"><c r="C2" t="s"><v>0</v></c></row>`), {
        'xl/sharedStrings.xml': repeated(
          '<si><t>a</t></si>',
          scale(300_000, 2_700_000),
          `<sst xmlns="${MAIN_NS}">`,
          '</sst>',
        ),
      }),
  },
  {
    name: 'XXE：工作表里的外部实体',
    build: () =>
      hostileWorkbook(
        `<?xml version="1.0" encoding="UTF-8"?>${entityDoctype('worksheet')}<worksheet xmlns="${MAIN_NS}"><sheetData>${HEADER_ROW}<row r="2">${inline('C2', '&e;')}${inline('D2', '&e;')}${inline('L2', '&e;')}</row></sheetData></worksheet>`,
      ),
  },
  {
    name: 'XXE：共享字符串里的外部实体',
    build: () =>
      hostileWorkbook(
        sheetXml(`${HEADER_ROW}<row r="2"><c r="C2" t="s"><v>0</v></c><c r="L2" t="s"><v>0</v></c></row>`),
        {
          'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?>${entityDoctype('sst')}<sst xmlns="${MAIN_NS}"><si><t>&e;</t></si></sst>`,
        },
      ),
  },
  {
    name: '实体膨胀（billion laughs）',
    build: () =>
      hostileWorkbook(sheetXml(`${HEADER_ROW}<row r="2"><c r="C2" t="s"><v>0</v></c></row>`), {
        'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?>${LAUGHS}<sst xmlns="${MAIN_NS}"><si><t>&l9;</t></si></sst>`,
      }),
  },
  {
    name: '.xls（OLE 复合文档），600 KB',
    build: async () => Buffer.concat([oleFile('Root Entry', 'Workbook'), Buffer.alloc(600 * 1024, 0x5a)]),
    refusal: /旧版 Excel（\.xls）/,
  },
  {
    name: 'OLE 文件头后面拼一个工作簿',
    build: async () => Buffer.concat([oleFile('Root Entry', 'Workbook'), await manySheets(1)]),
    refusal: /旧版 Excel（\.xls）/,
  },
  {
    name: 'CSV 改名为 .xlsx，含公式注入',
    build: async () =>
      new TextEncoder().encode(
        '姓名,身份证号,备注\n=HYPERLINK("http://evil.example","点我"),11010519491231002X,=1+1\n',
      ),
    refusal: /不是 Excel 工作簿/,
  },
  {
    name: 'zip 里只有一个 CSV',
    build: () =>
      hostileWorkbook('', {
        '[Content_Types].xml': '<Types/>',
        '_rels/.rels': '<Relationships/>',
        'xl/workbook.xml': '',
        'xl/_rels/workbook.xml.rels': '',
        'roster.csv': '姓名,身份证号\n张三,11010519491231002X\n',
      }),
  },
  { name: '1,500 个工作表', build: () => manySheets(1_500, { filled: 1 }), refusal: TOO_LARGE },
  { name: '数百个花名册工作表（部件数在上限内）', build: () => manySheets(scale(300, 990)) },
  { name: 'workbook.xml 列了 5,000 个工作表，都指向同一个部件', build: () => manySheets(5_000, { parts: 1 }) },
];
