/** 突发事件's reports to the county (首报/续报/终报): stored one row each, with the time it went. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { EmergencyReport } from '../../../shared/api/cases';
import { EMERGENCY_REPORT_KIND_LABELS, type EmergencyReportKind } from '../../../shared/cases/codes';
import { LATER_REPORT_KINDS, emergencyReportRefusal, type LaterReportKind } from '../../../shared/cases/emergency';
import { ApiError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import { writeEvent, type Actor } from './act';
import { caseEmergencyReports } from './schema';
import type { CaseRow } from './view';

export function listEmergencyReports(ctx: Pick<HandlerContext, 'db'>, caseId: string): EmergencyReport[] {
  return ctx.db
    .select({
      id: caseEmergencyReports.id,
      kind: caseEmergencyReports.kind,
      reportedAt: caseEmergencyReports.reportedAt,
      content: caseEmergencyReports.content,
      reporterName: caseEmergencyReports.reporterName,
    })
    .from(caseEmergencyReports)
    .where(and(eq(caseEmergencyReports.caseId, caseId), isNull(caseEmergencyReports.deletedAt)))
    .orderBy(asc(caseEmergencyReports.reportedAt), asc(caseEmergencyReports.id))
    .all();
}

/** The kinds that may be added now, for the drawer's buttons. */
export function allowedReportKinds(row: CaseRow, reports: readonly EmergencyReport[]): LaterReportKind[] {
  const have = reports.map((r) => r.kind);
  return LATER_REPORT_KINDS.filter((k) => emergencyReportRefusal(row, have, k) === null);
}

/**
 * Writes one report and its timeline row, then asks for an upload pass: the county hears of it at
 * once (the uploader sends unsent reports ahead of everything else, sync/priority.ts).
 */
export function writeEmergencyReport(
  ctx: HandlerContext,
  row: CaseRow,
  actor: Actor,
  kind: EmergencyReportKind,
  content: string,
): void {
  ctx.db
    .insert(caseEmergencyReports)
    .values({
      id: newId(),
      createdAt: ctx.now,
      updatedAt: ctx.now,
      updatedBy: actor.id,
      caseId: row.id,
      kind,
      reportedAt: ctx.now,
      content,
      reporterName: actor.name,
    })
    .run();
  writeEvent(ctx, row.id, actor, {
    action: 'emergencyReport',
    from: row.state,
    to: row.state,
    text: `突发事件${EMERGENCY_REPORT_KIND_LABELS[kind]}：${content}`,
    payload: { kind, content },
  });
  ctx.sync.requestPass();
}

/** 续报 or 终报 on a stored case, refused with the rule's Chinese reason when it does not fit. */
export function addLaterReport(
  ctx: HandlerContext,
  row: CaseRow,
  actor: Actor,
  kind: LaterReportKind,
  content: string,
): void {
  const refusal = emergencyReportRefusal(
    row,
    listEmergencyReports(ctx, row.id).map((r) => r.kind),
    kind,
  );
  if (refusal) throw new ApiError('CONFLICT', refusal);
  writeEmergencyReport(ctx, row, actor, kind, content);
}
