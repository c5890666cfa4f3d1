/**
 * The print frame as one HTML document: the on-screen preview and what the browser prints. The
 * table's `<thead>` repeats on every printed page, `@page` sets paper, orientation and the page
 * number, and every piece of text is escaped.
 */
import type { ReportData, ReportDefinition, ReportRow } from './definition';
import {
  bodyCells,
  displayText,
  layoutTable,
  RunTracker,
  TotalAccumulator,
  type Run,
  type TableLayout,
} from './layout';
import type { CellValue } from './definition';
import { cssPageSize, MARGINS_MM } from './page';
import { headerLine, reportTitle, signatureParts } from './texts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped, with the form's own line breaks kept. */
const cellText = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

// Windows names first (what the clerk's PC has), then the Noto faces Linux and the test machines have.
const SONG = `"SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const HEI = `"SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;

const PAPER_MM = { A4: [210, 297], A3: [297, 420] } as const;
const MM_PER_PT = 25.4 / 72;
const BODY_PT = 11;
/** Cell padding and borders, in characters of the body font, per column. */
const CELL_EXTRA = 0.6;

/**
 * The body font size on paper: 11pt, or smaller so the table fits the page width, as Excel's
 * fit-to-width does for the workbook. Widths are in characters, and a Chinese character is as
 * wide as the font is tall.
 */
export function printFontPt(definition: ReportDefinition, layout: TableLayout): number {
  const [short, long] = PAPER_MM[definition.paper];
  const m = MARGINS_MM;
  const usableMm = (definition.orientation === 'landscape' ? long : short) - m.left - m.right;
  const chars = layout.columns.reduce((a, c) => a + c.width + CELL_EXTRA, 0);
  return Math.min(BODY_PT, Math.floor((usableMm / MM_PER_PT / chars) * 10) / 10);
}

function css(definition: ReportDefinition, layout: TableLayout): string {
  const m = MARGINS_MM;
  return `
@page {
  size: ${cssPageSize(definition.paper, definition.orientation)};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 10pt ${SONG}; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.35 ${SONG}; color: #000; background: #fff; }
h1 { margin: 0 0 8pt; font: bold 16pt/1.3 ${HEI}; text-align: center; }
.line { display: flex; justify-content: space-between; gap: 2em; margin: 0 0 4pt; }
.sign { display: flex; justify-content: space-between; gap: 1em; margin: 8pt 0 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }
th { font-weight: bold; text-align: center; }
tr.total td { font-weight: bold; }
.left { text-align: left; } .center { text-align: center; } .right { text-align: right; }
@media screen { body { padding: 16px; } }
.note { margin: 8pt 0 0; color: #555; }
@media print {
  .note { display: none; }
  body { font-size: ${printFontPt(definition, layout)}pt; line-height: 1.25; }
  /* Rows as tight as the workbook's, so a form that is one sheet in Excel is one sheet here too. */
  th, td { padding: 1.5pt 3pt; }
}`;
}

function colgroup(layout: TableLayout): string {
  const total = layout.columns.reduce((a, c) => a + c.width, 0);
  const cols = layout.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(3)}%">`);
  return `<colgroup>${cols.join('')}</colgroup>`;
}

function thead(layout: TableLayout): string {
  const rows: string[][] = Array.from({ length: layout.headerRows }, () => []);
  for (const h of layout.headerCells) {
    const span = `${h.rowSpan > 1 ? ` rowspan="${h.rowSpan}"` : ''}${h.colSpan > 1 ? ` colspan="${h.colSpan}"` : ''}`;
    rows[h.row]!.push(`<th${span}>${cellText(h.text)}</th>`);
  }
  return `<thead>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</thead>`;
}

/** Cells of one row: a run's first cell spans its rows down (`rowSpans`); the cells under it are left out. */
interface RowShape {
  labelSpan?: number;
  rowSpans?: Map<number, number>;
  covered?: Set<number>;
}

function tr(layout: TableLayout, values: CellValue[], className = '', shape: RowShape = {}): string {
  const { labelSpan = 1, rowSpans, covered } = shape;
  const tds: string[] = [];
  for (let i = 0; i < values.length; i++) {
    if (covered?.has(i)) continue;
    const c = layout.columns[i]!;
    const colSpan = i === 0 && labelSpan > 1 ? ` colspan="${labelSpan}"` : '';
    const rowSpan = rowSpans?.has(i) ? ` rowspan="${rowSpans.get(i)}"` : '';
    const align = i === 0 ? 'center' : c.align;
    tds.push(`<td class="${align}"${colSpan}${rowSpan}>${cellText(displayText(values[i], c.format))}</td>`);
    if (colSpan) i += labelSpan - 1;
  }
  return `<tr${className ? ` class="${className}"` : ''}>${tds.join('')}</tr>`;
}

/** Body rows as cells, with the mergeRuns columns' runs turned into row spans. */
function bodyRows(layout: TableLayout, rows: Iterable<ReportRow>, totals: TotalAccumulator): string[] {
  const cells: CellValue[][] = [];
  const shapes: Required<Omit<RowShape, 'labelSpan'>>[] = [];
  const runs = new RunTracker(layout);
  const span = (ended: Run[]) => {
    for (const run of ended) {
      shapes[run.first]!.rowSpans.set(run.col, run.last - run.first + 1);
      for (let i = run.first + 1; i <= run.last; i++) shapes[i]!.covered.add(run.col);
    }
  };
  let seq = 0;
  for (const row of rows) {
    totals.add(row);
    const values = bodyCells(layout, row, ++seq);
    cells.push(values);
    shapes.push({ rowSpans: new Map(), covered: new Set() });
    span(runs.add(values));
  }
  span(runs.finish());
  return cells.map((values, i) => tr(layout, values, '', shapes[i]));
}

/** The form as a complete HTML document (for an iframe's srcdoc or a print window). */
export function renderHtml(definition: ReportDefinition, data: ReportData<Iterable<ReportRow>>): string {
  const layout = layoutTable(definition);
  const title = reportTitle(definition, data);
  const line = headerLine(data);
  const totals = new TotalAccumulator(layout);
  const body = bodyRows(layout, data.rows, totals);
  if (data.total) {
    const values = totals.cells(data.total === true ? undefined : data.total);
    body.push(tr(layout, values, 'total', { labelSpan: layout.totalLabelSpan }));
  }
  const sign = signatureParts(data.signatures).map((p) => `<span>${escapeHtml(p)}</span>`);

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${css(definition, layout)}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="line"><span>${escapeHtml(line.left)}</span><span>${escapeHtml(line.right)}</span></div>
<table>${colgroup(layout)}${thead(layout)}
<tbody>
${body.join('\n')}
</tbody>
</table>
<div class="sign">${sign.join('')}</div>
${data.footnote ? `<p class="note">${escapeHtml(data.footnote)}</p>` : ''}
</body>
</html>
`;
}
