/** The 报表 page's reads and its one setting: forms, preview, export history, signature names. */
import { desc } from 'drizzle-orm';
import type { ReportFormInfo, ReportHistoryEntry, SignatureDefaults } from '../../../shared/api/reports';
import { actorId, type HandlerContext } from '../context';
import { REPORT_FORMS } from './forms/registry';
import { renderHtml } from './html';
import { resolveReport, signatureDefaults, type ReportRequest } from './request';
import { reportExports, reportSettings } from './schema';

export function listForms(ctx: HandlerContext): { forms: ReportFormInfo[]; signatures: SignatureDefaults } {
  const forms = REPORT_FORMS.map((f) => ({
    id: f.definition.id,
    name: f.definition.name,
    paper: f.definition.paper,
    orientation: f.definition.orientation,
    periodKinds: [...f.periodKinds],
    scopes: [...f.scopes],
    revealable: f.revealable,
    streamed: f.stream !== undefined,
  }));
  return { forms, signatures: signatureDefaults(ctx.db) };
}

/** The on-screen preview: the same definition and rows as the export, numbers always masked. */
export function previewReport(ctx: HandlerContext, req: ReportRequest) {
  const r = resolveReport(ctx, { ...req, reveal: false }, new Date(ctx.now));
  return {
    title: r.title,
    html: renderHtml(r.definition, r.data),
    paper: r.definition.paper,
    orientation: r.definition.orientation,
    rowCount: r.rowCount,
  };
}

export function exportHistory(ctx: HandlerContext, limit: number): ReportHistoryEntry[] {
  return ctx.db
    .select()
    .from(reportExports)
    .orderBy(desc(reportExports.createdAt), desc(reportExports.id))
    .limit(limit)
    .all()
    .map((r) => ({
      id: r.id,
      at: r.createdAt,
      username: r.username,
      formId: r.formId,
      formName: r.formName,
      periodLabel: r.periodLabel,
      scopeLabel: r.scopeLabel,
      fileName: r.fileName,
      sha256: r.sha256,
      size: r.size,
      revealed: r.revealed,
    }));
}

export function saveSignatures(ctx: HandlerContext, input: SignatureDefaults): SignatureDefaults {
  const values = { ...input, updatedAt: ctx.now, updatedBy: actorId(ctx) };
  ctx.db
    .insert(reportSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: reportSettings.id, set: values })
    .run();
  return signatureDefaults(ctx.db);
}
