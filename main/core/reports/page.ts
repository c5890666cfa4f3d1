/** Paper and margins, in the units each renderer wants, from one table so Excel and HTML print alike. */
import type { Orientation, Paper } from './definition';

/** Excel's paperSize codes (ECMA-376 ST_PaperSize). */
export const XLSX_PAPER_SIZE: Record<Paper, number> = { A4: 9, A3: 8 };

/** Margins in millimetres: room at the bottom for the page number, a binding edge on the left. */
export const MARGINS_MM = { top: 15, bottom: 18, left: 15, right: 12, header: 8, footer: 8 } as const;

const MM_PER_INCH = 25.4;

/** Excel stores margins in inches. */
export function xlsxMargins() {
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 100) / 100;
  return {
    top: inch(MARGINS_MM.top),
    bottom: inch(MARGINS_MM.bottom),
    left: inch(MARGINS_MM.left),
    right: inch(MARGINS_MM.right),
    header: inch(MARGINS_MM.header),
    footer: inch(MARGINS_MM.footer),
  };
}

/** The CSS `@page` size, e.g. `A4 landscape`. */
export const cssPageSize = (paper: Paper, orientation: Orientation) => `${paper} ${orientation}`;
