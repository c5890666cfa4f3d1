/**
 * Text clean-up for what clerks type or paste into spreadsheets: full-width digits from Chinese
 * input methods, ideographic spaces (U+3000), non-breaking spaces from web pages, zero-width
 * characters from copied documents.
 */

// `\s` already covers U+3000, NBSP and the BOM; zero-width spaces and joiners are not whitespace
// to JavaScript but are just as invisible in a cell.
const INVISIBLE = '\\s\\u200B-\\u200D\\u2060';
const EDGES_RE = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, 'g');
const RUNS_RE = new RegExp(`[${INVISIBLE}]+`, 'g');

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
const FULL_WIDTH_RE = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(s: string): string {
  // Most cells have nothing to convert; skipping the replace keeps a 5,000-row import fast.
  if (!FULL_WIDTH_RE.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Trims every kind of blank, not only ASCII ones. */
export function trimAll(s: string): string {
  return s.replace(EDGES_RE, '');
}

/** Trims and turns each inner run of blanks into one ASCII space: names, places, remarks. */
export function collapseSpaces(s: string): string {
  return trimAll(s).replace(RUNS_RE, ' ');
}

/** Removes every blank, for values where a space can only be a typing slip. */
export function removeSpaces(s: string): string {
  return s.replace(RUNS_RE, '');
}

/** ID numbers, phone numbers, codes: half-width, no blanks at all. */
export function compactCode(s: string): string {
  return removeSpaces(toHalfWidth(s));
}
