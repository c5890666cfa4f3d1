/**
 * 事件台账's rows: every case registered in the period and scope (the case list's own filter, so
 * the ledger has exactly countCases rows), in number order, with its grid and village names and the
 * timeline's facts the case keeps (处置结果, 回访满意度, 督办 count). Read as a preview page or chunk by
 * chunk, never as 100,000 objects at once.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { CASE_SCALE_LABELS, CASE_SOURCE_LABELS, CASE_URGENCY_LABELS } from '../../../../shared/cases/codes';
import {
  MEDIATION_METHOD_LABELS,
  MEDIATION_RESULT_LABELS,
  PERFORMANCE_RESULT_LABELS,
  SATISFACTION_LEVEL_LABELS,
  type DiscovererKind,
  type MediationResult,
  type PerformanceResult,
  type SatisfactionLevel,
} from '../../../../shared/cases/codes';
import { CASE_STATE_LABELS } from '../../../../shared/cases/loop';
import { SUPERVISION_LEVEL_LABELS } from '../../../../shared/cases/loop-payloads';
import { dateTimeLinesZh, formatDateZh } from '../../../../shared/dates';
import { maskPhone } from '../../../../shared/people/mask';
import type { PiiCipher } from '../../crypto/pii';
import { caseConditions, countCases, lateCondition } from '../../cases/list';
import { cases } from '../../cases/schema';
import { grids, villages } from '../../org/schema';
import type { ReportRow } from '../definition';
import type { FormParams, FormSource } from '../forms/types';
import { chunkReader, fieldReader, rowidIn, streamByRowid, type RawRow } from './by-rowid';
import { caseHandlingFilter } from './case-handling';

function fields(now: string) {
  return {
    number: cases.number,
    createdAt: cases.createdAt,
    source: cases.source,
    categoryLabel: cases.categoryLabel,
    scale: cases.scale,
    urgency: cases.urgency,
    villageName: villages.name,
    gridName: grids.name,
    place: cases.place,
    occurredAt: cases.occurredAt,
    reporterName: cases.reporterName,
    discovererKind: cases.discovererKind,
    discovererName: cases.discovererName,
    contactEnc: cases.reporterContactEnc,
    peopleInvolved: cases.peopleInvolved,
    summary: cases.summary,
    state: cases.state,
    assigneeLabel: cases.assigneeLabel,
    dueAt: cases.dueAt,
    late: sql<number>`coalesce(${lateCondition(now)}, 0)`,
    resolution: cases.resolution,
    closedAt: cases.closedAt,
    dispute: cases.dispute,
    mediationMethod: cases.mediationMethod,
    mediationOrg: cases.mediationOrg,
    mediationResult: cases.mediationResult,
    followUpSatisfaction: cases.followUpSatisfaction,
    followUpPerformance: cases.followUpPerformance,
    categoryName: cases.categoryName,
    subcategoryName: cases.subcategoryName,
    supervisionLevel: cases.supervisionLevel,
    supervisionCount: cases.supervisionCount,
  };
}

type CaseFields = ReturnType<ReturnType<typeof chunkQuery>['all']>[number];
const col = fieldReader<CaseFields>(fields(new Date(0).toISOString()));

/** The filter the ledger lists: the period's cases in scope, as the 事件 page would list them. */
export function ledgerFilter(params: FormParams) {
  return caseHandlingFilter({ from: params.period.start, to: params.period.end, villageId: params.villageId });
}

export function ledgerCount(source: FormSource, params: FormParams): number {
  return countCases({ db: source.db, now: source.now, user: null }, ledgerFilter(params));
}

/** The first `limit` rows, for the on-screen preview. */
export function ledgerPage(source: FormSource, params: FormParams, limit: number): ReportRow[] {
  return ledgerRows(source, params.reveal)(ledgerRowids(source, params).slice(0, limit));
}

/** The matching cases' rowids in number order: a sort of small pairs, not of whole rows. */
export function ledgerRowids(source: FormSource, params: FormParams): number[] {
  const ctx = { db: source.db, now: source.now, user: null };
  const q = source.db
    .select({ rowid: sql<number>`${cases}.rowid` })
    .from(cases)
    .where(caseConditions(ctx, ledgerFilter(params)))
    .orderBy(asc(cases.number))
    .toSQL();
  return source.conn.sqlite
    .prepare(q.sql)
    .pluck()
    .all(...q.params) as number[];
}

/** A chunk of cases by rowid, in number order, with names. */
function chunkQuery(source: Pick<FormSource, 'db' | 'now'>) {
  return source.db
    .select(fields(source.now))
    .from(cases)
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .innerJoin(villages, eq(villages.id, cases.villageId))
    .where(rowidIn(cases))
    .orderBy(asc(cases.number));
}

