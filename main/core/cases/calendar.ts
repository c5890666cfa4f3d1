/** The stored holiday calendar: read for every deadline, edited by the centre (holidays.*). */
import { asc, eq, gte, lte, and, type SQL } from 'drizzle-orm';
import { holidayCalendar, type CalendarDay, type HolidayCalendar } from '../../../shared/cases/holiday-calendar';
import { ApiError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { newId } from '../ids';
import { actorId } from '../context';
import { seedCalendarDays } from './holiday-seed';
import { recomputeOpenDeadlines } from './reclock';
import { holidays } from './schema';

export function loadCalendar(db: Db): HolidayCalendar {
  return holidayCalendar(db.select({ date: holidays.date, kind: holidays.kind }).from(holidays).all());
}

export function listHolidays(ctx: HandlerContext, input: { year?: number }): CalendarDay[] {
  const conds: SQL[] = [];
  if (input.year) {
    conds.push(gte(holidays.date, `${input.year}-01-01`), lte(holidays.date, `${input.year}-12-31`));
  }
  return ctx.db
    .select({ date: holidays.date, kind: holidays.kind, name: holidays.name })
    .from(holidays)
    .where(and(...conds))
    .orderBy(asc(holidays.date))
    .all();
}

/** Adds or changes one day; open cases' deadlines follow the corrected calendar. */
export function upsertHoliday(ctx: HandlerContext, day: CalendarDay): CalendarDay {
  const by = actorId(ctx);
  const row = ctx.db.select().from(holidays).where(eq(holidays.date, day.date)).get();
  if (row) {
    ctx.db
      .update(holidays)
      .set({ kind: day.kind, name: day.name, updatedAt: ctx.now, updatedBy: by })
      .where(eq(holidays.id, row.id))
      .run();
    ctx.audit.recordId = row.id;
  } else {
    const id = newId();
    ctx.db
      .insert(holidays)
      .values({ id, createdAt: ctx.now, updatedAt: ctx.now, updatedBy: by, ...day })
      .run();
    ctx.audit.recordId = id;
  }
  recomputeOpenDeadlines(ctx);
  return day;
}

/** Removes a day (it becomes an ordinary weekday or weekend day again). Local table: a real delete. */
export function deleteHoliday(ctx: HandlerContext, date: string): void {
  const row = ctx.db.select().from(holidays).where(eq(holidays.date, date)).get();
  if (!row) throw new ApiError('NOT_FOUND', `${date} 不在节假日表中`);
  ctx.db.delete(holidays).where(eq(holidays.id, row.id)).run();
  ctx.audit.recordId = row.id;
  recomputeOpenDeadlines(ctx);
}

/** A new installation's calendar, from the chinese-days package; skipped when days are already there. */
export function seedHolidays(db: Db, now: string, by: string): void {
  if (db.select({ id: holidays.id }).from(holidays).limit(1).get()) return;
  for (const day of seedCalendarDays()) {
    db.insert(holidays)
      .values({ id: newId(), createdAt: now, updatedAt: now, updatedBy: by, ...day })
      .run();
  }
}
