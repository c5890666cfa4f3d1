/**
 * 走访 at scale: the counts the forms and the 工作台 take (countVisits / countBuildings) and the
 * 走访 page's pages (core dispatch: auth, input check, page of 50, total, output check), against two
 * hand-written baselines measured in the same run: the same count as one prepared statement, and
 * the bare first page (ids and columns of one table, no names, no total). Visits are written straight
 * into the table (prepared statements, change capture off) over three years before BENCH_NOW.
 * Prints median / p95 and ratios; no assertions.
 * Run: npx tsx tests/bench/fieldwork.bench.ts [--visits N (default 360,000: three years at the
 *      seed county's 120,000 a year)] [--runs R]
 */
import { v7 as uuidv7 } from 'uuid';
import { seedDemoTownship } from '../../main/core/demo/seed';
import { countBuildings, countVisits } from '../../main/core/fieldwork/counts';
import { seededRandom } from '../../main/core/people/random';
import { parsePeriod } from '../../main/core/reports/periods';
import { dropChangeCapture, installChangeCapture } from '../../main/core/sync/triggers';
import { makeTownship, tempDir } from '../helpers/core';
import { arg, BENCH_NOW, timeRuns } from './seeded-township';

const N = Number(arg('visits', '360000'));
const RUNS = Number(arg('runs', '15'));
const t = makeTownship({ dataDir: tempDir('zongzhi-bench-'), clock: { now: () => new Date(BENCH_NOW) } });
seedDemoTownship(t.core, { visitsPerMonth: 1, seed: 'bench' });
const { conn, pii } = t.core.deps;
const { sqlite, db } = conn;

const grids = sqlite
  .prepare(
    "SELECT g.id, g.village_id AS villageId, p.person_id AS workerId FROM grids g JOIN posts p ON p.grid_id = g.id AND p.type = 'worker'",
  )
  .all() as { id: string; villageId: string; workerId: string }[];
const insert = sqlite.prepare(`INSERT INTO household_visits
  (id, created_at, updated_at, updated_by, village_id, grid_id, visitor_id, visited_on, method, subject_name, address,
   phone_enc, household_size, content, issues)
  VALUES (@id, @at, @at, 'bench', @villageId, @gridId, @visitorId, @day, @method, @name, @address, @phone, 3, @content, @issues)`);
const r = seededRandom('fieldwork-bench');
const end = Date.parse(BENCH_NOW);
const started = performance.now();
dropChangeCapture(sqlite);
sqlite.transaction(() => {
  for (let i = 0; i < N; i++) {
    const g = grids[i % grids.length]!;
    const day = new Date(end - r.int(0, 3 * 365) * 86_400_000).toISOString().slice(0, 10);
    insert.run({
      id: uuidv7(),
      at: `${day}T02:00:00.000Z`,
      villageId: g.villageId,
      gridId: g.id,
      visitorId: g.workerId,
      day,
      method: r.chance(0.8) ? 'in_person' : 'phone',
      name: `户主${i % 997}`,
      address: `某村${r.int(1, 9)}组${r.int(1, 80)}号`,
      phone: r.chance(0.6) ? pii.encrypt(`139${String(r.int(0, 99_999_999)).padStart(8, '0')}`) : null,
      content: r.pick(['了解家庭近况', '宣传防诈骗知识', '排查用电安全隐患', '核实常住人口']),
      issues: r.chance(0.2) ? '反映巷道排水不畅' : null,
    });
  }
})();
installChangeCapture(sqlite);
sqlite.pragma('optimize');
const total = sqlite.prepare('SELECT count(*) FROM household_visits').pluck().get() as number;
console.log(
  `${total} visits over ${grids.length} grids, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`${RUNS} runs each after one warm-up; median / p95 ms\n`);

const village = grids[0]!.villageId;
const year = parsePeriod('2026');
const month = parsePeriod('2026-10');
const bareCount = sqlite.prepare(
  'SELECT count(*) FROM household_visits WHERE visited_on BETWEEN ? AND ? AND deleted_at IS NULL',
);
const barePage = sqlite.prepare(
  'SELECT * FROM household_visits WHERE deleted_at IS NULL ORDER BY visited_on DESC, id DESC LIMIT 50',
);
const list = (input: Record<string, unknown>) => {
  const res = t.core.dispatch({ method: 'visits.list', input: { limit: 50, ...input }, session: t.clerk });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
};

/** Each group: its baseline first, then what is measured against it. */
const groups: [string, () => unknown][][] = [
  [
    ['baseline: hand-written count, 2026', () => bareCount.get(year.start, year.end)],
    ['countVisits 2026 (township)', () => countVisits(db, { period: year })],
    ['countVisits 2026-10 (township)', () => countVisits(db, { period: month })],
    ['countVisits 2026, one village', () => countVisits(db, { period: year, villageId: village })],
    ['countVisits 2026, one grid', () => countVisits(db, { period: year, gridId: grids[0]!.id })],
    ['countVisits 2026, method 电话', () => countVisits(db, { period: year, method: 'phone' })],
    ['countBuildings 2026 (township)', () => countBuildings(db, { period: year })],
  ],
  [
    ['baseline: bare first page of the table', () => barePage.all()],
    ['visits.list newest first', () => list({})],
    ['visits.list village + 2026-10', () => list({ villageId: village, from: month.start, to: month.end })],
    ['visits.list method 电话', () => list({ method: 'phone' })],
    ['visits.list search 排水', () => list({ q: '排水' })],
    ['visits.list page 200 (offset 10,000)', () => list({ offset: 10_000, limit: 200 })],
  ],
];
for (const group of groups) {
  let baseline = 0;
  for (const [label, fn] of group) {
    const s = await timeRuns(RUNS, fn);
    if (baseline === 0) baseline = s.median;
    const ratio = label.startsWith('baseline') ? '' : `  (${(s.median / baseline).toFixed(1)}× baseline)`;
    console.log(`${label.padEnd(40)} ${s.median.toFixed(1).padStart(7)} / ${s.p95.toFixed(1).padStart(7)}${ratio}`);
  }
  console.log('');
}
t.core.close();
