/**
 * Ledger export jobs (事件台账, up to 100,000 rows). A job reads on its own read-only connection to
 * the same database file, inside one read transaction (WAL: a consistent snapshot while the app keeps
 * writing), iterates the rows statement chunk by chunk and streams them through the print frame's
 * streaming writer into `<file>.part`.
 *
 * Why not a worker thread: the sheet's XML and the row mapping are the cost, and both run in
 * steps that can yield; awaiting setImmediate every 500 rows bounds how long the main process is
 * held (the benchmark prints the longest event-loop stall), and the job needs no second bundle
 * entry, no PII key sent across threads and no second copy of the form modules.
 *
 * When the file is complete its SHA-256 is taken, it is renamed into place, and the export history
 * row and the audit entry are written in one transaction. A failure removes the partial file and
 * writes nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { LedgerJobInfo } from '../../../../shared/api/reports';
import type { User } from '../../../../shared/api/schemas';
import { ApiError, fieldError } from '../../../../shared/errors';
import { appendAudit } from '../../audit/append';
import type { CoreDeps } from '../../context';
import type { Connection } from '../../db/connection';
import * as schema from '../../db/schema';
import { newId } from '../../ids';
import { redact, sessionUser } from '../../rpc/dispatcher';
import { checkReveal, insertExportRow } from '../export';
import { formById } from '../forms/registry';
import { resolveReport, type ReportRequest } from '../request';
import { renderXlsx } from '../xlsx';
import { PRIVATE_FILE_MODE } from '../../private-files';

export interface LedgerJobInput extends ReportRequest {
  reveal: boolean;
}

interface Job extends LedgerJobInfo {
  userId: string | null;
  /** Where the finished workbook is. */
  file: string;
  /** A temporary folder the job made for it, removed with the job. */
  tempDir: string | null;
  done: Promise<void>;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const sha256Of = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });

/**
 * Where finished workbooks wait for their download or save: in the data folder (one app per folder,
 * by its lock), emptied when the core closes and at the next start should it not have closed.
 */
export function ledgerTempRoot(deps: Pick<CoreDeps, 'uploadsDir'>): string {
  const root = path.join(path.dirname(deps.uploadsDir), 'ledger');
  fs.mkdirSync(root, { recursive: true });
  return root;
}

