/**
 * Roster import preview end to end: base64 upload → parse → match against the database (1,000
 * people already registered) → masked preview rows, through the dispatcher as the UI calls it.
 * Run: npx tsx tests/bench/roster-import.bench.ts [rows] [runs]
 */
import { performance } from 'node:perf_hooks';
import { syntheticPeople } from '../../main/core/people/synthetic';
import { makeTownship } from '../helpers/core';
import { syntheticRosterBytes } from '../helpers/roster-xlsx';

const ROWS = Number(process.argv[2] ?? 5000);
const RUNS = Number(process.argv[3] ?? 5);
const TODAY = '2026-11-26';
const TARGET_MS = 2000;

const t = makeTownship();
// The synthetic roster spreads its people over 玉井村第1网格 … 第40网格.
const village = t.ok<{ id: string; name: string }[]>('org.listVillages', {}, t.clerk).find((v) => v.name === '玉井村')!;
for (let n = 1; n <= 40; n++) {
  const grid = { villageId: village.id, type: 'village', name: `第${n}网格`, households: 300, residents: 900 };
  t.ok('org.createGrid', grid, t.clerk);
}
// The roster's first 1,000 people are registered already, so those rows preview as updates.
for (const p of syntheticPeople({ countyCode: '140621', count: 1000, seed: 'roster-bench', today: TODAY })) {
  t.ok('people.create', { name: p.name, idNumber: p.idNumber, phone: p.mobile }, t.clerk);
}
const file = Buffer.from(await syntheticRosterBytes(ROWS, TODAY)).toString('base64');
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  const r = await t.core.dispatch.async!({ method: 'people.importPreview', input: { file }, session: t.clerk });
  times.push(performance.now() - started);
  if (!r.ok) throw new Error(r.error.message);
  if (i === 0) console.log(`counts: ${JSON.stringify((r.data as { counts: unknown }).counts)}`);
}
t.core.close();
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
console.log(
  `importPreview, ${ROWS} rows: median ${Math.round(median)} ms over ${RUNS} runs (target < ${TARGET_MS} ms)`,
);
console.log(`ratio to target: ${(median / TARGET_MS).toFixed(2)}`);
