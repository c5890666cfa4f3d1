/**
 * The township the case benchmarks run on: 18 villages × 3 grids and N demo cases over three
 * years (or `years`), seeded once into a data folder that `--data-dir` keeps for the next run (seeding 1,000,000
 * cases takes about twelve minutes on this machine; reading them back takes a second).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedDemoCases } from '../../main/core/cases/demo';
import { makeCore, makeTownship, tempDir } from '../helpers/core';

export const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

/** Every case bench measures against this moment, so a kept folder gives the same figures. */
export const BENCH_NOW = '2026-11-20T10:00:00+08:00';

export function seededTownship(opts: { cases: number; dataDir: string; changeLog: boolean; years?: number }) {
  const clock = { now: () => new Date(BENCH_NOW) };
  if (opts.dataDir !== '' && fs.existsSync(path.join(opts.dataDir, 'zongzhi.sqlite'))) {
    return makeCore({ dataDir: opts.dataDir, clock });
  }
  const t = makeTownship({ dataDir: opts.dataDir || tempDir('zongzhi-bench-'), clock });
  const admin = t.login('admin');
  for (const v of t.ok<{ id: string; name: string }[]>('org.listVillages', {}, admin)) {
    for (let g = 1; g <= 3; g++) {
      t.ok(
        'org.createGrid',
        { villageId: v.id, type: 'village', name: `第${g}网格`, households: 300, residents: 900 },
        admin,
      );
    }
  }
  const started = performance.now();
  const r = seedDemoCases(t.core.deps, {
    count: opts.cases,
    seed: 1,
    years: opts.years ?? 3,
    now: new Date(BENCH_NOW).toISOString(),
    changeLog: opts.changeLog,
    onProgress: (done) =>
      done % 50_000 === 0 && console.log(`  seeded ${done} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  });
  const s = (performance.now() - started) / 1000;
  console.log(
    `seeded ${r.count} cases, ${r.events} timeline rows in ${s.toFixed(1)} s (${Math.round(r.count / s)} cases/s)`,
  );
  console.log(`states: ${JSON.stringify(r.byState)}`);
  return t;
}

export function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! };
}

/** Median and p95 of `runs` calls after one warm-up (page cache, prepared statements). */
export async function timeRuns(runs: number, fn: () => unknown): Promise<{ median: number; p95: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return stats(times);
}
