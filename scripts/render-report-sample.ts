/**
 * Renders the print frame's sample form the way a clerk would see it on paper: .xlsx → PDF with
 * LibreOffice and .html → PDF with Chromium, each PDF → one PNG per page. Open the PNGs and look.
 *
 *   npx tsx scripts/render-report-sample.ts [outDir=/tmp/report-sample] [rows=60]
 *
 * Needs (Debian): libreoffice-calc fonts-noto-cjk poppler-utils fonts-crosextra-carlito, and
 * chromium for the HTML side. Excel measures columns in digits of Calibri; without Carlito (its
 * metric twin) LibreOffice measures in DejaVu and every column prints about a quarter too wide.
 * 宋体/黑体 are Windows fonts; a private fontconfig file maps them to the Noto CJK faces of the
 * same design (serif / sans), so the PNG is close to what Windows prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtml, renderXlsx } from '../main/core/reports';
import { manySampleRows, SAMPLE_FORM, sampleData } from '../tests/helpers/report-sample';

const outDir = path.resolve(process.argv[2] ?? '/tmp/report-sample');
const rowCount = Number(process.argv[3] ?? 60);

const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${[
    ['宋体', 'Noto Serif CJK SC'],
    ['SimSun', 'Noto Serif CJK SC'],
    ['黑体', 'Noto Sans CJK SC'],
    ['SimHei', 'Noto Sans CJK SC'],
  ]
    .map(
      ([from, to]) => `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`,
    )
    .join('\n  ')}
</fontconfig>
`;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.error?.message}`);
}

function pages(pdf: string): number {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
}

function toPngs(pdf: string, prefix: string): string[] {
  run('pdftoppm', ['-png', '-r', '80', pdf, path.join(outDir, prefix)]);
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .map((f) => path.join(outDir, f));
}

if (!/Carlito/.test(spawnSync('fc-match', ['Calibri'], { encoding: 'utf8' }).stdout ?? '')) {
  console.warn('警告：未安装 fonts-crosextra-carlito，LibreOffice 中的列宽会比 Excel 宽。');
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const data = sampleData(manySampleRows(rowCount));
const xlsx = path.join(outDir, 'sample.xlsx');
await renderXlsx(SAMPLE_FORM, data, { file: xlsx });
const html = path.join(outDir, 'sample.html');
writeFileSync(html, renderHtml(SAMPLE_FORM, data));

const fontsConf = path.join(outDir, 'fonts.conf');
writeFileSync(fontsConf, FONTS_CONF);
const env = { ...process.env, FONTCONFIG_FILE: fontsConf };

// A private profile, so a LibreOffice already running elsewhere does not swallow the conversion.
const profile = `file://${path.join(outDir, 'lo-profile')}`;
run(
  'libreoffice',
  [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx],
  env,
);
const xlsxPdf = path.join(outDir, 'sample.pdf');
console.log(`xlsx → ${xlsxPdf}: ${pages(xlsxPdf)} page(s)`);
for (const png of toPngs(xlsxPdf, 'xlsx-page')) console.log(`  ${png}`);

const htmlPdf = path.join(outDir, 'sample-html.pdf');
const chromium = spawnSync('chromium', ['--version'], { encoding: 'utf8' });
if (chromium.status === 0) {
  run(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-pdf-header-footer',
      `--print-to-pdf=${htmlPdf}`,
      `file://${html}`,
    ],
    env,
  );
  console.log(`html → ${htmlPdf}: ${pages(htmlPdf)} page(s)`);
  for (const png of toPngs(htmlPdf, 'html-page')) console.log(`  ${png}`);
} else {
  console.log('chromium not found: HTML not rendered');
}
