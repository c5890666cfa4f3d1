/**
 * The case list at scale: seeds N demo cases (default 1,000,000) into a temporary data folder,
 * then times cases.list through the dispatcher (auth, input check, page + total, output check) for
 * filter, sort and full-text combinations, each page query and count query on its own, and two
 * bare baselines measured in the same run. Prints median / p95 and the query plans; no assertions.
 * Run: npx tsx tests/bench/cases-list.bench.ts [--cases N] [--runs R] [--data-dir DIR (kept, reused)]
 *      [--no-change-log (seed without capture: about half the write work)]
 */
import fs from 'node:fs';
import { listQueries } from '../../main/core/cases/list';
import type { HandlerContext } from '../../main/core/context';
import { caseListInputSchema } from '../../shared/api/cases';
import { arg, BENCH_NOW, seededTownship, timeRuns } from './seeded-township';

const N = Number(arg('cases', '1000000'));
const RUNS = Number(arg('runs', '15'));
const t = seededTownship({
  cases: N,
  dataDir: arg('data-dir', ''),
  changeLog: !process.argv.includes('--no-change-log'),
});
const { sqlite } = t.core.deps.conn;
const session = t.login('lu');

const cases = sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
const mb = (fs.statSync(t.core.paths.dbFile).size / 1e6).toFixed(0);
console.log(`database: ${cases} cases, ${mb} MB, data folder ${t.dataDir}\n`);

const grid = sqlite.prepare('SELECT grid_id FROM cases GROUP BY grid_id ORDER BY count(*) DESC LIMIT 1').pluck().get();
const village = sqlite.prepare('SELECT village_id FROM cases LIMIT 1').pluck().get();

const time = (fn: () => unknown) => timeRuns(RUNS, fn);
const ms = (x: number) => x.toFixed(1).padStart(7);

const baselinePage = await time(() => sqlite.prepare('SELECT id FROM cases ORDER BY rowid LIMIT 50').all());
const baselineCount = await time(() => sqlite.prepare('SELECT count(*) FROM cases WHERE grid_id = ?').get(grid));
console.log(`baseline page  SELECT id … ORDER BY rowid LIMIT 50      median ${ms(baselinePage.median)} ms`);
console.log(`baseline count SELECT count(*) … WHERE grid_id = ?      median ${ms(baselineCount.median)} ms\n`);

const ctx = {
  ...t.core.deps,
  db: t.core.deps.conn.db,
  user: { id: 'bench', username: 'lu', displayName: '陆录入', role: 'clerk' },
  session: null,
  now: new Date(BENCH_NOW).toISOString(),
  audit: {},
} as unknown as HandlerContext;

const QUERIES: [string, object][] = [
  ['newest first, no filter', {}],
  ['quick overdue, by dueAt', { quick: 'overdue', sort: 'dueAt', dir: 'asc' }],
  ['quick overdue, newest first', { quick: 'overdue' }],
  ['quick dueSoon', { quick: 'dueSoon' }],
  ['quick mine (录入员)', { quick: 'mine' }],
  ['states handling+assigned, grid', { states: ['assigned', 'handling'], gridId: grid }],
  ['state closed, grid', { states: ['closed'], gridId: grid }],
  ['category 01 + thisMonth', { categoryCode: '01', quick: 'thisMonth' }],
  ['village + source hotline', { villageId: village, source: 'hotline' }],
  ['all, sorted by dueAt desc', { sort: 'dueAt', dir: 'desc' }],
  ['all, sorted by occurredAt', { sort: 'occurredAt' }],
  ['page 200 (offset 10,000)', { offset: 10_000 }],
  ['q 噪音 (2 chars)', { q: '噪音' }],
  ['q 漏水 + grid', { q: '漏水', gridId: grid }],
  ['q 施工噪音 (4 chars)', { q: '施工噪音' }],
  ['q 卫生间漏水 + closed + thisMonth', { q: '卫生间漏水', states: ['closed'], quick: 'thisMonth' }],
  ['q A栋302 (mixed)', { q: 'A栋302' }],
  ['q 扰 (1 char)', { q: '扰' }],
];

const plan = (q: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql, params } = q.toSQL();
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
};

console.log('query'.padEnd(36), 'dispatch med / p95 ms', ' page med', 'count med', ' total', ' ×base page');
const plans: string[] = [];
for (const [name, input] of QUERIES) {
  const parsed = caseListInputSchema.parse(input);
  const q = listQueries(ctx, parsed);
  const call = () => {
    const r = t.core.dispatch({ method: 'cases.list', input, session });
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.data as { total: number };
  };
  const total = call().total;
  const whole = await time(call);
  const page = await time(() => q.page.all());
  const count = await time(() => q.knownTotal ?? q.count.get());
  console.log(
    name.padEnd(36),
    `${ms(whole.median)} / ${ms(whole.p95)}`,
    ms(page.median),
    ms(count.median),
    String(total).padStart(7),
    (whole.median / baselinePage.median).toFixed(0).padStart(8),
  );
  plans.push(`${name}\n  page:  ${plan(q.page)}\n  count: ${plan(q.count)}`);
}
const dashboard = await time(() => {
  const r = t.core.dispatch({ method: 'dashboard.summary', input: {}, session });
  if (!r.ok) throw new Error(r.error.message);
});
console.log(`${'dashboard.summary (工作台, 30 counts)'.padEnd(36)} ${ms(dashboard.median)} / ${ms(dashboard.p95)}`);
console.log(`\n(${RUNS} runs each after one warm-up; dispatch = auth + input check + page + total + output check)`);
console.log('\nquery plans:\n' + plans.join('\n'));
t.core.close();
