/**
 * Recognise what a file really is from its first bytes, before exceljs sees it: clerks pick old
 * .xls files, CSVs renamed to .xlsx, and password-protected workbooks, and each deserves its own
 * advice rather than a zip error.
 */
import type { RosterFileError } from './types';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: legacy .xls, and also what Excel wraps an encrypted .xlsx in. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Stream names of an encrypted OOXML package (MS-OFFCRYPTO), stored as UTF-16LE directory names. */
const ENCRYPTED_STREAMS = ['EncryptedPackage', 'EncryptionInfo'].map((name) => Buffer.from(name, 'utf16le'));

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function sniffWorkbook(bytes: Uint8Array): RosterFileError | null {
  if (bytes.length === 0) return { code: 'EMPTY_FILE', message: '文件是空的（0 字节），请重新选择花名册文件。' };
  if (startsWith(bytes, ZIP)) return null;
  if (startsWith(bytes, OLE)) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (ENCRYPTED_STREAMS.some((name) => buf.includes(name))) {
      return {
        code: 'ENCRYPTED',
        message:
          '文件设置了打开密码，无法读取。请在 Excel 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”里清空密码并保存，再导入。',
      };
    }
    return {
      code: 'LEGACY_XLS',
      message: '这是旧版 Excel（.xls）文件。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入。',
    };
  }
  return {
    code: 'NOT_XLSX',
    message:
      '这不是 Excel 工作簿（.xlsx）文件。如果是 CSV、网页或文本文件，请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入。',
  };
}
