/**
 * Find the header row of a roster sheet: rosters printed from the official frame carry a title
 * (2026年玉井镇网格员花名册) and a 填报单位 line above it, so it is the first row within the top
 * rows that names at least two roster columns.
 */
import type { Worksheet } from 'exceljs';
import { collapseSpaces } from '../../../../shared/text';
import { plainText, plainValue } from './cell-value';
import { ROSTER_COLUMNS, ROSTER_FIELDS, matchHeader, type RosterField } from './columns';
import type { RosterColumn, RosterFileError } from './types';

export const HEADER_SEARCH_ROWS = 20;

export interface HeaderCell {
  col: number;
  letter: string;
  text: string;
  match: RosterField | 'unused' | null;
}

export function findHeaderRow(ws: Worksheet): { row: number; cells: HeaderCell[] } | null {
  const last = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const cells: HeaderCell[] = [];
    ws.getRow(r).eachCell((cell, col) => {
      const text = collapseSpaces(plainText(plainValue(cell.value)));
      if (text) cells.push({ col, letter: ws.getColumn(col).letter, text, match: matchHeader(text) });
    });
    const fields = new Set(cells.map((c) => c.match).filter((m) => m && m !== 'unused'));
    if (fields.size >= 2) return { row: r, cells };
  }
  return null;
}

/** Merged cells in the header (a two-row header, a 联系方式 spanning two columns) hide columns. */
export function mergedHeaderCells(ws: Worksheet, row: number): string[] {
  const merged: string[] = [];
  ws.getRow(row).eachCell({ includeEmpty: true }, (cell) => {
    if (cell.isMerged) merged.push(cell.address);
  });
  return merged;
}

/** Map header cells to fields, or say why the header cannot be used. */
export function resolveColumns(
  cells: HeaderCell[],
): { ok: true; columns: RosterColumn[]; unknown: string[] } | { ok: false; error: RosterFileError } {
  const columns: RosterColumn[] = [];
  const unknown: string[] = [];
  for (const c of cells) {
    if (c.match === null) unknown.push(c.text);
    if (c.match === null || c.match === 'unused') continue;
    const twin = columns.find((x) => x.field === c.match);
    if (twin) {
      return {
        ok: false,
        error: {
          code: 'DUPLICATE_COLUMN',
          message: `表头里有两列都是“${ROSTER_COLUMNS[c.match].label}”（${twin.letter} 列“${twin.header}”和 ${c.letter} 列“${c.text}”），请删去或改名其中一列后再导入。`,
        },
      };
    }
    columns.push({ field: c.match, header: c.text, letter: c.letter });
  }
  const missing = ROSTER_FIELDS.filter((f) => ROSTER_COLUMNS[f].required && !columns.some((c) => c.field === f));
  if (missing.length > 0) {
    const detail = missing.map(
      (f) => `“${ROSTER_COLUMNS[f].label}”（可用列名：${ROSTER_COLUMNS[f].names.join('、')}）`,
    );
    return {
      ok: false,
      error: { code: 'MISSING_COLUMNS', message: `缺少必需的列：${detail.join('；')}。请在表头补上该列后再导入。` },
    };
  }
  return { ok: true, columns, unknown };
}
