/**
 * Renders every registered form from a seeded township (the report tests' one, plus a team in
 * each village so the roster runs over several pages) as a clerk would print it: .xlsx via
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
import { seedDemoCases } from '../main/core/cases/demo';
import { syntheticPeople } from '../main/core/people/synthetic';
import { REPORT_FORMS } from '../main/core/reports/forms/registry';
import { ledgerJobsOf } from '../main/core/reports/ledger/jobs';
import { dispatchAny, sessionUser } from '../main/core/rpc/dispatcher';
import { tempDir } from '../tests/helpers/core';
import { FIXED_NOW, seedReportTownship } from '../tests/helpers/report-township';
import { pdfPageCount, renderer, warnWithoutCarlito } from './report-render';

const outDir = path.resolve(process.argv[2] ?? '/tmp/report-forms');
const period = process.argv[3] ?? '2026-10';
const only = process.argv[4];

warnWithoutCarlito();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const t = seedReportTownship({ dataDir: tempDir('zongzhi-render-') });
const people = syntheticPeople({ countyCode: '140621', count: 80, seed: 'render', today: '2026-11-20' });
let next = 0;
for (const village of t.villages.slice(2, 18)) {
  const grid = t.ok<{ id: string }>(
    'org.createGrid',
    { villageId: village.id, type: 'village', name: `${village.name}第一网格`, households: 280, residents: 860 },
    t.clerk,
  );
  for (const [i, post] of [
    { type: 'head', villageId: village.id },
    { type: 'worker', gridId: grid.id, employment: 'full_time' },
    { type: 'worker', gridId: grid.id, employment: 'part_time' },
    { type: 'assistant', gridId: grid.id, assistantKind: assistantKind(next) },
  ].entries()) {
    const p = people[next++]!;
    const person = t.ok<{ id: string }>(
      'people.create',
      {
        name: p.name,
        idNumber: p.idNumber,
        phone: p.mobile,
        politicalStatus: p.politicalStatus,
        education: p.education,
      },
      t.clerk,
    );
    t.ok('posts.add', { personId: person.id, startDate: `2025-0${1 + i}-01`, ...post }, t.clerk);
  }
}

function assistantKind(n: number) {
  return (['veteran_member', 'group_head', 'mediator', 'safety_volunteer'] as const)[n % 4];
}

// A year of cases over those grids, so the case forms print real figures.
seedDemoCases(t.core.deps, { count: 3000, seed: 5, years: 1, now: FIXED_NOW.toISOString() });

const r = renderer(outDir);
for (const form of REPORT_FORMS.filter((f) => !only || f.definition.id === only)) {
  const id = form.definition.id;
  const input = { form: id, period, signatures: { preparer: '王小红', reviewer: '李建国', phone: '0349-6221234' } };
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
