/** Builds roster workbooks in memory for tests and the benchmark, so no binary fixtures are committed. */
import ExcelJS from 'exceljs';
import { EDUCATION_LABELS, EMPLOYMENT_LABELS, POLITICAL_STATUS_LABELS, SEX_LABELS } from '../../shared/people/codes';
import { syntheticPeople } from '../../main/core/people/synthetic';

export const STANDARD_HEADERS = [
  '序号',
  '网格',
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '联系电话',
  '专兼职',
  '政治面貌',
  '文化程度',
  '登记日期',
  '备注',
];

export interface SheetSpec {
  name?: string;
  /** A title row above the header, merged across it as on the printed form. */
  title?: string;
  headers: string[];
  rows: ExcelJS.CellValue[][];
  /** Extra merges, e.g. 'E2:F2'. */
  merges?: string[];
  /** Per-column number formats, e.g. { 4: '@' } for text. */
  numFmts?: Record<number, string>;
}

export async function workbookBytes(...sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [i, spec] of sheets.entries()) {
    const ws = wb.addWorksheet(spec.name ?? `Sheet${i + 1}`);
    if (spec.title) {
      ws.addRow([spec.title]);
      ws.mergeCells(1, 1, 1, Math.max(spec.headers.length, 1));
    }
    ws.addRow(spec.headers);
    for (const row of spec.rows) ws.addRow(row);
    for (const range of spec.merges ?? []) ws.mergeCells(range);
    for (const [col, fmt] of Object.entries(spec.numFmts ?? {})) ws.getColumn(Number(col)).numFmt = fmt;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A realistic roster of `count` synthetic grid workers in the standard column layout. */
export async function syntheticRosterBytes(count: number, today: string): Promise<Uint8Array> {
  const people = syntheticPeople({ countyCode: '140621', count, seed: 'roster-bench', today });
  const rows = people.map((p, i) => [
    i + 1,
    `玉井村第${(i % 40) + 1}网格`,
    p.name,
    p.idNumber,
    SEX_LABELS[p.sex],
    new Date(`${p.birthDate}T00:00:00Z`),
    p.mobile,
    EMPLOYMENT_LABELS[p.employment],
    POLITICAL_STATUS_LABELS[p.politicalStatus],
    EDUCATION_LABELS[p.education],
    '2026-01-05',
    '',
  ]);
  return workbookBytes({ title: '2026年玉井镇网格员花名册', headers: STANDARD_HEADERS, rows });
}

/** An OLE compound file as Excel writes one: the signature, a header sector, UTF-16LE directory names. */
export function oleFile(...streams: string[]): Uint8Array {
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      ...streams.map((s) => Buffer.from(s.padEnd(32, '\0'), 'utf16le')),
    ]),
  );
}

/** What a password-protected .xlsx looks like (MS-OFFCRYPTO: an OLE file with the encrypted package). */
export const encryptedWorkbook = () => oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces');
