import { seedDemoTownship } from '../core/demo/seed';
import { openLockedCore } from './locked-core';
import { dataDirOf, parseCommand, UsageError } from './args';

const out = (line: string) => process.stdout.write(line + '\n');

function countOf(raw: string | undefined, flag: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > 100_000) {
    throw new UsageError(`--${flag} 应为 ${min}–100000 的整数，收到：${raw}`);
  }
  return n;
}

export const seedDemo = {
  usage:
    'seed-demo [--grids N] [--people N] [--seed 种子] [--township 9位代码] [--password 密码] [--force]\n' +
    '      生成演示数据：真实区划代码下的网格、“一长三员”、党小组、培训记录（人员信息为虚构）。\n' +
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
    });
    const grids = countOf(values.grids, 'grids', 1);
    const people = countOf(values.people, 'people', 1);
    const core = openLockedCore({ dataDir: dataDirOf(values) });
    try {
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
          `${r.people} 人（党员 ${r.partyMembers}），任职 ${r.posts} 条，培训记录 ${r.trainings} 条`,
      );
    } finally {
      core.close();
    }
  },
};
