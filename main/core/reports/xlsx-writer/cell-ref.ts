/** A1-style references: column letters from a 0-based index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `B5` for row 5 (from 1), column 1 (from 0). */
export const cellRef = (row: number, col: number) => `${columnLetters(col)}${row}`;

/** `A1:I1`, rows from 1 and columns from 0. */
export const rangeRef = (top: number, left: number, bottom: number, right: number) =>
  `${cellRef(top, left)}:${cellRef(bottom, right)}`;
