/**
 * 事件台账 at 100,000 rows: seeds N demo cases (default 100,000, no change log) into a data folder,
 * then measures three things, each in a fresh child process so its peak RSS is its own:
 *   ledger — the export job as the app runs it (snapshot connection, frame, styles, streaming writer,
 *            SHA-256, history row), with the longest event-loop stall while it ran;
 *   exceljs — exceljs's bare streaming writer writing the same cells (same reads, same mapping,
 *             same yielding), no frame: no title, header, styles, row heights or merges;
 *   sql — the same reads (rowids in number order, then the rows 500 at a time), nothing else;
 *   with --variants, the frame on the same rows through our writer at deflate levels 0, 1 and 6,
 *   and with every string inline, to choose the writer's defaults.
 * Wall time and CPU time (all threads: deflate runs on libuv's pool) per child: on a shared machine
 * the CPU seconds say more than the wall clock. Targets (issue 5): < 6 s and < 300 MB. Prints figures
 * and ratios; no assertions.
 * Run: npx tsx tests/bench/ledger.bench.ts [--cases N] [--data-dir DIR (kept, reused)] [--variants]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import ExcelJS from 'exceljs';
import { caseLedgerDefinition } from '../../main/core/reports/forms/case-ledger';
import { renderXlsx } from '../../main/core/reports/xlsx';
import * as schema from '../../main/core/db/schema';
import { ledgerChunkSql, ledgerRowids, ledgerStream } from '../../main/core/reports/figures/case-ledger';
import { ledgerJobsOf } from '../../main/core/reports/ledger/jobs';
import { parsePeriod } from '../../main/core/reports/periods';
import { CLI_USER } from '../../main/core/rpc/dispatcher';
import { makeCore, tempDir } from '../helpers/core';
import { arg, BENCH_NOW, seededTownship } from './seeded-township';

const NOW = BENCH_NOW;
// One period holding every seeded case (one year back from NOW).
const PERIOD = '2025-11-01..2026-11-30';
const clock = { now: () => new Date(NOW) };

interface Measured {
  ms: number;
  cpuMs: number;
  rows: number;
  peakMb: number;
  stallMs?: number;
  bytes?: number;
}

/** The child: one measurement on an existing data folder, printed as JSON. */
async function measure(kind: string, dataDir: string): Promise<Measured> {
  const out = path.join(tempDir('zongzhi-ledger-bench-'), 'out.xlsx');
  const cpu0 = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(cpu0);
    return (used.user + used.system) / 1000;
  };
  // The same modules loaded and nothing done: what a process of this bench weighs before any work.
  if (kind === 'idle') return { ms: 0, cpuMs: 0, rows: 0, peakMb: process.resourceUsage().maxRSS / 1024 };
  if (kind === 'ledger') {
    const t = makeCore({ dataDir, clock });
    const jobs = ledgerJobsOf(t.core.deps);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = performance.now();
    const job = jobs.start({ form: 'case-ledger', period: PERIOD, reveal: false }, CLI_USER, out);
    const done = await jobs.wait(job.id, CLI_USER);
    const ms = performance.now() - started;
    lag.disable();
    if (done.state !== 'done') throw new Error(done.error);
    t.core.close();
    return {
      ms,
      cpuMs: cpuMs(),
      rows: done.total,
      peakMb: process.resourceUsage().maxRSS / 1024,
      stallMs: lag.max / 1e6,
      bytes: done.size,
    };
  }
  // The same query and row mapping the ledger uses, on a plain read-only connection.
  const sqlite = new Database(path.join(dataDir, 'zongzhi.sqlite'), { readonly: true });
  const { PiiCipher } = await import('../../main/core/crypto/pii');
  const { fileSecretStore } = await import('../../main/core/crypto/secret-store');
  const pii = new PiiCipher(fileSecretStore(path.join(dataDir, 'keys')).loadOrCreatePiiKeys());
  const source = { conn: { sqlite }, db: drizzle(sqlite, { schema }), pii, now: new Date(NOW).toISOString() };
  const params = { period: parsePeriod(PERIOD), villageId: null, reveal: false };
  const started = performance.now();
  let rows = 0;
  if (kind === 'sql') {
    // The same two steps as the ledger: the rowids in number order, then the rows 500 at a time.
    const ids = ledgerRowids(source, params);
    for (let at = 0; at < ids.length; at += 500) {
      const q = ledgerChunkSql(source, ids.slice(at, at + 500));
      rows += sqlite
        .prepare(q.sql)
        .raw(true)
        .all(...q.params).length;
    }
  } else if (kind.startsWith('frame')) {
    // frame-<level>-<shared|inline>: the print frame through our writer, on the same rows.
    const [, level, strings] = kind.split('-');
    const between = () => new Promise<void>((resolve) => setImmediate(resolve));
    const data = { unit: '测试镇综治中心', period: params.period, rows: ledgerStream(source, params, between) };
    const writer = { level: Number(level), ...(strings === 'inline' ? { sharedStrings: false as const } : {}) };
    const result = await renderXlsx(caseLedgerDefinition, data, { file: out }, { writer });
    rows = result.bodyRows;
    const { size } = await import('node:fs').then((fs) => fs.statSync(out));
    return {
      ms: performance.now() - started,
      cpuMs: cpuMs(),
      rows,
      peakMb: process.resourceUsage().maxRSS / 1024,
      bytes: size,
    };
  } else {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('事件台账');
    const between = () => new Promise<void>((resolve) => setImmediate(resolve));
    for await (const row of ledgerStream(source, params, between)) {
      ws.addRow([++rows, ...Object.values(row)]).commit();
    }
    ws.commit();
    await wb.commit();
  }
  return { ms: performance.now() - started, cpuMs: cpuMs(), rows, peakMb: process.resourceUsage().maxRSS / 1024 };
}

