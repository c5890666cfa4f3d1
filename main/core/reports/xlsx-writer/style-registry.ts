/**
 * styles.xml from the styles a sheet declares up front: each distinct style gets its cellXfs id
 * once, so writing a cell is a number lookup and never a style comparison.
 */
import { escapeXml } from './xml-text';

export interface FontSpec {
  name: string;
  size: number;
  bold?: boolean;
  /** 134 (GB2312) tells Excel the face is Chinese, so it never substitutes a Latin one. */
  charset?: number;
}

export interface CellStyle {
  font: FontSpec;
  /** Thin black lines on all four sides. */
  border?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  /** An Excel number format code, e.g. `0.00%`; built-in codes are written by their id. */
  numFmt?: string;
}

/** ECMA-376's built-in formats the frame uses; readers know them by id. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;

/** Font 0 is the workbook's default and sets Excel's column unit (the width of a Calibri 11 digit). */
const DEFAULT_FONT: FontSpec = { name: 'Calibri', size: 11 };

const fontXml = (f: FontSpec) =>
  `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size}"/><color rgb="FF000000"/><name val="${escapeXml(f.name)}"/>` +
  `${f.charset === undefined ? '<family val="2"/>' : `<charset val="${f.charset}"/>`}</font>`;

const THIN = '<color rgb="FF000000"/>';
const BORDERS_XML =
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right>` +
  `<top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border></borders>`;
const FILLS_XML =
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>';

export class StyleRegistry {
  private readonly fonts = new Map<string, number>([[JSON.stringify(DEFAULT_FONT), 0]]);
  private readonly fontList: FontSpec[] = [DEFAULT_FONT];
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['default', 0]]);
  private readonly xfList: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** The cellXfs id of `style`, the same id for an equal style. */
  id(style: CellStyle): number {
    const key = JSON.stringify([style.font, style.border, style.horizontal, style.vertical, style.wrap, style.numFmt]);
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const fontId = this.fontId(style.font);
    const numFmtId = style.numFmt === undefined ? 0 : this.formatId(style.numFmt);
    const borderId = style.border ? 1 : 0;
    const aligned = style.horizontal || style.vertical || style.wrap;
    const alignment = aligned
      ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ''}` +
        `${style.vertical ? ` vertical="${style.vertical}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0" applyFont="1"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${borderId ? ' applyBorder="1"' : ''}` +
      `${aligned ? ` applyAlignment="1">${alignment}</xf>` : '/>'}`;
    const id = this.xfList.push(xf) - 1;
    this.xfs.set(key, id);
    return id;
  }

  private fontId(font: FontSpec): number {
    const key = JSON.stringify(font);
    let id = this.fonts.get(key);
    if (id === undefined) {
      id = this.fontList.push(font) - 1;
      this.fonts.set(key, id);
    }
    return id;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** xl/styles.xml. */
  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      `<fonts count="${this.fontList.length}">${this.fontList.map(fontXml).join('')}</fonts>` +
      FILLS_XML +
      BORDERS_XML +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfList.length}">${this.xfList.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}
