/**
 * 事件台账's rows: every case registered in the period and scope (the case list's own filter, so
 * the ledger has exactly countCases rows), in number order, with its grid and village names and the
 * facts kept in the timeline (处置结果, 回访满意度, 督办 count) read by index per case. Read as a
 * preview page or as a statement iterated in chunks, never as 100,000 objects at once.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { CASE_SCALE_LABELS, CASE_SOURCE_LABELS, CASE_URGENCY_LABELS } from '../../../../shared/cases/codes';
import { MEDIATION_METHOD_LABELS } from '../../../../shared/cases/codes';
import { CASE_STATE_LABELS } from '../../../../shared/cases/loop';
import { SUPERVISION_LEVEL_LABELS } from '../../../../shared/cases/loop-payloads';
import { formatDateTime, formatDateZh } from '../../../../shared/dates';
import { maskPhone } from '../../../../shared/people/mask';
import type { PiiCipher } from '../../crypto/pii';
import { caseConditions, countCases, lateCondition } from '../../cases/list';
import { caseEvents, cases } from '../../cases/schema';
import { grids, villages } from '../../org/schema';
import type { ReportRow } from '../definition';
import type { FormParams, FormSource } from '../forms/types';
import { caseHandlingFilter } from './case-handling';

/** The latest timeline entry of `action` for the case, as one value of its payload. */
const lastPayload = (action: string, field: string) =>
  sql<string | number | null>`(SELECT json_extract(e.payload, ${'$.' + field}) FROM ${caseEvents} e
    WHERE e.case_id = ${cases.id} AND e.action = ${action} AND e.deleted_at IS NULL
    ORDER BY e.created_at DESC LIMIT 1)`;

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
    contactEnc: cases.reporterContactEnc,
    peopleInvolved: cases.peopleInvolved,
    summary: cases.summary,
    state: cases.state,
    assigneeLabel: cases.assigneeLabel,
    dueAt: cases.dueAt,
    late: sql<number>`coalesce(${lateCondition(now)}, 0)`,
    result: lastPayload('resolve', 'result'),
    closedAt: cases.closedAt,
    dispute: cases.dispute,
    mediationMethod: cases.mediationMethod,
    mediationOrg: cases.mediationOrg,
    mediationSuccess: cases.mediationSuccess,
    rating: lastPayload('followUp', 'rating'),
    supervisionLevel: cases.supervisionLevel,
    supervisions: sql<number>`(SELECT count(*) FROM ${caseEvents} e
      WHERE e.case_id = ${cases.id} AND e.action = 'supervise' AND e.deleted_at IS NULL)`,
  };
}

type Fields = ReturnType<typeof fields>;
export type LedgerSourceRow = ReturnType<ReturnType<typeof chunkQuery>['all']>[number];

/** The filter the ledger lists: the period's cases in scope, as the 事件 page would list them. */
export function ledgerFilter(params: FormParams) {
  return caseHandlingFilter({ from: params.period.start, to: params.period.end, villageId: params.villageId });
}

export function ledgerCount(source: FormSource, params: FormParams): number {
  return countCases({ db: source.db, now: source.now, user: null }, ledgerFilter(params));
}

const KEYS = Object.keys(fields(new Date(0).toISOString())) as (keyof Fields)[];

