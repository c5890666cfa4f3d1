/**
 * Roster import benchmark: parsing a 5,000-row 网格员花名册 against exceljs merely loading the same
 * file, in the same run, so the ratio shows what the parsing itself costs on this machine.
 * Run: npx tsx tests/bench/roster-parse.bench.ts [rows] [runs]
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { parseRoster } from '../../main/core/people/roster-import/parse';
import { syntheticRosterBytes } from '../helpers/roster-xlsx';

const ROWS = Number(process.argv[2] ?? 5000);
const RUNS = Number(process.argv[3] ?? 7);
const TODAY = '2026-06-01';
/** The target for previewing 5,000 rows. */
const TARGET_MS = 2000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const bytes = await syntheticRosterBytes(ROWS, TODAY);
const loadOnly = () => new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as never);
const parse = () => parseRoster(bytes, { today: TODAY });

const check = await parse();
if (!check.ok) throw new Error(check.message);
const good = check.rows.filter((r) => r.ok).length;
if (check.rows.length !== ROWS || good !== ROWS) throw new Error(`expected ${ROWS} good rows, got ${good}`);
await loadOnly(); // warm-up for both paths

const loads: number[] = [];
const parses: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved so that a slow moment of the machine hits both sides alike.
  loads.push(await timed(loadOnly));
  parses.push(await timed(parse));
}
const load = median(loads);
const full = median(parses);
const ms = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, best ${Math.min(...xs).toFixed(0)} ms`;
console.log(`roster parse: ${ROWS} rows, ${(bytes.length / 1024).toFixed(0)} KiB, ${RUNS} interleaved runs`);
console.log(`  exceljs load only : ${ms(loads)}`);
console.log(`  parseRoster       : ${ms(parses)}  (target < ${TARGET_MS} ms: ${full < TARGET_MS ? 'met' : 'MISSED'})`);
console.log(
  `  ratio parse/load  : median ${(full / load).toFixed(2)}, best ${(Math.min(...parses) / Math.min(...loads)).toFixed(2)}`,
);
