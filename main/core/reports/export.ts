/**
 * 导出 Excel: the rows are read in one snapshot and the workbook drawn before the write
 * transaction (writing it is asynchronous); the transaction then records the export history row and
 * the audit entry together. The file itself goes back to the caller, who saves it.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { reportsApi } from '../../../shared/api/reports';
import { REVEAL_ROLES } from '../../../shared/api/people';
import type { ParsedInputOf, OutputOf } from '../../../shared/api/define';
import type { User } from '../../../shared/api/schemas';
import { ApiError, fieldError } from '../../../shared/errors';
import type { CoreDeps, HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { newId } from '../ids';
import { formById } from './forms/registry';
import { resolveReport, type ResolvedReport } from './request';
import { reportExports } from './schema';
import { renderXlsx } from './xlsx';

type ExportInput = ParsedInputOf<(typeof reportsApi)['reports.export']>;
type ExportOutput = OutputOf<(typeof reportsApi)['reports.export']>;

export interface PreparedExport {
  report: Omit<ResolvedReport, 'data'>;
  bytes: Buffer;
  sha256: string;
}

async function xlsxBytes(report: ResolvedReport): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await renderXlsx(report.definition, report.data, { stream: out });
  await ended;
  return Buffer.concat(chunks);
}

/** The finer right: full ID numbers and phones only on a form that has them, for 管理员 and 审核人. */
export function checkReveal(input: { form: string; reveal: boolean }, user: User | null): void {
  if (!input.reveal) return;
  if (!formById(input.form).revealable) throw fieldError(['reveal'], '该报表不含身份证号和电话，无需完整导出');
  if (!user || !REVEAL_ROLES.includes(user.role)) {
    throw new ApiError('FORBIDDEN', '无权限：只有管理员和审核人可以导出完整的身份证号和电话');
  }
}

/** Checks the finer right (full numbers), reads in one snapshot, draws the workbook. */
export async function prepareExport(input: ExportInput, deps: CoreDeps, user: User | null): Promise<PreparedExport> {
  checkReveal(input, user);
  if (formById(input.form).stream) {
    throw fieldError(
      ['form'],
      `${formById(input.form).definition.name}记录多，须通过导出任务导出（reports.ledgerStart）`,
    );
  }
  const { conn, pii, clock } = deps;
  const report = conn.sqlite
    .transaction(() => resolveReport({ conn, db: conn.db, pii }, input, clock.now()))
    .deferred();
  const bytes = await xlsxBytes(report);
  const { data: _data, ...rest } = report;
  return { report: rest, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** In the write transaction: the history row (the dispatcher adds the audit entry beside it). */
export function recordExport(input: ExportInput, ctx: HandlerContext): ExportOutput {
  const prepared = ctx.prepared as PreparedExport;
  const { report, bytes, sha256 } = prepared;
  const id = insertExportRow(ctx.db, {
    report,
    sha256,
    size: bytes.length,
    at: ctx.now,
    user: ctx.user ?? ctx.audit.user ?? null,
    revealed: input.reveal,
  });
  ctx.audit.recordId = id;
  return { id, fileName: report.fileName, sha256, size: bytes.length, bytes: bytes.toString('base64') };
}

export interface ExportRecord {
  report: Omit<ResolvedReport, 'data'>;
  sha256: string;
  size: number;
  at: string;
  user: User | null;
  revealed: boolean;
}

/** The export history row, inside the caller's write transaction; returns its id. */
export function insertExportRow(db: Db, e: ExportRecord): string {
  const { report, sha256 } = e;
  const id = newId();
  db.insert(reportExports)
    .values({
      id,
      createdAt: e.at,
      updatedAt: e.at,
      updatedBy: e.user?.id ?? 'system',
      formId: report.definition.id,
      formName: report.definition.name,
      periodCode: report.period.code,
      periodLabel: report.period.label,
      villageId: report.villageId,
      scopeLabel: report.scopeLabel,
      fileName: report.fileName,
      sha256,
      size: e.size,
      username: e.user?.displayName ?? e.user?.username ?? '系统',
      revealed: e.revealed,
    })
    .run();
  return id;
}
