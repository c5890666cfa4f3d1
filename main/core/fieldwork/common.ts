/** What visits and compounds share: where they are (village → grid), who did it, a sealed phone. */
import { eq } from 'drizzle-orm';
import { formatDateZh, shanghaiDateIso } from '../../../shared/dates';
import { fieldError } from '../../../shared/errors';
import { checkPhone } from '../../../shared/people/phone';
import type { HandlerContext } from '../context';
import { grids, villages } from '../org/schema';
import { persons } from '../people/schema';

/** The record's own day (走访日期, 采集日期) and the field it is in, for refusals about it. */
export interface RecordDay {
  path: string;
  label: string;
  value: string;
}

/**
 * The place a record sits in: before (on update) lets an unchanged retired grid stay, but not with a
 * day after it was retired — the record would count in a list where no form lists its grid.
 */
export function checkPlace(
  ctx: HandlerContext,
  input: { villageId: string; gridId: string },
  before: { villageId: string; gridId: string } | null,
  day: RecordDay,
): void {
  const village = ctx.db.select().from(villages).where(eq(villages.id, input.villageId)).get();
  if (!village || village.deletedAt) throw fieldError(['villageId'], '所选村（社区）不存在或已删除');
  const grid = ctx.db.select().from(grids).where(eq(grids.id, input.gridId)).get();
  if (!grid || grid.deletedAt) throw fieldError(['gridId'], '所选网格不存在或已删除');
  if (grid.villageId !== village.id) throw fieldError(['gridId'], `所选网格不属于${village.name}，请重新选择网格`);
  const unchanged = before?.gridId === grid.id;
  if (grid.retiredAt && !unchanged) throw fieldError(['gridId'], `${grid.name}已撤销，不能再登记到该网格`);
  // A village is retired only after its grids, so the grid's day is the one that binds.
  if (grid.retiredAt && day.value > shanghaiDateIso(new Date(grid.retiredAt))) {
    const name = grid.name.startsWith(village.name) ? grid.name : `${village.name}${grid.name}`;
    const on = formatDateZh(grid.retiredAt);
    throw fieldError([day.path], `${name}已于${on}撤销，${day.label}不能晚于${on}`);
  }
}

/** A live person (走访人, 采集人); `path` and `label` name the field on refusal. */
export function checkPerson(ctx: HandlerContext, id: string, path: string, label: string): void {
  const row = ctx.db.select({ deletedAt: persons.deletedAt }).from(persons).where(eq(persons.id, id)).get();
  if (!row || row.deletedAt) throw fieldError([path], `所选${label}不存在或已删除`);
}

/** A phone as typed → sealed normal form, or null when empty; an unreadable one names its field. */
export function sealedPhone(ctx: HandlerContext, raw: string | null | undefined, path: string, label: string) {
  if (!raw) return null;
  const check = checkPhone(raw);
  if (!check.ok) throw fieldError([path], check.reason.startsWith('请') ? check.reason : `${label}${check.reason}`);
  return ctx.pii.encrypt(check.value.value);
}

/** `%text%` for LIKE with the wildcards in the text taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
}
