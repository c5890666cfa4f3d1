/** `report <form> --period …`: an official form to .xlsx for scheduled or scripted use. */
import fs from 'node:fs';
import path from 'node:path';
import { reportsApi } from '../../shared/api/reports';
import { ApiError } from '../../shared/errors';
import type { Core } from '../core/app';
import { ledgerJobsOf } from '../core/reports/ledger/jobs';
import { CLI_USER } from '../core/rpc/dispatcher';
import { openLockedCore } from './locked-core';
import { dataPaths } from '../core/paths';
import { REPORT_FORMS } from '../core/reports/forms/registry';
import { PERIOD_KIND_LABELS } from '../core/reports/periods';
import { dataDirOf, parseCommand, required, UsageError } from './args';
import type { Command } from './commands';
import { callAsCliAsync } from './core-call';

const write = (line: string) => process.stdout.write(line + '\n');

function listForms(): void {
  write('可导出的报表：');
  const idWidth = Math.max(...REPORT_FORMS.map((f) => f.definition.id.length));
  for (const f of REPORT_FORMS) {
    const kinds = f.periodKinds.map((k) => PERIOD_KIND_LABELS[k]).join('、');
    const scopes = f.scopes.includes('village') ? '全镇或单个村（社区）' : '全镇';
    write(`  ${f.definition.id.padEnd(idWidth)} ${f.definition.name}（期间：${kinds}；范围：${scopes}）`);
    for (const note of f.columnNotes ?? []) write(`  ${''.padEnd(idWidth)}   · ${note}`);
  }
}

/** A wrong form, period or village is a mistake in the command line, not a failed export. */
function asUsage(err: unknown): never {
  if (err instanceof ApiError && (err.code === 'VALIDATION' || err.code === 'NOT_FOUND')) {
    throw new UsageError(err.message);
  }
  throw err;
}

/** 事件台账: streamed straight into the file, a progress line every 10 %. */
async function streamLedger(
  core: Core,
  request: { form: string; period: string; villageCode: string | null },
  out?: string,
) {
  const input = reportsApi['reports.ledgerStart'].input.parse({ ...request });
  const jobs = ledgerJobsOf(core.deps);
  let started: ReturnType<typeof jobs.start>;
  try {
    started = jobs.start(input, CLI_USER, out ? path.resolve(out) : undefined);
  } catch (err) {
    asUsage(err);
  }
  let shown = 0;
  const timer = setInterval(() => {
    const p = jobs.progress(started.id, CLI_USER);
    const tenth = p.total ? Math.floor((p.written / p.total) * 10) : 10;
    if (tenth > shown && tenth < 10) write(`已写入 ${p.written}/${p.total} 行`);
    shown = Math.max(shown, tenth);
  }, 200);
  const done = await jobs.wait(started.id, CLI_USER).finally(() => clearInterval(timer));
  if (done.state === 'failed') throw new ApiError('INTERNAL', done.error ?? '导出失败');
  const file = jobs.finishedFile(done.id, CLI_USER).file;
  const saved = out ? file : path.resolve(done.fileName);
  if (!out) fs.copyFileSync(file, saved);
  write(`已导出：${saved}（${done.total} 行，${done.size} 字节，SHA-256 ${done.sha256}）`);
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
      const request = { form: positionals[0]!, period, villageCode: values.scope ?? null };
      if (REPORT_FORMS.find((f) => f.definition.id === request.form)?.stream) {
        return await streamLedger(core, request, values.out);
      }
      const r = await callAsCliAsync<{ fileName: string; sha256: string; size: number; bytes: string }>(
        core,
        'reports.export',
        { form: positionals[0], period, villageCode: values.scope ?? null },
      ).catch(asUsage);
      const file = path.resolve(values.out ?? r.fileName);
      fs.writeFileSync(file, Buffer.from(r.bytes, 'base64'));
      write(`已导出：${file}（${r.size} 字节，SHA-256 ${r.sha256}）`);
    } finally {
      core.close();
    }
  },
};
