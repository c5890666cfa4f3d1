import { eq } from 'drizzle-orm';
import { isRealDate, shanghaiDateIso } from '../../../shared/dates';
import { ApiError, fieldError } from '../../../shared/errors';
import { actorId, type HandlerContext } from '../context';
import { newId } from '../ids';
import { persons } from './schema';

type PersonRow = typeof persons.$inferSelect;

export const stamp = (ctx: HandlerContext) => ({ updatedAt: ctx.now, updatedBy: actorId(ctx) });
export const created = (ctx: HandlerContext) => ({ id: newId(), createdAt: ctx.now, ...stamp(ctx) });
export const todayOf = (ctx: HandlerContext) => shanghaiDateIso(new Date(ctx.now));

/** A `YYYY-MM-DD` that names a real day, not after today. */
export function checkDate(ctx: HandlerContext, path: string, label: string, value: string): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (!isRealDate(y, m, d)) throw fieldError([path], `${label}不是真实的日期`);
  if (value > todayOf(ctx)) throw fieldError([path], `${label}不能晚于今天`);
  return value;
}

export function personRow(ctx: HandlerContext, id: string): PersonRow {
  const row = ctx.db.select().from(persons).where(eq(persons.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该人员不存在或已删除');
  return row;
}
