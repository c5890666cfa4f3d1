/**
 * The case list: filters, sort and paging in SQL. Every filter and sort column is indexed
 * (schema.ts), the page is read from `cases` alone and the grid/village names are looked up for
 * that page only, so a million rows cost an index walk, not a scan or a join over the table.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CaseFilter, CaseListInput, CaseSummary } from '../../../shared/api/cases';
import type { HandlerContext } from '../context';
import { grids, villages } from '../org/schema';
import { searchQuery } from '../../../shared/cases/search-terms';
import { cases } from './schema';
import { SEARCH_TABLE } from './search';
import { toSummary } from './view';

const SORT_COLUMNS = {
  createdAt: cases.createdAt,
  occurredAt: cases.occurredAt,
  dueAt: cases.dueAt,
  updatedAt: cases.updatedAt,
} as const;

/** What counting cases needs of a call: the report forms count outside a handler with just these. */
export type CaseQueryContext = Pick<HandlerContext, 'db' | 'now' | 'user'>;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** [start, end) of the Shanghai calendar month containing `now`, as UTC ISO instants. */
export function shanghaiMonth(now: string): [string, string] {
  const local = new Date(+new Date(now) + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const at = (month: number) => new Date(Date.UTC(y, month, 1) - SHANGHAI_OFFSET_MS).toISOString();
  return [at(m), at(m + 1)];
}

/** Start of a Shanghai day `YYYY-MM-DD`, and of the day after it, as UTC ISO instants. */
export function shanghaiDayStart(day: string, plusDays = 0): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();
}

/** Matches above which a search page walks the sort index rather than sorting every match. */
const WALK_ABOVE = 5_000;

interface Search {
  match: string;
  /** Live cases matching: the index holds live cases only (search.ts), so this is exact. */
  matches: number;
}

