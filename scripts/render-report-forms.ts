/**
 * Renders every registered form from tests/helpers/print-township.ts as a clerk would print it: .xlsx via
 * LibreOffice and the on-screen preview's HTML via Chromium, each to PDF and PNGs. Look at them.
 *
 *   npx tsx scripts/render-report-forms.ts [outDir=/tmp/report-forms] [period=2026-10] [form id: only that one]
 *
 * A streamed form (事件台账) is exported through its job, as the 报表 page does.
 *
 * Needs what scripts/report-render.ts says.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPORT_FORMS } from '../main/core/reports/forms/registry';
import { ledgerJobsOf } from '../main/core/reports/ledger/jobs';
import { dispatchAny, sessionUser } from '../main/core/rpc/dispatcher';
import { printPeriod, seedPrintTownship } from '../tests/helpers/print-township';
import { pdfPageCount, renderer, warnWithoutCarlito } from './report-render';

const outDir = path.resolve(process.argv[2] ?? '/tmp/report-forms');
const period = process.argv[3] ?? '2026-10';
const only = process.argv[4];

warnWithoutCarlito();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const t = seedPrintTownship();

const r = renderer(outDir);
for (const form of REPORT_FORMS.filter((f) => !only || f.definition.id === only)) {
  const id = form.definition.id;
  const input = {
    form: id,
    period: printPeriod(form, period),
    signatures: { preparer: '王小红', reviewer: '李建国', phone: '0349-6221234' },
  };
  const xlsx = path.join(outDir, `${id}.xlsx`);
  if (form.stream) {
    const jobs = ledgerJobsOf(t.core.deps);
    const admin = sessionUser(t.core.deps, t.admin);
    const job = await jobs.wait(jobs.start({ ...input, reveal: false }, admin, xlsx).id, admin);
    if (job.state !== 'done') throw new Error(job.error);
  } else {
    const res = await dispatchAny(t.core.dispatch, { method: 'reports.export', input, session: t.admin });
    if (!res.ok) throw new Error(res.error.message);
    writeFileSync(xlsx, Buffer.from((res.data as { bytes: string }).bytes, 'base64'));
  }
  const xlsxPdf = r.xlsxToPdf(xlsx);
  console.log(`${form.definition.name} xlsx → ${pdfPageCount(xlsxPdf)} page(s)`);
  for (const png of r.toPngs(xlsxPdf, `${id}-xlsx`)) console.log(`  ${png}`);

  const html = path.join(outDir, `${id}.html`);
  writeFileSync(html, t.ok<{ html: string }>('reports.preview', input, t.admin).html);
  const htmlPdf = r.htmlToPdf(html, path.join(outDir, `${id}-html.pdf`));
  if (!htmlPdf) continue;
  console.log(`${form.definition.name} html → ${pdfPageCount(htmlPdf)} page(s)`);
  for (const png of r.toPngs(htmlPdf, `${id}-html`)) console.log(`  ${png}`);
}
t.core.close();
