/**
 * A one-sheet .xlsx written top to bottom as it goes: declare the styles, then rows in order, then
 * `finish`. Each row becomes XML text at once and rows are handed to the zip a chunk at a time, so
 * memory holds one chunk, the merge list and the short-string table, never the sheet.
 */
import type { Writable } from 'node:stream';
import { columnLetters, rangeRef } from './cell-ref';
import { appXml, contentTypes, coreXml, ROOT_RELS, SHEET_PATH, workbookRels, workbookXml } from './package-parts';
import { SHARED_STRING_LIMITS, SharedStrings, type SharedStringLimits } from './shared-strings';
import { sheetHead, sheetTail, type SheetSetup } from './sheet-xml';
import { StyleRegistry } from './style-registry';
import { cellText, textElement } from './xml-text';
import { ZipPackage } from './zip-package';

export type XlsxValue = string | number | null | undefined;

export interface XlsxWriterOptions {
  /** zlib level 0–9 (default 1: measured in tests/bench/ledger.bench.ts, see the README). */
  level?: number;
  /** Limits of the shared-string table, or false: every string inline. */
  sharedStrings?: SharedStringLimits | false;
  /** docProps' creator and application. */
  creator?: string;
}

/** Bytes of row XML gathered before they go to the zip in one write. */
const CHUNK_BYTES = 1 << 19;

export class XlsxWriter {
  /** Register every style before the first row; `id` hands out the cell's `s`. */
  readonly styles = new StyleRegistry();
  private readonly zip: ZipPackage;
  private readonly shared: SharedStrings | null;
  private readonly sheet: ReturnType<ZipPackage['stream']>;
  private readonly merges: string[] = [];
  private readonly letters: string[] = [];
  private readonly styleAttrs: string[] = [];
  /**
   * Rows waiting for the next write, encoded as they come into one buffer: joining the rows' strings
   * and encoding the join cost twice as much (a 100,000-row ledger is ~160 MB of XML).
   */
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private lastRow = 0;

  constructor(
    out: Writable,
    private readonly setup: SheetSetup,
    options: XlsxWriterOptions = {},
  ) {
    this.zip = new ZipPackage(out, options.level ?? 1);
    this.shared =
      options.sharedStrings === false ? null : new SharedStrings(options.sharedStrings ?? SHARED_STRING_LIMITS);
    const creator = options.creator ?? '';
    this.zip.add('_rels/.rels', ROOT_RELS);
    this.zip.add('docProps/core.xml', coreXml(creator, new Date()));
    this.zip.add('docProps/app.xml', appXml(creator));
    this.zip.add('xl/workbook.xml', workbookXml(setup.name, setup.printTitleRows));
    this.sheet = this.zip.stream(SHEET_PATH);
    this.push(sheetHead(setup));
  }

  /**
   * Row `r` (from 1, each after the last) with cells from column A; `styles[i]` is cell i's style
   * id (0 or missing: none). A blank value with a style still writes the cell, for its borders.
   * Returns a promise when the zip is behind: await it before the next row.
   */
  row(r: number, values: readonly XlsxValue[], styles: readonly number[], height?: number): Promise<void> | undefined {
    if (r <= this.lastRow) throw new Error(`行号必须递增：第 ${r} 行写在第 ${this.lastRow} 行之后`);
    this.lastRow = r;
    let x = height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`;
    const n = Math.max(values.length, styles.length);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const ref = (this.letters[i] ??= columnLetters(i)) + r;
      const s = styles[i] ?? 0;
      const sa = s ? (this.styleAttrs[s] ??= ` s="${s}"`) : '';
      if (v === null || v === undefined || v === '') {
        if (s) x += `<c r="${ref}"${sa}/>`;
      } else if (typeof v === 'number') {
        x += Number.isFinite(v) ? `<c r="${ref}"${sa}><v>${v}</v></c>` : `<c r="${ref}"${sa}/>`;
      } else {
        const text = cellText(v);
        const id = this.shared ? this.shared.id(text, i) : -1;
        x +=
          id >= 0
            ? `<c r="${ref}"${sa} t="s"><v>${id}</v></c>`
            : `<c r="${ref}"${sa} t="inlineStr"><is>${textElement(text)}</is></c>`;
      }
    }
    return this.push(`${x}</row>`);
  }

  private push(xml: string): Promise<void> | undefined {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so this much room always holds the row.
    if (this.used + xml.length * 3 <= this.chunk.length) {
      this.used += this.chunk.write(xml, this.used, 'utf8');
      return undefined;
    }
    // The chunk is full: it goes out, and a row too long for any chunk goes out on its own.
    let behind = this.flush();
    if (xml.length * 3 <= this.chunk.length) this.used = this.chunk.write(xml, 0, 'utf8');
    else behind = this.sheet.write(Buffer.from(xml, 'utf8')) ?? behind;
    // A caller drawing a one-off row (title, total, signature) may not await this; a failed file is
    // reported by finish(), so an unawaited rejection must not reach the process as unhandled.
    behind?.catch(() => undefined);
    return behind;
  }

  /** Merges rows `top..bottom` (from 1) over columns `left..right` (from 0); a single cell is left alone. */
  merge(top: number, left: number, bottom: number, right: number): void {
    if (top !== bottom || left !== right) this.merges.push(rangeRef(top, left, bottom, right));
  }

  private flush(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const bytes = this.chunk.subarray(0, this.used);
    // A fresh buffer: the zip still reads the one just handed over.
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    return this.sheet.write(bytes);
  }

  /** Ends the sheet and writes the parts that depend on it; resolves once the last byte is out. */
  async finish(): Promise<void> {
    await this.push(sheetTail(this.setup, this.merges));
    await this.flush();
    this.sheet.end();
    this.zip.add('xl/styles.xml', this.styles.xml());
    // The parts that name the shared-string table come last, when it is known whether there is one.
    const shared = this.shared !== null && this.shared.size > 0;
    if (shared) this.zip.add('xl/sharedStrings.xml', this.shared!.xml());
    this.zip.add('xl/_rels/workbook.xml.rels', workbookRels(shared));
    this.zip.add('[Content_Types].xml', contentTypes(shared));
    await this.zip.finish();
  }
}
