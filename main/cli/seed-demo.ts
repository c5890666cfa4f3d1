import { seedDemoCases } from '../core/cases/demo';
import { seedDemoTownship } from '../core/demo/seed';
import { openLockedCore } from './locked-core';
import { dataDirOf, parseCommand, UsageError } from './args';

const out = (line: string) => process.stdout.write(line + '\n');

function countOf(raw: string | undefined, flag: string, min: number, max = 100_000): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag} 应为 ${min}–${max} 的整数，收到：${raw}`);
  }
  return n;
}

/** The cases' numeric seed from the same --seed text the township uses (FNV-1a). */
function numericSeed(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

export const seedDemo = {
  usage:
    'seed-demo [--grids N] [--people N] [--cases N [--years N]] [--seed 种子] [--township 9位代码] [--password 密码] [--force]\n' +
    '      生成演示数据：真实区划代码下的网格、“一长三员”、党小组、培训记录、近一年的入户走访与楼院采集（人员信息为虚构）。\n' +
    '      未初始化的文件夹先按 --township（默认 140621100 玉井镇）初始化，管理员 admin，密码 --password（默认 demo123456）。\n' +
    '      已有网格或人员数据时拒绝写入，除非加 --force（在现有数据上追加）。同一 --seed 生成相同的人员与结构。',
  run(argv: string[]) {
    const { values } = parseCommand(argv, {
      grids: { type: 'string' },
      people: { type: 'string' },
      seed: { type: 'string' },
      township: { type: 'string' },
      password: { type: 'string' },
      force: { type: 'boolean' },
      cases: { type: 'string' },
      years: { type: 'string' },
    });
    const grids = countOf(values.grids, 'grids', 1);
    const people = countOf(values.people, 'people', 1);
    const caseCount = countOf(values.cases, 'cases', 1, 2_000_000);
    const years = countOf(values.years, 'years', 1, 20);
    if (years !== undefined && caseCount === undefined) throw new UsageError('--years 须与 --cases 一起使用');
    const core = openLockedCore({ dataDir: dataDirOf(values) });
    try {
      const hasGrids = () =>
        (core.deps.conn.sqlite.prepare('SELECT count(*) FROM grids WHERE deleted_at IS NULL').pluck().get() as number) >
        0;
      // `--cases` alone on a township that has its grids adds cases only.
      const township = caseCount === undefined || grids !== undefined || people !== undefined || !hasGrids();
      if (township) seedTownship(core, values, grids, people);
      if (caseCount !== undefined) {
        const r = seedDemoCases(core.deps, {
          count: caseCount,
          seed: numericSeed(values.seed ?? 'zongzhi-demo'),
          years,
          now: core.deps.clock.now().toISOString(),
          onProgress: (done) => process.stderr.write(`\r已生成事件 ${done} / ${caseCount}`),
        });
        process.stderr.write('\n');
        const closed = r.byState.closed ?? 0;
        out(`已生成演示事件 ${r.count} 件（办结 ${closed} 件），时间线 ${r.events} 条`);
      }
    } finally {
      core.close();
    }
  },
};

function seedTownship(
  core: ReturnType<typeof openLockedCore>,
  values: { seed?: string; force?: boolean; township?: string; password?: string },
  grids: number | undefined,
  people: number | undefined,
): void {
  const r = seedDemoTownship(core, {
    grids,
    people,
    seed: values.seed,
    force: values.force,
    init: {
      townshipCode: values.township ?? '140621100',
      adminUsername: 'admin',
      password: values.password ?? 'demo123456',
    },
  });
  if (r.initialised) out(`已初始化 ${r.township.name}（${r.township.code}），管理员 admin`);
  out(
    `已生成演示数据：${r.villages} 个村（社区），${r.grids} 个网格，${r.partyGroups} 个党小组，` +
      `${r.people} 人（党员 ${r.partyMembers}），任职 ${r.posts} 条，培训记录 ${r.trainings} 条，` +
      `入户走访 ${r.visits} 次，楼院 ${r.buildings} 个，工作日志 ${r.workLogs} 条`,
  );
}
