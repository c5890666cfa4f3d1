/**
 * How the frame looks in Excel: fonts, borders, number formats, and the conversions from Chinese
 * characters to Excel's column units and from lines of text to row heights.
 */
import type { Alignment, Borders, Font, Style } from 'exceljs';
import type { Align, NumberFormat } from './definition';

/** GB2312: tells Excel these are Chinese fonts, so it never substitutes a Latin face for 宋体. */
const GB2312 = 134;

export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 16, bold: true, charset: GB2312 };
export const BODY_FONT: Partial<Font> = { name: '宋体', size: 11, charset: GB2312 };
export const BOLD_BODY_FONT: Partial<Font> = { ...BODY_FONT, bold: true };

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
export const ALL_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const NUM_FMT: Record<NumberFormat, string> = {
  text: '@',
  integer: '0',
  percent: '0.00%',
  decimal: '0.00',
};

/**
 * Excel measures a column in digits of the default font (Calibri 11: 7 px, plus 5 px of padding);
 * an 11 pt 宋体 character is 14.7 px, so a Chinese character is about 2.1 units, plus a little
 * room so a cell declared N characters wide holds N characters between its borders.
 */
export const excelWidth = (chars: number) => Math.round((chars * 2.1 + 0.6) * 100) / 100;

/** Points per line of 11 pt 宋体 including leading, and the padding a bordered cell needs. */
const LINE_PT = 14.5;
const PAD_PT = 6;
export const rowHeight = (lines: number, minimum = 18) => Math.max(minimum, lines * LINE_PT + PAD_PT);
export const titleHeight = (lines: number) => lines * 22 + 12;

const alignment = (horizontal: Align): Partial<Alignment> => ({ horizontal, vertical: 'middle', wrapText: true });

/** Cell styles are shared objects and never mutated, so 100,000 rows do not allocate 100,000 styles. */
export function tableStyle(font: Partial<Font>, align: Align, format?: NumberFormat): Partial<Style> {
  return {
    font,
    border: ALL_BORDERS,
    alignment: alignment(align),
    ...(format ? { numFmt: NUM_FMT[format] } : {}),
  };
}

export const TITLE_STYLE: Partial<Style> = { font: TITLE_FONT, alignment: alignment('center') };
export const LINE_LEFT_STYLE: Partial<Style> = { font: BODY_FONT, alignment: alignment('left') };
export const LINE_RIGHT_STYLE: Partial<Style> = { font: BODY_FONT, alignment: alignment('right') };
