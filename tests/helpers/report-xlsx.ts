/** Reading a produced report .xlsx back in tests: the sheet, own cell values, borders of the table. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

export async function readXlsxBytes(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own `Buffer` type that clashes with Node's; a Node Buffer is what it reads.
  await wb.xlsx.load(bytes as never);
  return wb.worksheets[0]!;
}

/** A cell's own value; exceljs reports a merged cell's master value in every cell of the range. */
export function own(ws: ExcelJS.Worksheet, r: number, c: number): ExcelJS.CellValue {
  const cell = ws.getCell(r, c);
  return cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
}

/** Row `r`'s own values from column 1 to `lastCol`. */
export const rowValues = (ws: ExcelJS.Worksheet, r: number, lastCol: number) =>
  Array.from({ length: lastCol }, (_, i) => own(ws, r, i + 1));

/** Thin borders on all four sides of every cell of rows `first..last`, columns 1..`lastCol`. */
export function expectTableBorders(ws: ExcelJS.Worksheet, first: number, last: number, lastCol: number): void {
  for (let r = first; r <= last; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const b = ws.getCell(r, c).border;
      for (const side of ['top', 'left', 'bottom', 'right'] as const) {
        expect(b?.[side]?.style, `${ws.getCell(r, c).address} ${side}`).toBe('thin');
      }
    }
  }
}

/** The print settings every form shares, with its paper and the rows repeated on each page. */
export function expectPrintSetup(ws: ExcelJS.Worksheet, paperSize: number, orientation: string, titles: string) {
  expect(ws.pageSetup).toMatchObject({
    paperSize,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titles,
  });
  expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
}
