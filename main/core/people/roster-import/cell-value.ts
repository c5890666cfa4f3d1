/** exceljs cell values (rich text, formulas, hyperlinks, errors) reduced to what a roster holds. */
import type { CellValue } from 'exceljs';
import { isoDate } from '../../../../shared/dates';
import { collapseSpaces } from '../../../../shared/text';

export type Plain = string | number | Date | boolean | null;

export function plainValue(v: CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return null;
  if ('formula' in v || 'sharedFormula' in v) return plainValue((v.result ?? null) as CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text as CellValue);
  return null;
}

/** The cell as the clerk sees it, trimmed; dates as `YYYY-MM-DD` (exceljs gives them in UTC). */
export function plainText(p: Plain): string {
  if (p === null || typeof p === 'boolean') return '';
  if (p instanceof Date) return isoDate(p.getUTCFullYear(), p.getUTCMonth() + 1, p.getUTCDate());
  if (typeof p === 'number') return String(p);
  return collapseSpaces(p);
}

export function isBlank(p: Plain): boolean {
  return plainText(p) === '';
}
