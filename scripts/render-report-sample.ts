/**
 * Renders the print frame's sample form the way a clerk would see it on paper: .xlsx → PDF with
 * LibreOffice and .html → PDF with Chromium, each PDF → one PNG per page. Open the PNGs and look.
 *
 *   npx tsx scripts/render-report-sample.ts [outDir=/tmp/report-sample] [rows=60]
 *
 * Needs what scripts/report-render.ts says.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtml, renderXlsx } from '../main/core/reports';
import { manySampleRows, SAMPLE_FORM, sampleData } from '../tests/helpers/report-sample';
import { pdfPageCount, renderer, warnWithoutCarlito } from './report-render';

const outDir = path.resolve(process.argv[2] ?? '/tmp/report-sample');
const rowCount = Number(process.argv[3] ?? 60);

warnWithoutCarlito();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const data = sampleData(manySampleRows(rowCount));
const xlsx = path.join(outDir, 'sample.xlsx');
await renderXlsx(SAMPLE_FORM, data, { file: xlsx });
const html = path.join(outDir, 'sample.html');
writeFileSync(html, renderHtml(SAMPLE_FORM, data));

const r = renderer(outDir);
const xlsxPdf = r.xlsxToPdf(xlsx);
console.log(`xlsx → ${xlsxPdf}: ${pdfPageCount(xlsxPdf)} page(s)`);
for (const png of r.toPngs(xlsxPdf, 'xlsx-page')) console.log(`  ${png}`);

const htmlPdf = r.htmlToPdf(html, path.join(outDir, 'sample-html.pdf'));
if (htmlPdf) {
  console.log(`html → ${htmlPdf}: ${pdfPageCount(htmlPdf)} page(s)`);
  for (const png of r.toPngs(htmlPdf, 'html-page')) console.log(`  ${png}`);
} else {
  console.log('chromium not found: HTML not rendered');
}
