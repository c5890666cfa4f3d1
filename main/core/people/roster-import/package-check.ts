/**
 * A workbook is a zip; exceljs inflates every part whole before anything can be counted, so a small
 * hostile file (a million empty rows, one string of hundreds of millions of characters, a part
 * whose directory lies about its size) would hold the thread and gigabytes of memory. This reads
 * the zip directory first and refuses parts too large or too many, then streams every part through
 * inflate, counting a worksheet's rows and stopping as soon as there are too many. yauzl checks
 * every part's real size against its directory entry while inflating.
 */
import yauzl from 'yauzl';
import type { RosterFileError } from './types';

export interface PackageLimits {
  /** Rows a worksheet may hold (the data rows' limit plus room for a title and header). */
  maxRows: number;
  /** Inflated bytes of one part, and of all parts together. */
  maxPartBytes: number;
  maxTotalBytes: number;
  maxParts: number;
}

export const DEFAULT_PACKAGE_LIMITS: Omit<PackageLimits, 'maxRows'> = {
  // 20,000 rows of a roster's dozen columns is about 15 MB of sheet XML.
  maxPartBytes: 48 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
  maxParts: 1000,
};

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A row element, with or without a namespace prefix. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const TAG_OVERLAP = 64;

const tooLarge = (what: string): RosterFileError => ({
  code: 'TOO_LARGE',
  message: `文件内容过大（${what}），不像一个乡镇的花名册。请确认选择的文件，或删去多余的工作表和内容后再导入。`,
});
const tooManyRows = (maxRows: number): RosterFileError => ({
  code: 'TOO_MANY_ROWS',
  message: `数据超过 ${maxRows} 行，不像一个乡镇的花名册。请确认文件，或分批导入。`,
});
const corrupt: RosterFileError = {
  code: 'CORRUPT',
  message: '文件无法按 Excel 工作簿读取，可能已损坏或不是花名册。请用 Excel 打开后重新保存为 .xlsx 再导入。',
};

/** Null when the package may be handed to exceljs; otherwise why not, in the words of the import. */
export function checkWorkbookPackage(bytes: Uint8Array, limits: PackageLimits): Promise<RosterFileError | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (openErr, zip) => {
      if (openErr || !zip) return resolve(corrupt);
      let done = false;
      const finish = (result: RosterFileError | null) => {
        if (done) return;
        done = true;
        zip.close();
        resolve(result);
      };
      if (zip.entryCount > limits.maxParts) return finish(tooLarge(`${zip.entryCount} 个部件`));
      let total = 0;
      zip.on('error', () => finish(corrupt));
      zip.on('end', () => finish(null));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (done) return;
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxPartBytes) return finish(tooLarge(entry.fileName));
        if (total > limits.maxTotalBytes) return finish(tooLarge('各部件合计'));
        // Every part is inflated once here, not only the worksheets: yauzl stops a part at the first
        // byte past its directory size, so a directory that lies cannot hand exceljs a bomb.
        const check = WORKSHEET.test(entry.fileName) ? countRows(zip, entry, limits.maxRows) : drain(zip, entry);
        check.then(
          (ok) => (ok ? zip.readEntry() : finish(tooManyRows(limits.maxRows))),
          () => finish(corrupt),
        );
      });
      zip.readEntry();
    });
  });
}

/** Inflates a part to nothing; rejects when it is damaged or larger than its directory says. */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<boolean> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      stream.on('error', reject);
      stream.on('end', () => resolve(true));
      stream.resume();
    });
  });
}

/** Streams one worksheet through inflate: true when it holds at most `maxRows` rows. */
function countRows(zip: yauzl.ZipFile, entry: yauzl.Entry, maxRows: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      let rows = 0;
      let carry = '';
      stream.on('data', (chunk: Buffer) => {
        let text = carry + chunk.toString('latin1');
        // A tag cut at the chunk's end waits for the next chunk.
        const lt = text.lastIndexOf('<');
        carry = lt >= 0 && text.length - lt < TAG_OVERLAP && text.indexOf('>', lt) < 0 ? text.slice(lt) : '';
        if (carry) text = text.slice(0, lt);
        rows += text.match(ROW_TAG)?.length ?? 0;
        if (rows > maxRows) {
          stream.destroy();
          resolve(false);
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(true));
    });
  });
}
