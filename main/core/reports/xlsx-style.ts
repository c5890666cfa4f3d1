/**
 * How the frame looks in Excel: fonts, borders, number formats, and the conversions from Chinese
 * characters to Excel's column units and from lines of text to row heights.
 */
import type { Align, NumberFormat } from './definition';
import type { CellStyle, FontSpec } from './xlsx-writer';

/** GB2312: tells Excel these are Chinese fonts, so it never substitutes a Latin face for 宋体. */
const GB2312 = 134;

export const TITLE_FONT: FontSpec = { name: '黑体', size: 16, bold: true, charset: GB2312 };
export const BODY_FONT: FontSpec = { name: '宋体', size: 11, charset: GB2312 };
export const BOLD_BODY_FONT: FontSpec = { ...BODY_FONT, bold: true };

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

/** A bordered table cell: header, body or total. */
export function tableStyle(font: FontSpec, align: Align, format?: NumberFormat): CellStyle {
  return {
    font,
    border: true,
    horizontal: align,
    vertical: 'center',
    wrap: true,
    ...(format ? { numFmt: NUM_FMT[format] } : {}),
  };
}

const plain = (font: FontSpec, horizontal: Align): CellStyle => ({ font, horizontal, vertical: 'center', wrap: true });

export const TITLE_STYLE = plain(TITLE_FONT, 'center');
export const LINE_LEFT_STYLE = plain(BODY_FONT, 'left');
export const LINE_RIGHT_STYLE = plain(BODY_FONT, 'right');
