/**
 * Case numbers: township code (9 digits) + year + 6-digit sequence, `140621100-2026-000123`.
 * The township code keeps numbers unique once the county gathers every township's cases; the
 * sequence restarts each year, as paper registers do.
 */
import { TOWNSHIP_CODE_RE } from '../org/codes';
import { compactCode } from '../text';

export const CASE_SEQ_MAX = 999_999;
export const CASE_NUMBER_RE = /^(\d{9})-(\d{4})-(\d{6})$/;

export interface CaseNumber {
  townshipCode: string;
  year: number;
  seq: number;
}

const validYear = (y: number) => Number.isInteger(y) && y >= 2000 && y <= 2099;
const validSeq = (n: number) => Number.isInteger(n) && n >= 1 && n <= CASE_SEQ_MAX;

export function formatCaseNumber({ townshipCode, year, seq }: CaseNumber): string {
  if (!TOWNSHIP_CODE_RE.test(townshipCode)) throw new RangeError(`乡镇代码应为 9 位数字：${townshipCode}`);
  if (!validYear(year)) throw new RangeError(`年份不正确：${year}`);
  if (!validSeq(seq)) throw new RangeError(`事件序号应在 1–${CASE_SEQ_MAX} 之间：${seq}`);
  return `${townshipCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/**
 * Reads a number as clerks type or paste it (full-width digits, stray blanks, en/em dashes);
 * null when it is not one.
 */
export function parseCaseNumber(text: string): CaseNumber | null {
  const m = CASE_NUMBER_RE.exec(compactCode(text).replace(/[\u2010-\u2015\u2212]/g, '-'));
  if (!m) return null;
  const year = Number(m[2]);
  const seq = Number(m[3]);
  if (!validYear(year) || !validSeq(seq)) return null;
  return { townshipCode: m[1]!, year, seq };
}