const kind = arg('measure', '');
if (kind) {
  const r = await measure(kind, arg('data-dir', ''));
  process.stdout.write(`${JSON.stringify(r)}\n`);
  process.exit(0);
}

// One year of cases, so PERIOD holds them all; opening a kept folder migrates it before any child reads it.
const seeded = seededTownship({
  cases: Number(arg('cases', '100000')),
  dataDir: arg('data-dir', ''),
  changeLog: false,
  years: 1,
});
const dataDir = seeded.dataDir;
seeded.core.close();
console.log(`data folder ${dataDir}\n`);

const self = fileURLToPath(import.meta.url);
function child(k: string): Measured {
  const r = spawnSync(process.execPath, [...process.execArgv, self, '--measure', k, '--data-dir', dataDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${k} 失败：${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measured;
}

const idle = child('idle');
const sql = child('sql');
const bare = child('exceljs');
const ledger = child('ledger');
const variants = process.argv.includes('--variants')
  ? ['frame-0-shared', 'frame-1-shared', 'frame-6-shared', 'frame-1-inline'].map((k) => [k, child(k)] as const)
  : [];
const line = (name: string, m: Measured) =>
  `${name.padEnd(34)} ${(m.ms / 1000).toFixed(2).padStart(6)} s  cpu ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s` +
  `  peak RSS ${m.peakMb.toFixed(0).padStart(4)} MB  ${m.rows} rows${m.bytes ? `  ${(m.bytes / 1e6).toFixed(1)} MB` : ''}`;
console.log(line('ledger export job (frame, stream)', ledger));
console.log(line('bare exceljs stream, same cells', bare));
console.log(line('bare SQL read, same rows', sql));
for (const [k, m] of variants) console.log(line(`writer variant ${k}`, m));
console.log(`${'idle process, same modules'.padEnd(34)}          peak RSS ${idle.peakMb.toFixed(0).padStart(4)} MB`);
console.log(
  `\nledger: ${(ledger.bytes! / 1e6).toFixed(1)} MB file, longest event-loop stall ${ledger.stallMs!.toFixed(0)} ms` +
    `\nratios (wall): ledger / bare exceljs ${(ledger.ms / bare.ms).toFixed(2)}×, ledger / bare SQL ${(ledger.ms / sql.ms).toFixed(1)}×` +
    `\nratios (cpu):  ledger / bare exceljs ${(ledger.cpuMs / bare.cpuMs).toFixed(2)}×, ledger / bare SQL ${(ledger.cpuMs / sql.cpuMs).toFixed(1)}×` +
    `\ntargets: < 6 s (${(ledger.ms / 6000).toFixed(2)} of it), < 300 MB (${(ledger.peakMb / 300).toFixed(2)} of it;` +
    ` ${(ledger.peakMb - idle.peakMb).toFixed(0)} MB above the idle process)`,
);
