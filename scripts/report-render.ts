/**
 * Seeing a report as printed: .xlsx → PDF with LibreOffice, .html → PDF with Chromium, each PDF →
 * one PNG per page. Shared by the render scripts.
 *
 * Needs (Debian): libreoffice-calc fonts-noto-cjk poppler-utils fonts-crosextra-carlito, and
 * chromium for the HTML side. Excel measures columns in digits of Calibri; without Carlito (its
 * metric twin) LibreOffice measures in DejaVu and every column prints about a quarter too wide.
 * 宋体/黑体 are Windows fonts; a private fontconfig file maps them to the Noto CJK faces of the
 * same design (serif / sans), so the PNG is close to what Windows prints.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

export function pdfPageCount(pdf: string): number {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
}

export function warnWithoutCarlito(): void {
  if (!/Carlito/.test(spawnSync('fc-match', ['Calibri'], { encoding: 'utf8' }).stdout ?? '')) {
    console.warn('警告：未安装 fonts-crosextra-carlito，LibreOffice 中的列宽会比 Excel 宽。');
  }
}

/** Renders in `outDir` with the 宋体/黑体 substitutes. */
export function renderer(outDir: string) {
  const fontsConf = path.join(outDir, 'fonts.conf');
  writeFileSync(fontsConf, FONTS_CONF);
  const env = { ...process.env, FONTCONFIG_FILE: fontsConf };

  function toPngs(pdf: string, prefix: string): string[] {
    run('pdftoppm', ['-png', '-r', '80', pdf, path.join(outDir, prefix)]);
    return readdirSync(outDir)
      .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
      .map((f) => path.join(outDir, f));
  }

  return {
    toPngs,
    /** The workbook as LibreOffice prints it; returns the PDF's path. */
    xlsxToPdf(xlsx: string): string {
      // A private profile, so a LibreOffice already running elsewhere does not swallow the conversion.
      const profile = `file://${path.join(outDir, 'lo-profile')}`;
      run(
        'libreoffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx],
        env,
      );
      return xlsx.replace(/\.xlsx$/, '.pdf');
    },
    /** The HTML as Chromium prints it, or null without Chromium. */
    htmlToPdf(html: string, pdf: string): string | null {
      if (spawnSync('chromium', ['--version'], { encoding: 'utf8' }).status !== 0) return null;
      run(
        'chromium',
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          `file://${html}`,
        ],
        env,
      );
      return pdf;
    },
  };
}
