/** `report <form> --period …`: an official form to .xlsx for scheduled or scripted use. */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { openLockedCore } from './locked-core';
import { dataPaths } from '../core/paths';
import { REPORT_FORMS } from '../core/reports/forms/registry';
import { PERIOD_KIND_LABELS } from '../core/reports/periods';
import { dataDirOf, parseCommand, required, UsageError } from './args';
import type { Command } from './commands';
import { callAsCliAsync } from './core-call';

const out = (line: string) => process.stdout.write(line + '\n');

function listForms(): void {
  out('可导出的报表：');
  for (const f of REPORT_FORMS) {
    const kinds = f.periodKinds.map((k) => PERIOD_KIND_LABELS[k]).join('、');
    const scopes = f.scopes.includes('village') ? '全镇或单个村（社区）' : '全镇';
    out(`  ${f.definition.id.padEnd(12)} ${f.definition.name}（期间：${kinds}；范围：${scopes}）`);
  }
}

export const report: Command = {
  usage:
    'report <报表编号> --period <2026-10|2026-Q3|2026-H1|2026|2026-10-01..2026-10-31> [--scope 12位村代码] [--out 文件.xlsx]；report --list 列出报表',
  async run(argv) {
    const { values, positionals } = parseCommand(
      argv,
      { list: { type: 'boolean' }, period: { type: 'string' }, scope: { type: 'string' }, out: { type: 'string' } },
      true,
    );
    if (values.list) return listForms();
    if (positionals.length !== 1) {
      throw new UsageError(`请给出一个报表编号，例如：report grid-basics --period 2026-10（report --list 列出全部）`);
    }
    const period = required(values, 'period');
    if (values.scope !== undefined && !/^\d{12}$/.test(values.scope)) {
      throw new UsageError(`--scope 应为 12 位村（社区）代码，收到：${values.scope}`);
    }
    const dataDir = dataDirOf(values);
    if (!fs.existsSync(dataPaths(dataDir).dbFile)) throw new UsageError(`数据文件夹中没有数据库：${dataDir}`);
    const core = openLockedCore({ dataDir });
    try {
      const r = await callAsCliAsync<{ fileName: string; sha256: string; size: number; bytes: string }>(
        core,
        'reports.export',
        { form: positionals[0], period, villageCode: values.scope ?? null },
      ).catch((err: unknown) => {
        // A wrong form, period or village is a mistake in the command line, not a failed export.
        if (err instanceof ApiError && (err.code === 'VALIDATION' || err.code === 'NOT_FOUND')) {
          throw new UsageError(err.message);
        }
        throw err;
      });
      const file = path.resolve(values.out ?? r.fileName);
      fs.writeFileSync(file, Buffer.from(r.bytes, 'base64'));
      out(`已导出：${file}（${r.size} 字节，SHA-256 ${r.sha256}）`);
    } finally {
      core.close();
    }
  },
};
