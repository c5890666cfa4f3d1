import type { reportsApi } from '../../../shared/api/reports';
import type { Handlers, Preparers } from '../context';
import { prepareExport, recordExport } from './export';
import { ledgerJobsOf } from './ledger/jobs';
import { exportHistory, listForms, previewReport, saveSignatures } from './service';

export const reportsHandlers: Handlers<typeof reportsApi> = {
  'reports.list': (_input, ctx) => listForms(ctx),
  'reports.preview': (input, ctx) => previewReport(ctx, input),
  'reports.export': (input, ctx) => recordExport(input, ctx),
  'reports.ledgerStart': (input, ctx) => ledgerJobsOf(ctx).start(input, ctx.user),
  'reports.ledgerProgress': (input, ctx) => ledgerJobsOf(ctx).progress(input.jobId, ctx.user),
  'reports.history': (input, ctx) => exportHistory(ctx, input.limit),
  'reports.saveSignatures': (input, ctx) => saveSignatures(ctx, input),
};

export const reportsPreparers: Preparers<typeof reportsApi> = {
  'reports.export': prepareExport,
};
