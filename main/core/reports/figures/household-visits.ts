/**
 * 入户走访登记表's rows: every live visit of the period and scope (the visit list's own conditions,
 * so the register has exactly countVisits rows), by 走访日期 then village and grid in the org's
 * code order, with the names it prints. Read as a preview page or chunk by chunk from the rowids,
 * never as 100,000 objects at once.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { formatDateZh } from '../../../../shared/dates';
import { VISIT_METHOD_LABELS } from '../../../../shared/fieldwork/codes';
import { maskPhone } from '../../../../shared/people/mask';
import type { PiiCipher } from '../../crypto/pii';
import { cases } from '../../cases/schema';
import { countVisits } from '../../fieldwork/counts';
import { visitConditions } from '../../fieldwork/filters';
import { householdVisits } from '../../fieldwork/schema';
import { grids, villages } from '../../org/schema';
import { persons } from '../../people/schema';
import type { ReportRow } from '../definition';
import type { FormParams, FormSource } from '../forms/types';

const v = householdVisits;

const FIELDS = {
  visitedOn: v.visitedOn,
  villageName: villages.name,
  gridName: grids.name,
  visitorName: persons.name,
  subjectName: v.subjectName,
  address: v.address,
  phoneEnc: v.phoneEnc,
  method: v.method,
  content: v.content,
  issues: v.issues,
  followUp: v.followUp,
  caseNumber: cases.number,
};
type Key = keyof typeof FIELDS;
const KEYS = Object.keys(FIELDS) as Key[];
export type VisitSourceRow = ReturnType<ReturnType<typeof chunkQuery>['all']>[number];

/** The register's order: day, then village and grid as the organisation lists them, then entry. */
const ORDER = [asc(v.visitedOn), asc(villages.code), asc(grids.code), asc(v.createdAt), asc(v.id)];

/** The period and scope as the visit list filters them (fieldwork/filters.ts). */
export function visitFilter(params: FormParams) {
  return {
    from: params.period.start,
    to: params.period.end,
    ...(params.villageId ? { villageId: params.villageId } : {}),
  };
}

export function visitsCount(source: FormSource, params: FormParams): number {
  return countVisits(source.db, {
    period: params.period,
    ...(params.villageId ? { villageId: params.villageId } : {}),
  });
}

/** The matching visits' rowids in print order: a sort of small tuples, not of whole rows. */
export function visitRowids(source: FormSource, params: FormParams): number[] {
  const q = source.db
    .select({ rowid: sql<number>`${v}.rowid` })
    .from(v)
    .innerJoin(villages, eq(villages.id, v.villageId))
    .innerJoin(grids, eq(grids.id, v.gridId))
    .where(visitConditions(visitFilter(params)))
    .orderBy(...ORDER)
    .toSQL();
  return source.conn.sqlite
    .prepare(q.sql)
    .pluck()
    .all(...q.params) as number[];
}

/** One chunk of visits by rowid, in print order, with village, grid, visitor and case names. */
function chunkQuery(source: Pick<FormSource, 'db'>, ids: number[]) {
  return source.db
    .select(FIELDS)
    .from(v)
    .innerJoin(villages, eq(villages.id, v.villageId))
    .innerJoin(grids, eq(grids.id, v.gridId))
    .innerJoin(persons, eq(persons.id, v.visitorId))
    .leftJoin(cases, eq(cases.id, v.caseId))
    .where(inArray(sql`${v}.rowid`, ids))
    .orderBy(...ORDER);
}

/** The statement that reads one chunk (the benchmark reads the same rows bare). */
export function visitChunkSql(source: Pick<FormSource, 'db'>, ids: number[]): { sql: string; params: unknown[] } {
  return chunkQuery(source, ids).toSQL();
}

function readChunk(source: FormSource, ids: number[], reveal: boolean): ReportRow[] {
  if (ids.length === 0) return [];
  const q = visitChunkSql(source, ids);
  const raws = source.conn.sqlite
    .prepare(q.sql)
    .raw(true)
    .all(...q.params) as unknown[][];
  return raws.map((raw) => {
    const row = {} as Record<Key, unknown>;
    for (let i = 0; i < KEYS.length; i++) row[KEYS[i]!] = raw[i];
    return visitRow(row as VisitSourceRow, source.pii, reveal);
  });
}

/** The first `limit` rows, for the on-screen preview. */
export function visitsPage(source: FormSource, params: FormParams, limit: number): ReportRow[] {
  return readChunk(source, visitRowids(source, params).slice(0, limit), params.reveal);
}

/**
 * Every row, `chunk` at a time. Call inside one read transaction so the chunks come from the
 * snapshot the rowids did; `between` runs after each chunk, where the writer yields to the loop.
 */
export async function* visitsStream(
  source: FormSource,
  params: FormParams,
  between: () => Promise<void>,
  chunk = 500,
): AsyncGenerator<ReportRow> {
  const ids = visitRowids(source, params);
  for (let at = 0; at < ids.length; at += chunk) {
    yield* readChunk(source, ids.slice(at, at + chunk), params.reveal);
    await between();
  }
}

/** One visit as the register prints it; the phone in full only when `reveal`. */
export function visitRow(r: VisitSourceRow, pii: PiiCipher, reveal: boolean): ReportRow {
  const phone = pii.decryptNullable(r.phoneEnc);
  return {
    visitedOn: formatDateZh(r.visitedOn),
    village: r.villageName,
    grid: r.gridName,
    visitor: r.visitorName,
    subject: r.subjectName,
    address: r.address,
    phone: phone === null ? '' : reveal ? phone : maskPhone(phone),
    method: VISIT_METHOD_LABELS[r.method],
    content: r.content,
    issues: r.issues ?? '',
    followUp: r.followUp ?? '',
    caseNumber: r.caseNumber ?? '',
  };
}
