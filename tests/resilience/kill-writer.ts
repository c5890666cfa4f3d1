/**
 * The victim of the kill test (kill.test.ts): opens the core on a prepared township and writes
 * random valid records through the dispatcher until it is killed, printing `<kind> <id>` for each
 * write only after dispatch returned ok — a line on stdout is a write the app acknowledged.
 * Stdout to a pipe is synchronous on Linux, so a printed line has left the process before the next write.
 *
 * Usage: node --import tsx kill-writer.ts <dataDir> <run> <seed>
 */
import { openCore } from '../../main/core/app';
import { idCheckChar } from '../../shared/people/id-number';
import { PASSWORD } from '../helpers/core';
import { seeded } from './long';

/** Far more than any run reaches before its kill; bounds a run whose kill never comes. */
const MAX_WRITES = 100_000;

const [dataDir, runArg, seedArg] = process.argv.slice(2);
const run = Number(runArg);
const rnd = seeded(Number(seedArg));
const core = openCore({ dataDir: dataDir!, sweepIntervalMs: 0 });

function ok<T>(method: string, input: unknown, session?: string): T {
  const r = core.dispatch({ method, input, session });
  if (!r.ok) {
    // A refused valid write is a failure of its own: the parent sees the exit code, not a kill.
    process.stderr.write(`${method} 被拒绝：${JSON.stringify(r.error)}\n`);
    process.exit(3);
  }
  return r.data as T;
}

const session = ok<{ session: string }>('auth.login', { username: 'admin', password: PASSWORD }).session;
const villages = ok<{ id: string }[]>('org.listVillages', {}, session).map((v) => v.id);
const grids = ok<{ id: string }[]>('org.listGrids', {}, session).map((g) => g.id);

/** A valid 18-digit ID number unique across runs: run and counter in the birth date and sequence. */
function idNumber(i: number): string {
  const n = run * MAX_WRITES + i;
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `140621${ymd}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const WRITES = {
  grid: (i: number) =>
    ok<{ id: string }>(
      'org.createGrid',
      { villageId: rnd.pick(villages), type: 'village', name: `第${run}批${i}号网格`, households: 120, residents: 360 },
      session,
    ).id,
  person: (i: number) =>
    ok<{ id: string }>('people.create', { name: `断电${run}号${i}`, idNumber: idNumber(i) }, session).id,
  case: (i: number) =>
    ok<{ case: { id: string } }>(
      'cases.create',
      {
        source: 'hotline',
        categoryCode: '01',
        subcategoryCode: '02',
        gridId: rnd.pick(grids),
        place: `玉井村${i % 9}组`,
        occurredAt: '2026-11-25T08:00:00+08:00',
        reporterName: '李群众',
        summary: '两户因院墙排水发生争执',
        then: rnd.next() < 0.5 ? [{ action: 'report' }] : [],
      },
      session,
    ).case.id,
};
const KINDS = Object.keys(WRITES) as (keyof typeof WRITES)[];

for (let i = 0; i < MAX_WRITES; i++) {
  const kind = rnd.pick(KINDS);
  const id = WRITES[kind](i);
  if (kind === 'grid') grids.push(id);
  process.stdout.write(`${kind} ${id}\n`);
}
core.close();
