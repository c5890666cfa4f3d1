/** `npm run cli -- report …`: forms listed, a form written to .xlsx, bad arguments exit 2 in Chinese. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { seedDemoCases } from '../../main/core/cases/demo';
import { countCases } from '../../main/core/cases/list';
import { FIXED_NOW, seedReportTownship } from '../helpers/report-township';
import { own, readXlsxBytes } from '../helpers/report-xlsx';

const root = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dataDir: string;
let villageCode: string;
let ledgerRows: number;
const outDir = tempDir('zongzhi-report-out-');

beforeAll(() => {
  dataDir = tempDir();
  const t = seedReportTownship({ dataDir });
  villageCode = t.v1.code;
  seedDemoCases(t.core.deps, { count: 400, seed: 3, years: 1, now: FIXED_NOW.toISOString() });
  ledgerRows = countCases(
    { db: t.core.deps.conn.db, now: FIXED_NOW.toISOString(), user: null },
    { createdFrom: '2026-01-01', createdTo: '2026-12-31' },
  );
  t.core.close();
});

describe('report CLI', () => {
  it('lists the forms with their periods and scopes', () => {
    const r = cli('report', '--list');
    expect(r.code).toBe(0);
    expect(r.out).toContain('grid-basics');
    expect(r.out).toContain('网格基本情况统计表');
    expect(r.out).toContain('grid-roster');
    expect(r.out).toContain('网格员花名册（期间：月份、季度、半年度、年度、统计期间；范围：全镇或单个村（社区））');
    expect(r.out).toContain('household-visits 入户走访登记表（');
    expect(r.out).toContain('fieldwork-yearly 网格化服务管理工作情况统计表（期间：年度、半年度、季度、统计期间；');
    // Each changed form says what its counted columns mean, one line each.
    expect(r.out).toContain('· 受理数：甄别有效并进入后续环节的事项（含就地化解），不含不予受理、合并、备案。');
    expect(r.out).toContain('· 入户走访（户次）：走访方式为入户的走访。');
    expect(r.out).toContain('· 办结率 = 办结数 / 受理数，按期办结率 = 按期办结数 / 办结数');
    // The names start in one column, however long an id.
    const lines = r.out.split('\n').filter((l) => l.startsWith('  ') && !l.includes('·'));
    expect(new Set(lines.map((l) => l.search(/[\u4e00-\u9fff]/))).size).toBe(1);
  });

  it('writes a form to the named file and records the export with its hash', async () => {
    const file = path.join(outDir, '基本情况.xlsx');
    const r = cli('report', 'grid-basics', '--period', '2026-10', '--out', file, '--data-dir', dataDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(file);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(r.out).toContain(`SHA-256 ${sha}`);
    const ws = await readXlsxBytes(bytes);
    expect(own(ws, 1, 1)).toBe('2026年10月玉井镇网格基本情况统计表');
    expect(own(ws, 24, 1)).toBe('合计');
    expect(own(ws, 24, 13)).toBe(1);

    const db = new Database(path.join(dataDir, 'zongzhi.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT form_id, period_code, sha256, username FROM report_exports').all();
    const audit = db.prepare("SELECT username FROM audit_log WHERE method = 'reports.export'").all();
    db.close();
    expect(rows).toEqual([{ form_id: 'grid-basics', period_code: '2026-10', sha256: sha, username: '命令行' }]);
    expect(audit).toEqual([{ username: 'cli' }]);
  });

  it('takes one village as scope', async () => {
    const file = path.join(outDir, 'roster.xlsx');
    const r = cli(
      'report',
      'grid-roster',
      '--period',
      '2026-Q4',
      '--scope',
      villageCode,
      '--out',
      file,
      '--data-dir',
      dataDir,
    );
    expect(r.code).toBe(0);
    const ws = await readXlsxBytes(fs.readFileSync(file));
    expect(own(ws, 1, 1)).toBe('2026年第四季度玉井镇新城社区网格员花名册');
    expect(own(ws, 4, 4)).toBe('张网长');
  });

  it.each([
    [['grid-basics'], '缺少参数 --period'],
    [['grid-basics', '--period', '2026-13'], '月份应在 1 到 12 之间：2026-13'],
    [['nope', '--period', '2026-10'], '没有编号为 nope 的报表'],
    [['grid-basics', '--period', '2026', '--scope', '123'], '--scope 应为 12 位村（社区）代码'],
    [['grid-basics', '--period', '2026', '--scope', '140621100999'], '没有代码为 140621100999 的村（社区）'],
    [['--period', '2026'], '请给出一个报表编号'],
    [['grid-basics', '--period', '2026', '--color'], '不认识的参数 --color'],
  ])('exits 2 with a Chinese message for %j', (args, message) => {
    const r = cli('report', ...args, '--data-dir', dataDir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('streams 事件台账 into the named file, one row per case of the period, and records it', async () => {
    const file = path.join(outDir, '台账.xlsx');
    const r = cli('report', 'case-ledger', '--period', '2026', '--out', file, '--data-dir', dataDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`（${ledgerRows} 行，`);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
    const ws = await readXlsxBytes(fs.readFileSync(file));
    expect(own(ws, 1, 1)).toBe('2026年度玉井镇事件台账');
    expect(own(ws, 4 + ledgerRows, 1)).toBe(ledgerRows);
    const db = new Database(path.join(dataDir, 'zongzhi.sqlite'), { readonly: true });
    const row = db.prepare("SELECT sha256 FROM report_exports WHERE form_id = 'case-ledger'").get() as {
      sha256: string;
    };
    db.close();
    expect(row.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  });
});
