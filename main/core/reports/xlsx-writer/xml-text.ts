/**
 * Text as it may stand in the sheet's XML: escaped, without the characters XML 1.0 forbids (a
 * pasted hotline record can carry \u0000–\u001F, and one such byte makes Excel refuse the whole
 * file), and cut to what one Excel cell holds.
 */

/** Excel's limit per cell, in UTF-16 units (what a JS string counts). */
export const EXCEL_CELL_MAX = 32_767;

/** Control characters other than tab, LF and CR; U+FFFE/U+FFFF; surrogates without their pair. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Anything that is not plain text: one test lets the common cell skip both passes below. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNUSUAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F&<>"\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL = /[&<>"]/;
const SPECIAL_ALL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** The text a cell may hold: forbidden characters dropped, then cut at 32,767 without halving a pair. */
export function cellText(text: string): string {
  let s = UNUSUAL.test(text) ? text.replace(FORBIDDEN, '') : text;
  if (s.length > EXCEL_CELL_MAX) {
    const high = s.charCodeAt(EXCEL_CELL_MAX - 1);
    s = s.slice(0, high >= 0xd800 && high <= 0xdbff ? EXCEL_CELL_MAX - 1 : EXCEL_CELL_MAX);
  }
  return s;
}

/** Escapes for element content and double-quoted attributes; most cells need nothing and cost one test. */
export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ENTITY[c]!) : text;
}

/** A `<t>` element: leading or trailing whitespace would be trimmed by Excel without xml:space. */
export function textElement(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const keep = first <= 32 || last <= 32;
  return keep ? `<t xml:space="preserve">${escapeXml(text)}</t>` : `<t>${escapeXml(text)}</t>`;
}
