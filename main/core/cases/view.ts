/** Case rows as the API returns them: names joined in, contact masked, light at the call's time. */
import { eq, getTableColumns } from 'drizzle-orm';
import type { CaseDetail, CaseSummary } from '../../../shared/api/cases';
import { MAJOR_DISPUTE_GROUNDS, type MajorDisputeGround } from '../../../shared/cases/codes';
import { maskPhone } from '../../../shared/people/mask';
import type { HandlerContext } from '../context';
import { grids, villages } from '../org/schema';
import { lightAt } from './deadline';
import { cases } from './schema';

export type CaseRow = typeof cases.$inferSelect;
export type CaseRowWithNames = CaseRow & { gridName: string; villageName: string };

/** The select every case read starts from: the case with its grid's and village's names. */
export function selectCases(ctx: Pick<HandlerContext, 'db'>) {
  return ctx.db
    .select({ ...getTableColumns(cases), gridName: grids.name, villageName: villages.name })
    .from(cases)
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .innerJoin(villages, eq(villages.id, cases.villageId));
}

/** The stored JSON of 重大矛盾纠纷 grounds, known codes only, in the list's order. */
export function majorGroundsOf(raw: string | null): MajorDisputeGround[] {
  if (!raw) return [];
  const stored: unknown = JSON.parse(raw);
  return Array.isArray(stored) ? MAJOR_DISPUTE_GROUNDS.filter((g) => stored.includes(g)) : [];
}

export function toSummary(ctx: Pick<HandlerContext, 'pii' | 'now'>, r: CaseRowWithNames): CaseSummary {
  const contact = ctx.pii.decryptNullable(r.reporterContactEnc);
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    categoryCode: r.categoryCode,
    subcategoryCode: r.subcategoryCode,
    itemCode: r.itemCode,
    categoryLabel: r.categoryLabel,
    dispute: r.dispute,
    scale: r.scale,
    urgency: r.urgency,
    majorDispute: r.majorDispute,
    majorGrounds: majorGroundsOf(r.majorGrounds),
    gridId: r.gridId,
    gridName: r.gridName,
    villageId: r.villageId,
    villageName: r.villageName,
    place: r.place,
    occurredAt: r.occurredAt,
    reporterName: r.reporterName,
    contactMasked: contact === null ? null : maskPhone(contact),
    discovererKind: r.discovererKind,
    discovererId: r.discovererId,
    discovererName: r.discovererName,
    onSpot: r.onSpot,
    summary: r.summary,
    state: r.state,
    assigneeKind: r.assigneeKind,
    assigneeId: r.assigneeId,
    assigneeLabel: r.assigneeLabel,
    dueAt: r.dueAt,
    light: lightAt(r, ctx.now),
    supervisionLevel: r.supervisionLevel,
    extensionPending: r.extensionPending,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toDetailCase(ctx: Pick<HandlerContext, 'pii' | 'now'>, r: CaseRowWithNames): CaseDetail['case'] {
  return {
    ...toSummary(ctx, r),
    peopleInvolved: r.peopleInvolved,
    stepStartedAt: r.stepStartedAt,
    stepLimitDays: r.stepLimitDays,
    extensionDays: r.extensionDays,
    mergedIntoId: r.mergedIntoId,
    mediationMethod: r.mediationMethod,
    mediationOrg: r.mediationOrg,
    mediationResponsible: r.mediationResponsible,
    mediationLevel: r.mediationLevel,
    mediationResult: r.mediationResult,
    mediationOutcome: r.mediationOutcome,
    resolution: r.resolution,
    closedAt: r.closedAt,
    emergency: r.emergency,
    orderRef: r.orderRef,
    orderDueDate: r.orderDueDate,
    escalatedAt: r.escalatedAt,
  };
}
