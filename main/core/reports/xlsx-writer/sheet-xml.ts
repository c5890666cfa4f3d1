/** The worksheet's XML around its rows: what goes before `<sheetData>` and what follows it. */
import { cellRef } from './cell-ref';
import { escapeXml } from './xml-text';

export interface PageSetup {
  /** ECMA-376 ST_PaperSize: 9 A4, 8 A3. */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /** Fit to this many pages across and down; 0 down means as many as it takes. */
  fitToWidth: number;
  fitToHeight: number;
  horizontalCentered: boolean;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Excel header/footer codes, e.g. `&C第 &P 页 共 &N 页`. */
  oddFooter?: string;
}

export interface SheetSetup {
  name: string;
  /** Column widths in Excel's units, from the first column. */
  columnWidths: number[];
  /** Rows frozen at the top (a pane split below them). */
  frozenRows?: number;
  showGridLines?: boolean;
  page?: PageSetup;
  /** Rows printed at the top of every page, from 1. */
  printTitleRows?: { first: number; last: number };
}

export function sheetHead(sheet: SheetSetup): string {
  const page = sheet.page;
  const grid = sheet.showGridLines === false ? ' showGridLines="0"' : '';
  const frozen = sheet.frozenRows ?? 0;
  const top = cellRef(frozen + 1, 0);
  const pane = frozen
    ? `<pane ySplit="${frozen}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
    : '';
  const cols = sheet.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (page && page.fitToWidth + page.fitToHeight > 0 ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"${grid}>${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>'
  );
}

export function sheetTail(sheet: SheetSetup, merges: string[]): string {
  const page = sheet.page;
  let xml = '</sheetData>';
  if (merges.length) {
    xml += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  }
  if (page) {
    const m = page.margins;
    if (page.horizontalCentered) xml += '<printOptions horizontalCentered="1"/>';
    xml +=
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}"` +
      ` header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="${page.paperSize}" orientation="${page.orientation}"` +
      ` fitToWidth="${page.fitToWidth}" fitToHeight="${page.fitToHeight}"/>`;
    if (page.oddFooter) xml += `<headerFooter><oddFooter>${escapeXml(page.oddFooter)}</oddFooter></headerFooter>`;
  }
  return `${xml}</worksheet>`;
}
