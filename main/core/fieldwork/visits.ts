/**
 * 入户走访: registered, edited and soft-deleted one per call (the dispatcher's transaction and
 * audit entry). The phone is sealed at rest, masked in every view, and read in full only through
 * the audited reveal.
 */
import { count, desc, eq, inArray } from 'drizzle-orm';
import type { Visit, VisitListInput } from '../../../shared/api/fieldwork';
import type { VisitMethod } from '../../../shared/fieldwork/codes';
import { ApiError, fieldError } from '../../../shared/errors';
import { maskPhone } from '../../../shared/people/mask';
import { cases } from '../cases/schema';
import type { HandlerContext } from '../context';
import { grids, villages } from '../org/schema';
import { checkDate, created, stamp } from '../people/common';
import { persons } from '../people/schema';
import { checkPerson, checkPlace, sealedPhone } from './common';
import { visitConditions } from './filters';
import { householdVisits } from './schema';

type VisitRow = typeof householdVisits.$inferSelect;

export interface VisitInput {
  villageId: string;
  gridId: string;
  visitorId: string;
  visitedOn: string;
  method: VisitMethod;
  subjectName: string;
  address: string;
  householdSize?: number | null;
  content: string;
  issues: string | null;
  followUp: string | null;
  caseId: string | null;
  /** Left out on update: unchanged; null or empty: cleared. */
  phone?: string | null;
}

/** A visit with the names it shows: one query for a page or for one row. */
function visitQuery(ctx: HandlerContext) {
  return ctx.db
    .select({
      v: householdVisits,
      villageName: villages.name,
      gridName: grids.name,
      visitorName: persons.name,
      caseNumber: cases.number,
    })
    .from(householdVisits)
    .innerJoin(villages, eq(villages.id, householdVisits.villageId))
    .innerJoin(grids, eq(grids.id, householdVisits.gridId))
    .innerJoin(persons, eq(persons.id, householdVisits.visitorId))
    .leftJoin(cases, eq(cases.id, householdVisits.caseId));
}

type Joined = {
  v: VisitRow;
  villageName: string;
  gridName: string;
  visitorName: string;
  caseNumber: string | null;
};

function toVisit(ctx: HandlerContext, r: Joined): Visit {
  const { v } = r;
  const phone = ctx.pii.decryptNullable(v.phoneEnc);
  return {
    id: v.id,
    villageId: v.villageId,
    villageName: r.villageName,
    gridId: v.gridId,
    gridName: r.gridName,
    visitorId: v.visitorId,
    visitorName: r.visitorName,
    visitedOn: v.visitedOn,
    method: v.method,
    subjectName: v.subjectName,
    address: v.address,
    phoneMasked: phone === null ? null : maskPhone(phone),
    householdSize: v.householdSize,
    content: v.content,
    issues: v.issues,
    followUp: v.followUp,
    caseId: v.caseId,
    caseNumber: r.caseNumber,
    updatedAt: v.updatedAt,
  };
}