/** The first `limit` rows, for the on-screen preview (timeline lookups for those rows only). */
export function ledgerPage(source: FormSource, params: FormParams, limit: number): ReportRow[] {
  return chunkQuery(source, ledgerRowids(source, params).slice(0, limit))
    .all()
    .map((r) => ledgerRow(r as LedgerSourceRow, source.pii, params.reveal));
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

/** One chunk of rows by rowid, in number order, with names and timeline facts. */
function chunkQuery(source: Pick<FormSource, 'db' | 'now'>, ids: number[]) {
  return source.db
    .select(fields(source.now))
    .from(cases)
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .innerJoin(villages, eq(villages.id, cases.villageId))
    .where(inArray(sql`${cases}.rowid`, ids))
    .orderBy(asc(cases.number));
}

/** The statement that reads one chunk (the benchmark reads the same rows bare). */
export function ledgerChunkSql(source: FormSource, ids: number[]): { sql: string; params: unknown[] } {
  return chunkQuery(source, ids).toSQL();
}

/**
 * Every row, `chunk` at a time: the matching rowids first (about 1 MB for 100,000 cases), then each
 * chunk read whole and mapped. Call inside one read transaction, so the chunks come from the snapshot
 * the ids did. `between` runs after each chunk: where the writer yields to the event loop.
 */
export async function* ledgerStream(
  source: FormSource,
  params: FormParams,
  between: () => Promise<void>,
  chunk = 500,
): AsyncGenerator<ReportRow> {
  const ids = ledgerRowids(source, params);
  for (let at = 0; at < ids.length; at += chunk) {
    const q = ledgerChunkSql(source, ids.slice(at, at + chunk));
    const raws = source.conn.sqlite
      .prepare(q.sql)
      .raw(true)
      .all(...q.params) as unknown[][];
    for (const raw of raws) {
      const row = {} as Record<string, unknown>;
      for (let i = 0; i < KEYS.length; i++) row[KEYS[i]!] = raw[i];
      yield ledgerRow(row as LedgerSourceRow, source.pii, params.reveal);
    }
    await between();
  }
}

const dateZh = (iso: string | null) => (iso ? formatDateZh(iso) : '');
/** 2026年03月05日 on the first line, 14:20 on the second: a narrow column, read at a glance. */
const dateTimeZh = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso); // parsed once for both lines: 300,000 of these in a 100,000-case ledger
  return `${formatDateZh(d)}\n${formatDateTime(d).slice(11)}`;
};
const yesNo = (v: unknown) => (v === null || v === undefined ? '' : v ? '是' : '否');

/** `矛盾纠纷 / 邻里纠纷` as registered: 大类 and 小类. */
function splitCategory(label: string): [string, string] {
  const i = label.indexOf('/');
  return i < 0 ? [label, ''] : [label.slice(0, i).trim(), label.slice(i + 1).trim()];
}

function supervision(level: LedgerSourceRow['supervisionLevel'], times: number): string {
  if (!level) return times > 0 ? `${times}次` : '';
  return times > 1 ? `${SUPERVISION_LEVEL_LABELS[level]}（${times}次）` : SUPERVISION_LEVEL_LABELS[level];
}

/** One case as the ledger prints it; the contact in full only when `reveal`. */
export function ledgerRow(r: LedgerSourceRow, pii: PiiCipher, reveal: boolean): ReportRow {
  const [category, subcategory] = splitCategory(r.categoryLabel);
  const contact = pii.decryptNullable(r.contactEnc);
  return {
    number: r.number,
    createdAt: dateTimeZh(r.createdAt),
    source: CASE_SOURCE_LABELS[r.source],
    category,
    subcategory,
    scale: CASE_SCALE_LABELS[r.scale],
    urgency: CASE_URGENCY_LABELS[r.urgency],
    village: r.villageName,
    grid: r.gridName,
    place: r.place,
    occurredAt: dateTimeZh(r.occurredAt),
    reporter: r.reporterName ?? '',
    contact: contact === null ? '' : reveal ? contact : maskPhone(contact),
    people: r.peopleInvolved,
    summary: r.summary,
    state: CASE_STATE_LABELS[r.state],
    assignee: r.assigneeLabel ?? '',
    dueAt: dateTimeZh(r.dueAt),
    late: r.late ? '是' : '否',
    result: r.result === null ? '' : String(r.result),
    closedAt: dateZh(r.closedAt),
    mediationMethod: r.dispute && r.mediationMethod ? MEDIATION_METHOD_LABELS[r.mediationMethod] : '',
    mediationOrg: r.dispute ? (r.mediationOrg ?? '') : '',
    mediationSuccess: r.dispute ? yesNo(r.mediationSuccess) : '',
    rating: r.rating === null ? '' : `${r.rating}分`,
    supervision: supervision(r.supervisionLevel, r.supervisions),
  };
}
