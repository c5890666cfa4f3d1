/**
 * 入户走访登记表's rows: every live 入户 visit of the period and scope — 入户走访（户次） counts method
 * 入户 only; 电话/视频 contacts are not household visits and are counted in the yearly form's own
 * column — through the visit list's own conditions, so the register has exactly countVisits rows, by 走访日期 then village and grid in the org's
 * code order, with the names it prints. Read as a preview page or chunk by chunk from the rowids,
 * never as 100,000 objects at once.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { formatDateZh } from '../../../../shared/dates';
import type { VisitMethod } from '../../../../shared/fieldwork/codes';
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
import { chunkReader, fieldReader, rowidIn, streamByRowid, type RawRow } from './by-rowid';

const v = householdVisits;

const FIELDS = {
  visitedOn: v.visitedOn,
  villageName: villages.name,
  gridName: grids.name,
  visitorName: persons.name,
  subjectName: v.subjectName,
  address: v.address,
  phoneEnc: v.phoneEnc,
  content: v.content,
  issues: v.issues,
  followUp: v.followUp,
  caseNumber: cases.number,
};
type VisitFields = ReturnType<ReturnType<typeof chunkQuery>['all']>[number];
const col = fieldReader<VisitFields>(FIELDS);

/** The register's order: day, then village and grid as the organisation lists them, then entry. */
const ORDER = [asc(v.visitedOn), asc(villages.code), asc(grids.code), asc(v.createdAt), asc(v.id)];

/** What the register lists: visits made in person (入户). */
export const REGISTER_METHOD: VisitMethod = 'in_person';

/** The period and scope as the visit list filters them (fieldwork/filters.ts). */
export function visitFilter(params: FormParams) {
  return {
    from: params.period.start,
    to: params.period.end,
    method: REGISTER_METHOD,
    ...(params.villageId ? { villageId: params.villageId } : {}),
  };
}

export function visitsCount(source: FormSource, params: FormParams): number {
  return countVisits(source.db, {
    period: params.period,
    method: REGISTER_METHOD,
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

/** A chunk of visits by rowid, in print order, with village, grid, visitor and case names. */
function chunkQuery(source: Pick<FormSource, 'db'>) {
  return source.db
    .select(FIELDS)
    .from(v)
    .innerJoin(villages, eq(villages.id, v.villageId))
    .innerJoin(grids, eq(grids.id, v.gridId))
    .innerJoin(persons, eq(persons.id, v.visitorId))
    .leftJoin(cases, eq(cases.id, v.caseId))
    .where(rowidIn(v))
    .orderBy(...ORDER);
}

/** Reads chunks of visits by rowid (the benchmark reads the same rows bare). */
export const visitChunkReader = (source: Pick<FormSource, 'db'>) => chunkReader(chunkQuery(source));

/** The rows as the register prints them. */
function visitRows(source: FormSource, reveal: boolean) {
  const read = visitChunkReader(source);
  return (ids: number[]) => read(ids).map((raw) => visitRow(raw, source.pii, reveal));
}

/** The first `limit` rows, for the on-screen preview. */
export function visitsPage(source: FormSource, params: FormParams, limit: number): ReportRow[] {
  return visitRows(source, params.reveal)(visitRowids(source, params).slice(0, limit));
}

/**
 * Every row, 500 at a time. Call inside one read transaction so the chunks come from the snapshot
 * the rowids did; `between` runs after each chunk, where the writer yields to the loop.
 */
export function visitsStream(
  source: FormSource,
  params: FormParams,
  between: () => Promise<void>,
): AsyncGenerator<ReportRow> {
  return streamByRowid(visitRowids(source, params), visitRows(source, params.reveal), between);
}

/** One visit as the register prints it; the phone in full only when `reveal`. */
function visitRow(raw: RawRow, pii: PiiCipher, reveal: boolean): ReportRow {
  const phone = pii.decryptNullable(col(raw, 'phoneEnc'));
  return {
    visitedOn: formatDateZh(col(raw, 'visitedOn')),
    village: col(raw, 'villageName'),
    grid: col(raw, 'gridName'),
    visitor: col(raw, 'visitorName'),
    subject: col(raw, 'subjectName'),
    address: col(raw, 'address'),
    phone: phone === null ? '' : reveal ? phone : maskPhone(phone),
    content: col(raw, 'content'),
    issues: col(raw, 'issues') ?? '',
    followUp: col(raw, 'followUp') ?? '',
    caseNumber: col(raw, 'caseNumber') ?? '',
  };
}