function visitRow(ctx: HandlerContext, id: string): VisitRow {
  const row = ctx.db.select().from(householdVisits).where(eq(householdVisits.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该走访记录不存在或已删除');
  return row;
}

export function getVisit(ctx: HandlerContext, id: string): Visit {
  visitRow(ctx, id);
  return toVisit(ctx, visitQuery(ctx).where(eq(householdVisits.id, id)).get()!);
}

/**
 * Newest visit first (ids are UUIDv7, so `id` orders a day's visits as entered). The page's ids come
 * from the table alone, so the sort walks the date index and stops at the page; the names are joined
 * for those rows only. The total counts the same conditions (filters.ts).
 */
export function listVisits(ctx: HandlerContext, input: VisitListInput): { rows: Visit[]; total: number } {
  const where = visitConditions(input);
  const ids = ctx.db
    .select({ id: householdVisits.id })
    .from(householdVisits)
    .where(where)
    .orderBy(desc(householdVisits.visitedOn), desc(householdVisits.id))
    .limit(input.limit)
    .offset(input.offset)
    .all()
    .map((r) => r.id);
  const byId = new Map(
    ids.length
      ? visitQuery(ctx)
          .where(inArray(householdVisits.id, ids))
          .all()
          .map((r) => [r.v.id, r])
      : [],
  );
  const rows = ids.map((id) => toVisit(ctx, byId.get(id)!));
  const total = ctx.db.select({ n: count() }).from(householdVisits).where(where).get()?.n ?? 0;
  return { rows, total };
}

function checkCase(ctx: HandlerContext, caseId: string | null): void {
  if (!caseId) return;
  const row = ctx.db.select({ deletedAt: cases.deletedAt }).from(cases).where(eq(cases.id, caseId)).get();
  if (!row || row.deletedAt) throw fieldError(['caseId'], '关联的事件不存在或已删除');
}

/** Everything but the phone, checked: place, visitor, date, linked case. */
function fields(ctx: HandlerContext, input: VisitInput, before: VisitRow | null) {
  const visitedOn = checkDate(ctx, 'visitedOn', '走访日期', input.visitedOn);
  checkPlace(ctx, input, before, { path: 'visitedOn', label: '走访日期', value: visitedOn });
  checkPerson(ctx, input.visitorId, 'visitorId', '走访人');
  checkCase(ctx, input.caseId);
  return {
    villageId: input.villageId,
    gridId: input.gridId,
    visitorId: input.visitorId,
    visitedOn,
    method: input.method,
    subjectName: input.subjectName,
    address: input.address,
    householdSize: input.householdSize ?? null,
    content: input.content,
    issues: input.issues,
    followUp: input.followUp,
    caseId: input.caseId,
  };
}

export function createVisit(ctx: HandlerContext, input: VisitInput): Visit {
  const values = {
    ...created(ctx),
    ...fields(ctx, input, null),
    phoneEnc: sealedPhone(ctx, input.phone, 'phone', '联系电话'),
  };
  ctx.db.insert(householdVisits).values(values).run();
  return getVisit(ctx, values.id);
}

export function updateVisit(ctx: HandlerContext, input: VisitInput & { id: string }): Visit {
  const before = visitRow(ctx, input.id);
  const changes: Partial<VisitRow> = { ...fields(ctx, input, before), ...stamp(ctx) };
  if (input.phone !== undefined) changes.phoneEnc = sealedPhone(ctx, input.phone, 'phone', '联系电话');
  ctx.db.update(householdVisits).set(changes).where(eq(householdVisits.id, before.id)).run();
  return getVisit(ctx, before.id);
}

/**
 * 转为事件: the case just registered from a visit, linked inside the registration's transaction, so
 * a visit that is gone or already led to a case leaves no case behind either.
 */
export function linkNewCase(ctx: HandlerContext, visitId: string, caseId: string): void {
  const before = visitRow(ctx, visitId);
  if (before.caseId) throw new ApiError('CONFLICT', '该走访已关联事件，请在走访记录中查看，不必再转为事件');
  ctx.db
    .update(householdVisits)
    .set({ caseId, ...stamp(ctx) })
    .where(eq(householdVisits.id, before.id))
    .run();
}

/** A tombstone, so the county learns of the removal. */
export function deleteVisit(ctx: HandlerContext, id: string): { id: string } {
  const before = visitRow(ctx, id);
  ctx.db
    .update(householdVisits)
    .set({ deletedAt: ctx.now, ...stamp(ctx) })
    .where(eq(householdVisits.id, before.id))
    .run();
  return { id };
}

/** The full phone, for 管理员 and 审核人; the dispatcher writes the audit entry (who, when, which visit). */
export function revealVisit(ctx: HandlerContext, id: string) {
  const row = visitRow(ctx, id);
  ctx.audit.recordId = row.id;
  return { id: row.id, subjectName: row.subjectName, phone: ctx.pii.decryptNullable(row.phoneEnc) };
}
