/**
 * 工作日志: written, edited and tombstoned one per call (the dispatcher's transaction and audit
 * entry). The village is the grid's, copied so village counts need no join; the 记录人's name is
 * copied too, so an entry reads as written after the person is renamed or removed.
 */
import { count, desc, eq, inArray } from 'drizzle-orm';
import type { WorkLog, WorkLogListInput } from '../../../shared/api/worklogs';
import type { WorkLogKind } from '../../../shared/worklogs/codes';
import { ApiError, fieldError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { checkPlace } from '../fieldwork/common';
import { grids, villages } from '../org/schema';
import { checkDate, created, stamp } from '../people/common';
import { persons } from '../people/schema';
import { workLogConditions } from './filters';
import { workLogs } from './schema';

type WorkLogRow = typeof workLogs.$inferSelect;

export interface WorkLogInput {
  workedOn: string;
  gridId: string;
  workerId: string;
  kind: WorkLogKind;
  content: string;
  peopleReached: number;
}

function logQuery(ctx: HandlerContext) {
  return ctx.db
    .select({ w: workLogs, villageName: villages.name, gridName: grids.name })
    .from(workLogs)
    .innerJoin(villages, eq(villages.id, workLogs.villageId))
    .innerJoin(grids, eq(grids.id, workLogs.gridId));
}

function toWorkLog(r: { w: WorkLogRow; villageName: string; gridName: string }): WorkLog {
  const { w } = r;
  return {
    id: w.id,
    workedOn: w.workedOn,
    villageId: w.villageId,
    villageName: r.villageName,
    gridId: w.gridId,
    gridName: r.gridName,
    workerId: w.workerId,
    workerName: w.workerName,
    kind: w.kind,
    content: w.content,
    peopleReached: w.peopleReached,
    updatedAt: w.updatedAt,
  };
}

function logRow(ctx: HandlerContext, id: string): WorkLogRow {
  const row = ctx.db.select().from(workLogs).where(eq(workLogs.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该工作日志不存在或已删除');
  return row;
}

export function getWorkLog(ctx: HandlerContext, id: string): WorkLog {
  logRow(ctx, id);
  return toWorkLog(logQuery(ctx).where(eq(workLogs.id, id)).get()!);
}

/** Newest day first; ids are UUIDv7, so a day's entries come newest first too. */
export function listWorkLogs(ctx: HandlerContext, input: WorkLogListInput): { rows: WorkLog[]; total: number } {
  const where = workLogConditions(input);
  const ids = ctx.db
    .select({ id: workLogs.id })
    .from(workLogs)
    .where(where)
    .orderBy(desc(workLogs.workedOn), desc(workLogs.id))
    .limit(input.limit)
    .offset(input.offset)
    .all()
    .map((r) => r.id);
  const byId = new Map(
    ids.length
      ? logQuery(ctx)
          .where(inArray(workLogs.id, ids))
          .all()
          .map((r) => [r.w.id, r])
      : [],
  );
  const total = ctx.db.select({ n: count() }).from(workLogs).where(where).get()?.n ?? 0;
  return { rows: ids.map((id) => toWorkLog(byId.get(id)!)), total };
}

/** Day, grid (live, or unchanged on an edit) and 记录人 (a live person) checked; the village is the grid's. */
function fields(ctx: HandlerContext, input: WorkLogInput, before: WorkLogRow | null) {
  const workedOn = checkDate(ctx, 'workedOn', '工作日期', input.workedOn);
  const grid = ctx.db.select({ villageId: grids.villageId }).from(grids).where(eq(grids.id, input.gridId)).get();
  if (!grid) throw fieldError(['gridId'], '所选网格不存在或已删除');
  checkPlace(ctx, { villageId: grid.villageId, gridId: input.gridId }, before, {
    path: 'workedOn',
    label: '工作日期',
    value: workedOn,
  });
  const worker = ctx.db
    .select({ name: persons.name, deletedAt: persons.deletedAt })
    .from(persons)
    .where(eq(persons.id, input.workerId))
    .get();
  // An edit that keeps a since-removed 记录人 keeps the name as written.
  const kept = before?.workerId === input.workerId;
  if (!worker || (worker.deletedAt && !kept)) throw fieldError(['workerId'], '所选记录人不存在或已删除');
  return {
    workedOn,
    villageId: grid.villageId,
    gridId: input.gridId,
    workerId: input.workerId,
    workerName: kept && worker.deletedAt ? before!.workerName : worker.name,
    kind: input.kind,
    content: input.content,
    peopleReached: input.peopleReached,
  };
}

export function createWorkLog(ctx: HandlerContext, input: WorkLogInput): WorkLog {
  const values = { ...created(ctx), ...fields(ctx, input, null) };
  ctx.db.insert(workLogs).values(values).run();
  return getWorkLog(ctx, values.id);
}

export function updateWorkLog(ctx: HandlerContext, input: WorkLogInput & { id: string }): WorkLog {
  const before = logRow(ctx, input.id);
  ctx.db
    .update(workLogs)
    .set({ ...fields(ctx, input, before), ...stamp(ctx) })
    .where(eq(workLogs.id, before.id))
    .run();
  return getWorkLog(ctx, before.id);
}

/** A tombstone, so the county learns of the removal. */
export function deleteWorkLog(ctx: HandlerContext, id: string): { id: string } {
  const before = logRow(ctx, id);
  ctx.db
    .update(workLogs)
    .set({ deletedAt: ctx.now, ...stamp(ctx) })
    .where(eq(workLogs.id, before.id))
    .run();
  return { id };
}
