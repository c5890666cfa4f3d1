/**
 * Parse a 网格员花名册 .xlsx into typed rows without touching the database: the preview shows
 * each row's result, and the later commit writes only rows that parsed. A problem with the whole
 * file yields one message and no rows at all.
 */
import ExcelJS from 'exceljs';
import { shanghaiDateIso } from '../../../../shared/dates';
import { isBlank, plainText, plainValue } from './cell-value';
import { ROSTER_COLUMNS, type RosterField } from './columns';
import { sniffWorkbook } from './file-kind';
import { checkWorkbookPackage, DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './package-check';
import { HEADER_SEARCH_ROWS, findHeaderRow, mergedHeaderCells, resolveColumns } from './header';
import { maskIdNumber } from '../../../../shared/people/mask';
import { parseRosterRow, type RowCells, type RowContext } from './row';
import type { RosterColumn, RosterIssue, RosterParseResult, RosterRowResult } from './types';

export interface RosterParseOptions {
  /** `YYYY-MM-DD` in Asia/Shanghai; defaults to the system clock. */
  today?: string;
  /** Area code assumed for a local landline number without one, e.g. `0349`. */
  defaultAreaCode?: string;
  /** A township's roster is hundreds of rows; far more means the wrong file. */
  maxRows?: number;
  /** Size limits of the zip package (tests lower them). */
  packageLimits?: Partial<Omit<PackageLimits, 'maxRows'>>;
}

export const DEFAULT_MAX_ROWS = 20_000;

/** The 填报人/审核人 footer of the official form frame, which is not a person. */
const FOOTER_RE = /(填报|填表|制表|审核|负责)(人|单位|日期)|合计|总计/;

export async function parseRoster(bytes: Uint8Array, options: RosterParseOptions = {}): Promise<RosterParseResult> {
  const sniffed = sniffWorkbook(bytes);
  if (sniffed) return { ok: false, ...sniffed };
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const refused = await checkWorkbookPackage(bytes, {
    ...DEFAULT_PACKAGE_LIMITS,
    ...options.packageLimits,
    // Room above the data for a title, notes and the header.
    maxRows: maxRows + HEADER_SEARCH_ROWS,
  });
  if (refused) return { ok: false, ...refused };

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` type that clashes with Node's; a Node Buffer is what it reads.
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    return {
      ok: false,
      code: 'CORRUPT',
      message: '文件无法按 Excel 工作簿读取，可能已损坏或不是花名册。请用 Excel 打开后重新保存为 .xlsx 再导入。',
    };
  }

  const sheets = wb.worksheets.filter((ws) => ws.state === 'visible' && ws.actualRowCount > 0);
  if (sheets.length === 0) {
    return { ok: false, code: 'EMPTY_WORKBOOK', message: '工作簿里没有任何数据，请确认选择的是填好的花名册。' };
  }
  const found = sheets.flatMap((ws) => {
    const header = findHeaderRow(ws);
    return header ? [{ ws, header }] : [];
  });
  if (found.length === 0) {
    return {
      ok: false,
      code: 'NO_HEADER',
      message: `没有找到表头：前 ${HEADER_SEARCH_ROWS} 行里没有同时写着“姓名”“身份证号”等列名的一行。请确认表头每列一个列名（如 姓名、身份证号、联系电话）。`,
    };
  }
  const { ws, header } = found[0]!;

  const merged = mergedHeaderCells(ws, header.row);
  if (merged.length > 0) {
    return {
      ok: false,
      code: 'MERGED_HEADER',
      message: `表头（第 ${header.row} 行）有合并单元格：${merged.join('、')}。请取消合并，让表头只占一行、每列一个列名后再导入。`,
    };
  }
  const resolved = resolveColumns(header.cells);
  if (!resolved.ok) return { ok: false, ...resolved.error };

  const warnings: string[] = [];
  if (resolved.unknown.length > 0) warnings.push(`以下列未识别，不会导入：${resolved.unknown.join('、')}`);
  for (const other of found.slice(1)) {
    warnings.push(`工作表“${other.ws.name}”看起来也是花名册，本次只读取“${ws.name}”，请分开导入。`);
  }

  if (ws.actualRowCount - header.row > maxRows) {
    return {
      ok: false,
      code: 'TOO_MANY_ROWS',
      message: `数据超过 ${maxRows} 行，不像一个乡镇的花名册。请确认文件，或分批导入。`,
    };
  }

  const ctx: RowContext = {
    today: options.today ?? shanghaiDateIso(new Date()),
    date1904: Boolean(wb.properties?.date1904),
    defaultAreaCode: options.defaultAreaCode,
  };
  const rows = readRows(ws, header.row, resolved.columns, ctx);
  return { ok: true, sheetName: ws.name, headerRow: header.row, columns: resolved.columns, warnings, rows };
}

function readRows(ws: ExcelJS.Worksheet, headerRow: number, columns: RosterColumn[], ctx: RowContext) {
  const results: RosterRowResult[] = [];
  const headerOf = new Map(columns.map((c) => [c.field, c.header]));
  const issue = (row: number, field: RosterField, message: string): RosterIssue => {
    const column = headerOf.get(field) ?? ROSTER_COLUMNS[field].label;
    return { field, column, message, text: `第 ${row} 行 ${column}：${message}` };
  };
  const firstRowOfId = new Map<string, number>();
  // Cells by column number: exceljs resolves a letter on every call.
  const byNumber = columns.map((c) => ({ field: c.field, col: ws.getColumn(c.letter).number }));

  ws.eachRow((row, r) => {
    if (r <= headerRow) return;
    const cells: RowCells = {};
    let filled = false;
    for (const c of byNumber) {
      const v = plainValue(row.getCell(c.col).value);
      cells[c.field] = v;
      if (!isBlank(v)) filled = true;
    }
    if (!filled || isFooter(row, cells)) return;

    const outcome = parseRosterRow(cells, ctx);
    const problems = outcome.ok ? [] : outcome.problems;
    const id = outcome.ok ? outcome.person.idNumber : outcome.idNumber;
    if (id !== null) {
      const twin = firstRowOfId.get(id);
      if (twin === undefined) firstRowOfId.set(id, r);
      else problems.push({ field: 'idNumber', message: `与第 ${twin} 行重复` });
    }
    if (!outcome.ok || problems.length > 0) {
      const issues = problems.map((p) => issue(r, p.field, p.message));
      const shown = outcome.ok
        ? { name: outcome.person.name, idNumberMasked: maskIdNumber(outcome.person.idNumber) }
        : { name: outcome.name, idNumberMasked: outcome.idNumberMasked };
      results.push({ row: r, ok: false, issues, ...shown });
    } else {
      const notes = outcome.notes.map((n) => issue(r, n.field, n.message).text);
      results.push({ row: r, ok: true, person: outcome.person, notes });
    }
  });
  return results;
}

/** A row with neither name nor ID number whose text reads like the form's footer or a total. */
function isFooter(row: ExcelJS.Row, cells: RowCells): boolean {
  if (!isBlank(cells.name ?? null) || !isBlank(cells.idNumber ?? null)) return false;
  let footer = false;
  row.eachCell((cell) => {
    if (FOOTER_RE.test(plainText(plainValue(cell.value)))) footer = true;
  });
  return footer;
}
