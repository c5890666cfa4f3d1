/**
 * The shared-string table, kept for what it is good at: short values that repeat (categories,
 * states, villages, the frame's own words). Long or unique text goes inline in the sheet, so the
 * table (held in memory until the sheet ends) stays small however many rows are written.
 */
import { textElement } from './xml-text';

export interface SharedStringLimits {
  /** Longer text is written inline. */
  maxLength: number;
  /** Entries at most; later new values go inline. */
  maxEntries: number;
  /**
   * After this many strings in a column, a column whose values were mostly new (case numbers,
   * phone numbers, times) stops adding to the table.
   */
  probe: number;
}

export const SHARED_STRING_LIMITS: SharedStringLimits = { maxLength: 40, maxEntries: 20_000, probe: 200 };

interface ColumnStats {
  seen: number;
  added: number;
  inline: boolean;
}

export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly columns: ColumnStats[] = [];
  /** References written, for the `count` attribute. */
  private refs = 0;

  constructor(private readonly limits: SharedStringLimits = SHARED_STRING_LIMITS) {}

  /** The id of `text` (already cleaned) in column `col`, or -1: write it inline. */
  id(text: string, col: number): number {
    if (text.length > this.limits.maxLength) return -1;
    const stats = (this.columns[col] ??= { seen: 0, added: 0, inline: false });
    // A column of mostly unique values is not even looked up any more.
    if (stats.inline) return -1;
    const known = this.ids.get(text);
    if (known !== undefined) {
      stats.seen++;
      this.refs++;
      return known;
    }
    if (this.ids.size >= this.limits.maxEntries) return -1;
    stats.seen++;
    stats.added++;
    if (stats.seen >= this.limits.probe && stats.added * 2 > stats.seen) stats.inline = true;
    const id = this.ids.size;
    this.ids.set(text, id);
    this.refs++;
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** xl/sharedStrings.xml; the Map keeps insertion order, which is id order. */
  xml(): string {
    const items: string[] = [];
    for (const text of this.ids.keys()) items.push(`<si>${textElement(text)}</si>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
      ` count="${this.refs}" uniqueCount="${this.ids.size}">${items.join('')}</sst>`
    );
  }
}