function searchOf(ctx: CaseQueryContext, f: CaseFilter): Search | null {
  // The input schema refuses text without a letter or digit, so there is always an expression.
  const match = f.q ? searchQuery(f.q) : null;
  if (!match) return null;
  const { n } = ctx.db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${sql.raw(SEARCH_TABLE)} WHERE ${sql.raw(SEARCH_TABLE)} MATCH ${match}`,
  );
  return { match, matches: n };
}

/** The last live count per database and the write generation it was counted at. */
const liveCountMemo = new WeakMap<object, { generation: string; n: number }>();

/**
 * Live cases without stepping through a million index entries: `count(*)` with no WHERE is SQLite's
 * b-tree count, and tombstoned cases are a short range of the created index. Even so that is ~10 ms
 * at 1M, paid on every unfiltered page, so it is kept until anything is written: this connection's
 * total_changes() and data_version (commits by any other connection) name the write generation.
 */
function liveCases(ctx: CaseQueryContext): number {
  const generation = ctx.db.get<{ g: string }>(
    sql`SELECT total_changes() || '/' || (SELECT data_version FROM pragma_data_version) AS g`,
  ).g;
  const memo = liveCountMemo.get(ctx.db);
  if (memo?.generation === generation) return memo.n;
  const all = ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${cases}`).n;
  const gone = ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${cases} WHERE deleted_at IS NOT NULL`).n;
  liveCountMemo.set(ctx.db, { generation, n: all - gone });
  return all - gone;
}

/** Whether anything but the search narrows the list (else the search's own count is the total). */
function filtered(f: CaseFilter): boolean {
  return Boolean(
    f.states?.length ||
    f.gridId ||
    f.villageId ||
    f.categoryCode ||
    f.subcategoryCode ||
    f.source ||
    f.assigneeId ||
    f.quick ||
    f.createdFrom ||
    f.createdTo ||
    f.late !== undefined ||
    f.onSpot !== undefined,
  );
}

function conditions(ctx: CaseQueryContext, f: CaseFilter, search: Search | null, walkAbove: number): SQL | undefined {
  // A search alone with few matches starts from them (rowid lookups); a seekable deleted_at would let
  // SQLite scan a whole live index instead, and the search index holds live cases only anyway.
  const fromMatches = search !== null && search.matches <= walkAbove && !filtered(f);
  const conds: (SQL | undefined)[] = [fromMatches ? sql`+${cases.deletedAt} IS NULL` : isNull(cases.deletedAt)];
  if (f.states?.length) conds.push(inArray(cases.state, f.states));
  if (f.gridId) conds.push(eq(cases.gridId, f.gridId));
  if (f.villageId) conds.push(eq(cases.villageId, f.villageId));
  // With a grid or village the place index drives (1 of ~50 grids, 1 of ~18 villages, against 1 of 6
  // sources or 7 categories); the unary + keeps SQLite from picking the coarser index instead.
  const place = Boolean(f.gridId || f.villageId);
  const coarse = (column: typeof cases.source | typeof cases.categoryCode, value: string) =>
    place ? sql`+${column} = ${value}` : sql`${column} = ${value}`;
  if (f.categoryCode) conds.push(coarse(cases.categoryCode, f.categoryCode));
  if (f.subcategoryCode) conds.push(eq(cases.subcategoryCode, f.subcategoryCode));
  if (f.source) conds.push(coarse(cases.source, f.source));
  if (f.assigneeId) conds.push(eq(cases.assigneeId, f.assigneeId));
  if (search) {
    const ids = sql`(SELECT rowid FROM ${sql.raw(SEARCH_TABLE)} WHERE ${sql.raw(SEARCH_TABLE)} MATCH ${search.match})`;
    // Few matches: look each up and sort them. Many: walk the sort index and test each row against
    // the match set (the unary + stops SQLite from looking matches up one by one), which reaches a
    // page after about limit × cases / matches rows. Measured in tests/bench/cases-list.bench.ts.
    conds.push(search.matches <= walkAbove ? sql`${cases}.rowid IN ${ids}` : sql`+${cases}.rowid IN ${ids}`);
  }
  switch (f.quick) {
    case 'mine': {
      // 管理员 sees everything waiting on the centre; the others what waits on their role.
      const role = ctx.user?.role;
      conds.push(role === 'reviewer' || role === 'clerk' ? eq(cases.awaiting, role) : isNotNull(cases.awaiting));
      break;
    }
    case 'dueSoon':
      conds.push(lte(cases.yellowAt, ctx.now), gte(cases.dueAt, ctx.now));
      break;
    case 'overdue':
      conds.push(lt(cases.dueAt, ctx.now));
      break;
    case 'thisMonth': {
      const [start, end] = shanghaiMonth(ctx.now);
      conds.push(gte(cases.createdAt, start), lt(cases.createdAt, end));
      break;
    }
    case 'review':
      conds.push(eq(cases.awaiting, 'reviewer'));
      break;
  }
  if (f.onSpot !== undefined) conds.push(eq(cases.onSpot, f.onSpot));
  if (f.createdFrom) conds.push(gte(cases.createdAt, shanghaiDayStart(f.createdFrom)));
  if (f.createdTo) conds.push(lt(cases.createdAt, shanghaiDayStart(f.createdTo, 1)));
  if (f.late !== undefined) {
    // 按期 is the exact complement of 超期.
    const late = lateCondition(ctx.now);
    conds.push(f.late ? late : sql`NOT coalesce(${late}, 0)`);
  }
  return and(...conds);
}

/**
 * Late (超期): missed a deadline, whether the sweep already raised its 督办 (kept after 办结) or the
 * running clock ran out since it last passed. The 超期 filter and the ledger's 是否超期 column both use it.
 */
export function lateCondition(now: string): SQL {
  return or(isNotNull(cases.autoSupervisedDue), lt(cases.dueAt, now))!;
}

/**
 * The WHERE of a case filter. The single definition of what each filter means: the list, the
 * 工作台's numbers and the report forms all count through it, so a number equals its list's total.
 */
export function caseConditions(ctx: CaseQueryContext, f: CaseFilter): SQL | undefined {
  return conditions(ctx, f, searchOf(ctx, f), WALK_ABOVE);
}

/**
 * How many of a filter's cases also match `subset`, as a column of one scan over the filter:
 * `count(*) FILTER (WHERE …)`. Filters are conjunctions, so this counts exactly what
 * countCases({ ...base, ...subset }) counts, provided the subset sets no field the base does.
 */
export function subsetCount(ctx: CaseQueryContext, base: CaseFilter, subset: CaseFilter): SQL<number> {
  const shared = Object.keys(subset).filter((k) => base[k as keyof CaseFilter] !== undefined);
  if (shared.length) throw new Error(`subsetCount: ${shared.join(', ')} set in both the filter and the subset`);
  return sql<number>`count(*) FILTER (WHERE ${caseConditions(ctx, subset)})`;
}

/** How many cases a filter matches: exactly the `total` cases.list returns for it. */
export function countCases(ctx: CaseQueryContext, f: CaseFilter): number {
  const q = listQueries(ctx, { ...f, offset: 0, limit: 1, sort: 'createdAt', dir: 'desc' });
  return q.knownTotal ?? q.count.get()?.n ?? 0;
}

/** Names for the grids and villages of one page. */
function namesOf(ctx: HandlerContext, rows: { gridId: string; villageId: string }[]) {
  const gridIds = [...new Set(rows.map((r) => r.gridId))];
  const villageIds = [...new Set(rows.map((r) => r.villageId))];
  const gridNames = new Map(
    gridIds.length
      ? ctx.db
          .select({ id: grids.id, name: grids.name })
          .from(grids)
          .where(inArray(grids.id, gridIds))
          .all()
          .map((g) => [g.id, g.name])
      : [],
  );
  const villageNames = new Map(
    villageIds.length
      ? ctx.db
          .select({ id: villages.id, name: villages.name })
          .from(villages)
          .where(inArray(villages.id, villageIds))
          .all()
          .map((v) => [v.id, v.name])
      : [],
  );
  return { grid: (id: string) => gridNames.get(id) ?? '', village: (id: string) => villageNames.get(id) ?? '' };
}

/** The page and the count of a list call, as queries (the benchmark times and explains each). */
export function listQueries(ctx: CaseQueryContext, f: CaseListInput, walkAbove = WALK_ABOVE) {
  const search = searchOf(ctx, f);
  const where = conditions(ctx, f, search, walkAbove);
  const order = f.dir === 'asc' ? asc : desc;
  // 即将超期/已超期 hold a few hundred open cases among a million: read them through the clock index
  // and sort them. Walking the sort index instead (SQLite's pick without statistics) reads every
  // case when fewer than a page match. The unary + keeps the sort column's index out of the plan.
  // The same for a search with few matches (the page query then starts from the matches).
  const few =
    ((f.quick === 'dueSoon' || f.quick === 'overdue') && f.sort !== 'dueAt') ||
    (search !== null && search.matches <= walkAbove);
  const sortBy = few ? sql`+${SORT_COLUMNS[f.sort]}` : SORT_COLUMNS[f.sort];
  return {
    page: ctx.db
      .select()
      .from(cases)
      .where(where)
      .orderBy(order(sortBy), order(cases.id))
      .limit(f.limit)
      .offset(f.offset),
    count: ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(cases)
      .where(where),
    /** Known without counting every row: a search and nothing else, or no filter at all. */
    knownTotal: filtered(f) ? null : search ? search.matches : liveCases(ctx),
  };
}

export function listCases(ctx: HandlerContext, f: CaseListInput): { rows: CaseSummary[]; total: number } {
  const q = listQueries(ctx, f);
  const rows = q.page.all();
  const total = q.knownTotal ?? q.count.get()?.n ?? 0;
  const names = namesOf(ctx, rows);
  return {
    rows: rows.map((r) =>
      toSummary(ctx, { ...r, gridName: names.grid(r.gridId), villageName: names.village(r.villageId) }),
    ),
    total,
  };
}
