/**
 * The statistics forms at scale: for each form and period, the figures (resolveReport: one read
 * snapshot, every count through the case list's filters) and the workbook (our print frame), against
 * two baselines measured in the same run: one hand-written SQL aggregate giving the same counts, and
 * exceljs writing the same cells with no frame. Prints median / p95 and the ratios; no assertions.
 * Run: npx tsx tests/bench/report-forms.bench.ts [--cases N (default 1,000,000)] [--runs R]
 *      [--data-dir DIR (kept and reused, e.g. the cases-list bench's)] [--village]
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { resolveReport } from '../../main/core/reports/request';
import { renderXlsx } from '../../main/core/reports/xlsx';
import { arg, BENCH_NOW, seededTownship, timeRuns } from './seeded-township';

const N = Number(arg('cases', '1000000'));
const RUNS = Number(arg('runs', '7'));
const t = seededTownship({ cases: N, dataDir: arg('data-dir', ''), changeLog: false });
const { conn, pii } = t.core.deps;
const { sqlite } = conn;
const now = new Date(BENCH_NOW);
const villageCode = process.argv.includes('--village')
  ? (sqlite.prepare('SELECT code FROM villages ORDER BY code LIMIT 1').pluck().get() as string)
  : null;
const caseCount = sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
console.log(`${caseCount} cases; scope ${villageCode ?? '全镇'}; ${RUNS} runs each after one warm-up\n`);

const figures = (form: string, period: string) =>
  sqlite.transaction(() => resolveReport({ conn, db: conn.db, pii }, { form, period, villageCode }, now)).deferred();

/** Writes to a sink that only counts bytes, so neither side pays for the disk. */
async function toSink(write: (out: PassThrough) => Promise<unknown>): Promise<number> {
  const out = new PassThrough();
  let bytes = 0;
  out.on('data', (c: Buffer) => (bytes += c.length));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  return bytes;
}

/** The same cells as the form's body, written by exceljs alone: no title, merges, styles or print setup. */
async function bareXlsx(rows: readonly Record<string, unknown>[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough().resume(), useSharedStrings: true });
  const ws = wb.addWorksheet('表');
  for (const r of rows) ws.addRow(Object.values(r)).commit();
  ws.commit();
  await wb.commit();
}

/** Shanghai midnight of a day as the UTC instant cases store, `days` later. */
const shanghaiMidnight = (day: string, days = 0) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + days * 86_400_000).toISOString();
/** One aggregate that counts what the case forms count, written by hand (the floor for those queries). */
const bareCaseAggregate = sqlite.prepare(`
  SELECT category_code, subcategory_code, count(*),
         sum(state IN ('handled','fedBack','closed')), sum(state = 'closed'), sum(due_at < @now),
         sum(mediation_result = 'success')
  FROM cases
  WHERE deleted_at IS NULL AND created_at >= @from AND created_at < @to
    AND (@village IS NULL OR village_id = (SELECT id FROM villages WHERE code = @village))
  GROUP BY category_code, subcategory_code`);
const bareGridAggregate = sqlite.prepare(`
  SELECT village_id, type, count(*), sum(households), sum(residents) FROM grids
  WHERE deleted_at IS NULL GROUP BY village_id, type`);

const CASES: [form: string, period: string, from: string, to: string][] = [
  ['grid-basics', '2026-10', '', ''],
  ['case-handling', '2026-10', '2026-10-01', '2026-10-31'],
  ['case-handling', '2026', '2026-01-01', '2026-12-31'],
  ['disputes', '2026-10', '2026-10-01', '2026-10-31'],
  ['disputes', '2026', '2026-01-01', '2026-12-31'],
  ['fieldwork-yearly', '2026', '2026-01-01', '2026-12-31'],
];

const ms = (x: number) => x.toFixed(1).padStart(7);
console.log(
  'form / period'.padEnd(24),
  'figures med/p95',
  '  xlsx med',
  '  total',
  ' bare SQL',
  ' bare xlsx',
  ' ×SQL',
  ' ×xlsx',
);
for (const [form, period, from, to] of CASES) {
  const report = figures(form, period);
  const rows = report.data.rows as Record<string, unknown>[];
  const fig = await timeRuns(RUNS, () => figures(form, period));
  const xlsx = await timeRuns(RUNS, () => toSink((out) => renderXlsx(report.definition, report.data, { stream: out })));
  const sql = await timeRuns(RUNS, () =>
    form === 'grid-basics'
      ? bareGridAggregate.all()
      : bareCaseAggregate.all({
          from: shanghaiMidnight(from),
          to: shanghaiMidnight(to, 1),
          village: villageCode,
          now: now.toISOString(),
        }),
  );
  const plain = await timeRuns(RUNS, () => bareXlsx(rows));
  const total = fig.median + xlsx.median;
  console.log(
    `${form} ${period}`.padEnd(24),
    `${ms(fig.median)}/${ms(fig.p95)}`,
    ms(xlsx.median),
    ms(total),
    ms(sql.median),
    ms(plain.median).padStart(9),
    (fig.median / sql.median).toFixed(1).padStart(5),
    (xlsx.median / plain.median).toFixed(1).padStart(6),
  );
}
console.log('\nfigures = resolveReport in one read transaction; total = figures + xlsx (target < 1,000 ms)');
console.log('×SQL = figures / bare SQL aggregate; ×xlsx = our frame / exceljs writing the same cells bare');
t.core.close();
