/** The taxonomy in the database, one row per 大类, read and written as shared/cases/taxonomy.ts's shape. */
import { and, asc, desc, eq, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import {
  extensionMaxFor,
  sourceLimitsSchema,
  subcategorySchema,
  taxonomySchema,
  type Category,
  type Subcategory,
  type Taxonomy,
} from '../../../shared/cases/taxonomy';
import { FINAL_STATES } from '../../../shared/cases/loop';
import { ApiError } from '../../../shared/errors';
import { actorId, type HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { newId } from '../ids';
import { defaultTaxonomy } from './default-taxonomy';
import { caseCategories, cases } from './schema';

type CategoryRow = typeof caseCategories.$inferSelect;

function toCategory(row: CategoryRow): Category {
  return {
    code: row.code,
    name: row.name,
    ...(row.dispute ? { dispute: true } : {}),
    limits: { screen: row.screenDays, handle: row.handleDays, feedback: row.feedbackDays },
    extensionMaxDays: row.extensionMaxDays,
    sourceLimits: sourceLimitsSchema.parse(JSON.parse(row.sourceLimits)),
    subcategories: subcategorySchema.array().parse(JSON.parse(row.subcategories)) as Subcategory[],
  };
}

export function loadTaxonomy(db: Db): Taxonomy {
  const rows = db
    .select()
    .from(caseCategories)
    .where(isNull(caseCategories.deletedAt))
    .orderBy(asc(caseCategories.sortOrder))
    .all();
  return { version: 1, categories: rows.map(toCategory) };
}

/** 大类 whose work is logged as 工作日志 rather than registered as cases. */
const WORK_LOG_CATEGORY_NAMES = ['政策宣传', '社情民意'];

/**
 * A retired 大类: removed from the taxonomy (its row tombstoned) with no live 大类 of its code since.
 * New cases cannot take it; its old cases keep their names, their limits and their place on the forms.
 */
export function retiredCategory(db: Db, code: string): Category | null {
  const live = db
    .select({ id: caseCategories.id })
    .from(caseCategories)
    .where(and(eq(caseCategories.code, code), isNull(caseCategories.deletedAt)))
    .get();
  if (live) return null;
  const row = db
    .select()
    .from(caseCategories)
    .where(and(eq(caseCategories.code, code), isNotNull(caseCategories.deletedAt)))
    .orderBy(desc(caseCategories.deletedAt))
    .get();
  return row ? toCategory(row) : null;
}

/** Why a case cannot be registered under a retired 大类, and where that work goes instead. */
export function retiredMessage(category: Category): string {
  const instead = WORK_LOG_CATEGORY_NAMES.includes(category.name) ? '，请记入「工作日志」' : '';
  return `事件大类「${category.name}」已停用，不能再登记为事件${instead}`;
}

/**
 * The taxonomy a stored case is read against: the live one, then the retired 大类 its open cases may
 * still belong to (their next step's limits come from there).
 */
export function taxonomyForCase(db: Db, categoryCode: string): Taxonomy {
  const live = loadTaxonomy(db);
  if (live.categories.some((c) => c.code === categoryCode)) return live;
  const retired = retiredCategory(db, categoryCode);
  return retired ? { ...live, categories: [...live.categories, retired] } : live;
}

/**
 * 政策宣传 and 社情民意 are grid work logged as 工作日志, not matters for the loop (the default taxonomy
 * no longer has them). A database set up with the older default still offers them: retire each once,
 * when its live row still has the old name and it was never removed before — so a centre that adds
 * it back on purpose keeps it. Idempotent; runs with the other defaults when the core opens.
 */
export function retireWorkLogCategories(db: Db, now: string, by: string): void {
  for (const name of WORK_LOG_CATEGORY_NAMES) {
    const row = db
      .select()
      .from(caseCategories)
      .where(and(eq(caseCategories.name, name), isNull(caseCategories.deletedAt)))
      .get();
    if (!row) continue;
    const before = db
      .select({ id: caseCategories.id })
      .from(caseCategories)
      .where(and(eq(caseCategories.code, row.code), isNotNull(caseCategories.deletedAt)))
      .get();
    if (before) continue;
    db.update(caseCategories)
      .set({ deletedAt: now, updatedAt: now, updatedBy: by })
      .where(eq(caseCategories.id, row.id))
      .run();
  }
}

function columnsOf(c: Category, sortOrder: number) {
  return {
    code: c.code,
    name: c.name,
    sortOrder,
    dispute: c.dispute === true,
    screenDays: c.limits.screen,
    handleDays: c.limits.handle,
    feedbackDays: c.limits.feedback,
    extensionMaxDays: extensionMaxFor(c),
    sourceLimits: JSON.stringify(c.sourceLimits ?? {}),
    subcategories: JSON.stringify(c.subcategories),
  };
}

/** Open cases would lose their time limits: a 小类 still in use by one cannot be removed. */
function checkRemovals(db: Db, next: Taxonomy): void {
  const kept = new Set(next.categories.flatMap((c) => c.subcategories.map((s) => `${c.code}/${s.code}`)));
  const inUse = db
    .select({ category: cases.categoryCode, sub: cases.subcategoryCode, label: cases.categoryLabel })
    .from(cases)
    .where(and(isNull(cases.deletedAt), notInArray(cases.state, [...FINAL_STATES])))
    .groupBy(cases.categoryCode, cases.subcategoryCode)
    .all();
  // A 大类 retired before (not in the stored taxonomy) is not being removed now.
  const live = new Set(loadTaxonomy(db).categories.map((c) => c.code));
  const lost = inUse.filter((u) => live.has(u.category) && !kept.has(`${u.category}/${u.sub}`));
  if (lost.length) {
    throw new ApiError(
      'CONFLICT',
      `分类「${lost.map((l) => l.label).join('、')}」下还有未办结的事件，不能删除；可改名或调整时限`,
    );
  }
}

/** Replaces the taxonomy: changed 大类 updated, new ones added, missing ones tombstoned. */
export function saveTaxonomy(ctx: HandlerContext, input: Taxonomy): Taxonomy {
  const next = taxonomySchema.parse(input);
  checkRemovals(ctx.db, next);
  const by = actorId(ctx);
  const live = new Map(
    ctx.db
      .select()
      .from(caseCategories)
      .where(isNull(caseCategories.deletedAt))
      .all()
      .map((r) => [r.code, r]),
  );
  next.categories.forEach((c, i) => {
    const row = live.get(c.code);
    live.delete(c.code);
    const cols = columnsOf(c, i);
    // Only real edits are stamped, so the county receives the 大类 that changed and no others.
    if (row && Object.entries(cols).every(([k, v]) => row[k as keyof CategoryRow] === v)) return;
    if (row) {
      ctx.db
        .update(caseCategories)
        .set({ ...cols, updatedAt: ctx.now, updatedBy: by })
        .where(eq(caseCategories.id, row.id))
        .run();
    } else {
      ctx.db
        .insert(caseCategories)
        .values({ id: newId(), createdAt: ctx.now, updatedAt: ctx.now, updatedBy: by, ...cols })
        .run();
    }
  });
  for (const gone of live.values()) {
    ctx.db
      .update(caseCategories)
      .set({ deletedAt: ctx.now, updatedAt: ctx.now, updatedBy: by })
      .where(eq(caseCategories.id, gone.id))
      .run();
  }
  return loadTaxonomy(ctx.db);
}

/** A new installation's taxonomy (resources/taxonomy/default.json); skipped when one is stored. */
export function seedTaxonomy(db: Db, now: string, by: string): void {
  const any = db
    .select({ n: sql<number>`count(*)` })
    .from(caseCategories)
    .get();
  if (any && any.n > 0) return;
  defaultTaxonomy().categories.forEach((c, i) => {
    db.insert(caseCategories)
      .values({ id: newId(), createdAt: now, updatedAt: now, updatedBy: by, ...columnsOf(c, i) })
      .run();
  });
}
