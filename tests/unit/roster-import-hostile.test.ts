import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRoster } from '../../main/core/people/roster-import/parse';
import { hostileWorkbook, sheetXml, withDeclaredSize } from '../helpers/hostile-xlsx';
import { STANDARD_HEADERS, workbookBytes } from '../helpers/roster-xlsx';

const TODAY = '2026-11-25';
const bytesOf = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Whether exceljs was asked to read the file at all (it inflates every part whole first). */
function watchExcel() {
  return vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
}
afterEach(() => vi.restoreAllMocks());

describe('hostile workbooks are refused from the zip directory and a streamed count, before exceljs', () => {
  it('a small file with a million rows', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join('');
    const file = await hostileWorkbook(sheetXml(rows));
    expect(file.length).toBeLessThan(4_000_000); // megabytes on disk, about 20 MB of sheet XML
    const excel = watchExcel();
    const r = await parseRoster(bytesOf(file), { today: TODAY });
    expect(r).toMatchObject({ ok: false, code: 'TOO_MANY_ROWS' });
    expect(excel).not.toHaveBeenCalled();
  });

  it('rows written with a namespace prefix are counted too', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `<x:row r="${i + 1}"></x:row>`).join('');
    const file = await hostileWorkbook(sheetXml(rows));
    const excel = watchExcel();
    expect(await parseRoster(bytesOf(file), { today: TODAY })).toMatchObject({ ok: false, code: 'TOO_MANY_ROWS' });
    expect(excel).not.toHaveBeenCalled();
  });

  it('one enormous string in the shared strings', async () => {
    const huge = Buffer.alloc(8 * 1024 * 1024, 'a');
    const strings = Buffer.concat([Buffer.from('<sst><si><t>'), huge, Buffer.from('</t></si></sst>')]);
    const file = await hostileWorkbook(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), {
      'xl/sharedStrings.xml': strings,
    });
    const excel = watchExcel();
    const r = await parseRoster(bytesOf(file), { today: TODAY, packageLimits: { maxPartBytes: 4 * 1024 * 1024 } });
    expect(r).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(r.ok ? '' : r.message).toContain('xl/sharedStrings.xml');
    expect(excel).not.toHaveBeenCalled();
  });

  it('a part whose directory entry claims less than it inflates to', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `<row r="${i + 1}"/>`).join('');
    const file = withDeclaredSize(await hostileWorkbook(sheetXml(rows)), 'xl/worksheets/sheet1.xml', 200);
    const excel = watchExcel();
    expect(await parseRoster(bytesOf(file), { today: TODAY })).toMatchObject({ ok: false, code: 'CORRUPT' });
    expect(excel).not.toHaveBeenCalled();
  });

  it('any other part whose directory entry claims less than it inflates to', async () => {
    // Only worksheets were inflated by the check: a lying shared-strings part went to exceljs whole.
    const strings = `<sst>${'<si><t>a</t></si>'.repeat(300_000)}</sst>`;
    const file = withDeclaredSize(
      await hostileWorkbook(sheetXml(''), { 'xl/sharedStrings.xml': strings }),
      'xl/sharedStrings.xml',
      200,
    );
    const excel = watchExcel();
    expect(await parseRoster(bytesOf(file), { today: TODAY })).toMatchObject({ ok: false, code: 'CORRUPT' });
    expect(excel).not.toHaveBeenCalled();
  });

  it('too many parts', async () => {
    const extra = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`xl/media/p${i}.xml`, '<a/>']));
    const file = await hostileWorkbook(sheetXml(''), extra);
    const r = await parseRoster(bytesOf(file), { today: TODAY, packageLimits: { maxParts: 20 } });
    expect(r).toMatchObject({ ok: false, code: 'TOO_LARGE' });
  });

  it('an ordinary roster still passes the check and is read', async () => {
    const first17 = '14062119800517101';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const id = first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11]!;
    const file = await workbookBytes({
      title: '花名册',
      headers: STANDARD_HEADERS,
      rows: [[1, '', '王老', id, '', '', '13912345678', '', '', '', '', '']],
    });
    const excel = watchExcel();
    const r = await parseRoster(file, { today: TODAY });
    expect(r.ok).toBe(true);
    expect(excel).toHaveBeenCalled();
  });
});