export class LedgerJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly deps: CoreDeps) {}

  /**
   * Checks the request and the right to full numbers, counts the rows and starts writing; returns at
   * once. `file`: where to write (the CLI's --out); else a temporary folder the job owns.
   */
  start(input: LedgerJobInput, user: User | null, file?: string): LedgerJobInfo {
    checkReveal(input, user);
    const form = formById(input.form);
    if (!form.stream) throw fieldError(['form'], `${form.definition.name}不需要导出任务，请直接导出`);
    const dbFile = this.deps.conn.sqlite.name;
    const read = new Database(dbFile, { readonly: true, fileMustExist: true });
    let started = false;
    try {
      read.pragma('busy_timeout = 5000');
      read.exec('BEGIN');
      const source = { conn: { sqlite: read }, db: drizzle(read, { schema }), pii: this.deps.pii };
      const now = this.deps.clock.now();
      const report = resolveReport(source, input, now);
      const tempDir = file ? null : fs.mkdtempSync(path.join(ledgerTempRoot(this.deps), 'job-'));
      const job: Job = {
        id: newId(),
        state: 'running',
        written: 0,
        total: report.rowCount,
        fileName: report.fileName,
        userId: user?.id ?? null,
        file: file ?? path.join(tempDir!, report.fileName),
        tempDir,
        done: Promise.resolve(),
      };
      const params = { period: report.period, villageId: report.villageId, reveal: input.reveal };
      // A failed file stops the reading at the next chunk, whatever the writer is doing.
      let failure: Error | null = null;
      const between = async () => {
        await yieldToLoop();
        if (failure) throw failure;
      };
      const rows = form.stream.rows({ ...source, now: now.toISOString() }, params, between);
      const part = `${job.file}.part`;
      const out = fs.createWriteStream(part, { mode: PRIVATE_FILE_MODE }); // may hold full ID numbers
      const streamFailed = new Promise<never>((_, reject) => out.on('error', (err) => reject((failure = err))));
      const closed = new Promise<void>((resolve) => out.on('close', resolve));
      const onProgress = (n: number) => (job.written = n);
      const render = renderXlsx(report.definition, { ...report.data, rows }, { stream: out }, { onProgress });
      render.catch(() => undefined); // a failure is handled through the race below
      job.done = Promise.race([render.then(() => closed), streamFailed])
        .then(async () => {
          read.exec('COMMIT');
          read.close();
          const sha256 = await sha256Of(part);
          const size = fs.statSync(part).size;
          // Recorded first: if that fails, a file the CLI was told to replace is still the old one.
          job.historyId = this.record(input, user, { report, sha256, size });
          fs.renameSync(part, job.file);
          Object.assign(job, { state: 'done', sha256, size });
        })
        .catch(async (err: unknown) => {
          failure ??= err as Error;
          out.destroy();
          // The writer rejects once it sees the failure; a moment bounds that wait all the same, so the
          // snapshot is let go whatever happens.
          await Promise.race([render.catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
          if (read.open) read.close();
          fs.rmSync(part, { force: true });
          if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
          job.state = 'failed';
          job.error = err instanceof ApiError ? err.message : `导出失败：${(err as Error).message}`;
        });
      this.jobs.set(job.id, job);
      started = true;
      return this.info(job);
    } finally {
      if (!started && read.open) read.close();
    }
  }

  /** The history row and its audit entry, together. */
  private record(
    input: LedgerJobInput,
    user: User | null,
    r: { report: Parameters<typeof insertExportRow>[1]['report']; sha256: string; size: number },
  ): string {
    const { conn, clock } = this.deps;
    return conn.sqlite
      .transaction(() => {
        const at = clock.now().toISOString();
        const id = insertExportRow(conn.db, { ...r, at, user, revealed: input.reveal });
        appendAudit(conn, {
          at,
          userId: user?.id ?? null,
          username: user?.username ?? null,
          method: 'reports.ledgerStart',
          recordId: id,
          detail: redact(input),
        });
        return id;
      })
      .immediate();
  }

  private info(job: Job): LedgerJobInfo {
    const { userId: _u, file: _f, tempDir: _t, done: _d, ...info } = job;
    return { ...info };
  }

  /** The caller's own job, or NOT_FOUND (another user's job is not theirs to see). */
  private own(id: string, user: User | null): Job {
    const job = this.jobs.get(id);
    if (!job || job.userId !== (user?.id ?? null)) throw new ApiError('NOT_FOUND', '没有这个导出任务，或它已被清理');
    return job;
  }

  progress(id: string, user: User | null): LedgerJobInfo {
    return this.info(this.own(id, user));
  }

  /** Resolves when the job has finished or failed (the CLI and tests wait on it). */
  async wait(id: string, user: User | null): Promise<LedgerJobInfo> {
    const job = this.own(id, user);
    await job.done;
    return this.info(job);
  }

  /** The finished workbook of the caller's job, for the browser download or the Electron save. */
  finishedFile(id: string, user: User | null): { file: string; fileName: string } {
    const job = this.own(id, user);
    if (job.state !== 'done') throw new ApiError('CONFLICT', job.state === 'failed' ? job.error! : '导出尚未完成');
    return { file: job.file, fileName: job.fileName };
  }

  /** Removes the temporary files of every job (the core is closing). */
  dispose(): void {
    for (const job of this.jobs.values()) if (job.tempDir) fs.rmSync(job.tempDir, { recursive: true, force: true });
    this.jobs.clear();
  }
}

/**
 * The finished workbook of a job, for the carriers outside the dispatcher (the host's download
 * route, the Electron save): the session must be logged in and the job its user's.
 */
export function ledgerFileForSession(deps: CoreDeps, jobId: string, session: string | null) {
  const user = sessionUser(deps, session);
  if (!user) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录');
  return ledgerJobsOf(deps).finishedFile(jobId, user);
}

const registry = new WeakMap<Connection, LedgerJobs>();

/** The jobs of one open core (keyed by its connection, so handlers, the host and the shell share them). */
export function ledgerJobsOf(deps: CoreDeps): LedgerJobs {
  let jobs = registry.get(deps.conn);
  if (!jobs) registry.set(deps.conn, (jobs = new LedgerJobs(deps)));
  return jobs;
}
