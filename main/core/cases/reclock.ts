/** Keeps stored deadlines true to the calendar: a corrected holiday moves every running clock. */
import { and, isNotNull, isNull, eq } from 'drizzle-orm';
import type { HolidayCalendar } from '../../../shared/cases/holiday-calendar';
import type { HandlerContext } from '../context';
import { actorId } from '../context';
import { holidayCalendar } from '../../../shared/cases/holiday-calendar';
import { STEP_CLOCK } from '../../../shared/cases/loop';
import { clockInstants, fixedDueDateOf } from './deadline';
import { cases, holidays } from './schema';

export function recomputeOpenDeadlines(ctx: HandlerContext, calendar?: HolidayCalendar): number {
  const cal =
    calendar ?? holidayCalendar(ctx.db.select({ date: holidays.date, kind: holidays.kind }).from(holidays).all());
  const running = ctx.db
    .select({
      id: cases.id,
      startedAt: cases.stepStartedAt,
      limitDays: cases.stepLimitDays,
      extensionDays: cases.extensionDays,
      dueAt: cases.dueAt,
      yellowAt: cases.yellowAt,
      state: cases.state,
      source: cases.source,
      orderDueDate: cases.orderDueDate,
    })
    .from(cases)
    .where(and(isNull(cases.deletedAt), isNotNull(cases.stepStartedAt), isNotNull(cases.dueAt)))
    .all();
  let changed = 0;
  for (const r of running) {
    const next = clockInstants(
      {
        startedAt: r.startedAt!,
        limitDays: r.limitDays ?? 0,
        extensionDays: r.extensionDays,
        fixedDueDate: fixedDueDateOf(r, STEP_CLOCK[r.state]),
      },
      cal,
    );
    if (next.dueAt === r.dueAt && next.yellowAt === r.yellowAt) continue;
    ctx.db
      .update(cases)
      .set({ ...next, updatedAt: ctx.now, updatedBy: actorId(ctx) })
      .where(eq(cases.id, r.id))
      .run();
    changed++;
  }
  return changed;
}