/** Reads chunks of cases by rowid (the benchmark reads the same rows bare). */
export const ledgerChunkReader = (source: Pick<FormSource, 'db' | 'now'>) => chunkReader(chunkQuery(source));

/** The rows as the ledger prints them: one date memo for all (neighbouring cases share hours). */
function ledgerRows(source: FormSource, reveal: boolean) {
  const read = ledgerChunkReader(source);
  const lines = dateTimeLinesZh();
  return (ids: number[]) => read(ids).map((raw) => ledgerRow(raw, source.pii, reveal, lines));
}

/**
 * Every row, 500 at a time: the matching rowids first (about 1 MB for 100,000 cases), then each
 * chunk read whole and mapped. Call inside one read transaction, so the chunks come from the snapshot
 * the ids did. `between` runs after each chunk: where the writer yields to the event loop.
 */
export function ledgerStream(
  source: FormSource,
  params: FormParams,
  between: () => Promise<void>,
): AsyncGenerator<ReportRow> {
  return streamByRowid(ledgerRowids(source, params), ledgerRows(source, params.reveal), between);
}

const dateZh = (iso: string | null) => (iso ? formatDateZh(iso) : '');
/** 2026年03月05日 on the first line, 14:20 on the second: a narrow column, read at a glance. */
const dateTimeZh = (lines: (iso: string) => string, iso: string | null) => (iso ? lines(iso) : '');
const mediationResultLabel = (r: MediationResult | null) => (r ? MEDIATION_RESULT_LABELS[r] : '');
/** A dispute's 回访 asks after the agreement (履行情况), any other's the person's 满意度. */
const followUpLabel = (satisfaction: SatisfactionLevel | null, performance: PerformanceResult | null) =>
  performance ? PERFORMANCE_RESULT_LABELS[performance] : satisfaction ? SATISFACTION_LEVEL_LABELS[satisfaction] : '';

/** 发现人: the team member's name, or the 群众's marked so; empty on cases from before it was asked. */
const discovererLabel = (kind: DiscovererKind | null, name: string | null) =>
  name ? (kind === 'public' ? `${name}（群众）` : name) : '';

function supervision(level: CaseFields['supervisionLevel'], times: number): string {
  if (!level) return times > 0 ? `${times}次` : '';
  return times > 1 ? `${SUPERVISION_LEVEL_LABELS[level]}（${times}次）` : SUPERVISION_LEVEL_LABELS[level];
}

/** One case as the ledger prints it; the contact in full only when `reveal`. */
function ledgerRow(raw: RawRow, pii: PiiCipher, reveal: boolean, lines: (iso: string) => string): ReportRow {
  const contact = pii.decryptNullable(col(raw, 'contactEnc'));
  const dispute = col(raw, 'dispute');
  const mediationMethod = col(raw, 'mediationMethod');
  return {
    number: col(raw, 'number'),
    createdAt: dateTimeZh(lines, col(raw, 'createdAt')),
    source: CASE_SOURCE_LABELS[col(raw, 'source')],
    // The names recorded at registration, each apart: a name may itself hold a "/".
    category: col(raw, 'categoryName'),
    subcategory: col(raw, 'subcategoryName'),
    scale: CASE_SCALE_LABELS[col(raw, 'scale')],
    urgency: CASE_URGENCY_LABELS[col(raw, 'urgency')],
    village: col(raw, 'villageName'),
    grid: col(raw, 'gridName'),
    place: col(raw, 'place'),
    occurredAt: dateTimeZh(lines, col(raw, 'occurredAt')),
    discoverer: discovererLabel(col(raw, 'discovererKind'), col(raw, 'discovererName')),
    reporter: col(raw, 'reporterName') ?? '',
    contact: contact === null ? '' : reveal ? contact : maskPhone(contact),
    people: col(raw, 'peopleInvolved'),
    summary: col(raw, 'summary'),
    state: CASE_STATE_LABELS[col(raw, 'state')],
    assignee: col(raw, 'assigneeLabel') ?? '',
    dueAt: dateTimeZh(lines, col(raw, 'dueAt')),
    late: col(raw, 'late') ? '是' : '否',
    result: col(raw, 'resolution') ?? '',
    closedAt: dateZh(col(raw, 'closedAt')),
    mediationMethod: dispute && mediationMethod ? MEDIATION_METHOD_LABELS[mediationMethod] : '',
    mediationOrg: dispute ? (col(raw, 'mediationOrg') ?? '') : '',
    mediationResult: dispute ? mediationResultLabel(col(raw, 'mediationResult')) : '',
    followUp: followUpLabel(col(raw, 'followUpSatisfaction'), col(raw, 'followUpPerformance')),
    supervision: supervision(col(raw, 'supervisionLevel'), col(raw, 'supervisionCount')),
  };
}
