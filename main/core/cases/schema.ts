import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CALENDAR_DAY_KINDS } from '../../../shared/cases/holiday-calendar';
import { ASSIGNEE_KINDS, SUPERVISION_LEVELS } from '../../../shared/cases/loop-payloads';
import { CASE_STATES } from '../../../shared/cases/loop';
import { CASE_PARTY_ROLES } from '../../../shared/cases/parties';
import { SEXES } from '../../../shared/people/codes';
import {
  AWAITING_ROLES,
  CASE_SCALES,
  CASE_SOURCES,
  CASE_URGENCIES,
  DISCOVERER_KINDS,
  EMERGENCY_REPORT_KINDS,
  LEGACY_MEDIATION_METHODS,
  MEDIATION_LEVELS,
  MEDIATION_METHODS,
  MEDIATION_RESULTS,
  PERFORMANCE_RESULTS,
  SATISFACTION_LEVELS,
} from '../../../shared/cases/codes';
import { syncedColumns } from '../db/columns';
import { grids, villages } from '../org/schema';

/** The short filter columns a list index carries after its sort (see the indexes of `cases`). */
const FILTER_TAIL = ['state', 'source', 'categoryCode', 'subcategoryCode'] as const;
type FilterColumn = (typeof FILTER_TAIL)[number];

function filterTail(t: Record<FilterColumn, SQLiteColumn>, own?: FilterColumn): SQLiteColumn[] {
  return FILTER_TAIL.filter((k) => k !== own).map((k) => t[k]);
}

/**
 * 事件. The reporter's contact is personal information: stored encrypted (crypto/pii.ts) with a
 * keyed hash of its normalised form, so the hotline finds a caller's earlier cases without decrypting.
 * Deadline columns hold the current step's clock; `due_at` and `yellow_at` are precomputed instants
 * so 即将超期/已超期 are plain indexed comparisons at a million rows.
 */
export const cases = sqliteTable(
  'cases',
  {
    ...syncedColumns,
    number: text('number').notNull().unique(), // 140621100-2026-000123
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    source: text('source', { enum: CASE_SOURCES }).notNull(),
    categoryCode: text('category_code').notNull(), // 大类
    subcategoryCode: text('subcategory_code').notNull(), // 小类
    itemCode: text('item_code'), // 项, where the taxonomy has them
    /** `矛盾纠纷 / 邻里纠纷` as named when registered, so a later taxonomy edit does not rename history. */
    categoryLabel: text('category_label').notNull(),
    /** The 大类 and 小类 names as registered, each on its own: forms print them apart, never split a label. */
    categoryName: text('category_name').notNull().default(''),
    subcategoryName: text('subcategory_name').notNull().default(''),
    dispute: integer('dispute', { mode: 'boolean' }).notNull().default(false),
    scale: text('scale', { enum: CASE_SCALES }).notNull(),
    urgency: text('urgency', { enum: CASE_URGENCIES }).notNull(),
    gridId: text('grid_id')
      .notNull()
      .references(() => grids.id),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id), // the grid's, copied so the village filter needs no join
    place: text('place').notNull(),
    occurredAt: text('occurred_at').notNull(),
    reporterName: text('reporter_name'),
    reporterContactEnc: text('reporter_contact_enc'),
    reporterContactHash: text('reporter_contact_hash'),
    peopleInvolved: integer('people_involved').notNull().default(1),
    /** 发现人: a team member (discovererId = persons.id) or 群众; null on cases registered before it was asked. */
    discovererKind: text('discoverer_kind', { enum: DISCOVERER_KINDS }),
    discovererId: text('discoverer_id'),
    discovererName: text('discoverer_name'),
    /** 就地化解: found and settled on the spot in one step (closed at registration, never walked the loop). */
    onSpot: integer('on_spot', { mode: 'boolean' }).notNull().default(false),
    /** 突发事件: reported to the county at once (case_emergency_reports), never screened. */
    emergency: integer('emergency', { mode: 'boolean' }).notNull().default(false),
    /** 重大矛盾纠纷 and why (JSON array of MAJOR_DISPUTE_GROUNDS). */
    majorDispute: integer('major_dispute', { mode: 'boolean' }).notNull().default(false),
    majorGrounds: text('major_grounds'),
    /** 上级交办: the order's 文号/工单号 and its own deadline (a Shanghai day), which the handling clock keeps. */
    orderRef: text('order_ref'),
    orderDueDate: text('order_due_date'),
    /** 提级: sent up to the county centre (the record stays; the county's answer comes with the county link). */
    escalatedAt: text('escalated_at'),
    summary: text('summary').notNull(),
    state: text('state', { enum: CASE_STATES }).notNull(),
    awaiting: text('awaiting', { enum: AWAITING_ROLES }),
    assigneeKind: text('assignee_kind', { enum: ASSIGNEE_KINDS }),
    assigneeId: text('assignee_id'),
    assigneeLabel: text('assignee_label'),
    /** The running step's clock: when it started, its limit, approved extensions (working days). */
    stepStartedAt: text('step_started_at'),
    stepLimitDays: integer('step_limit_days'),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionPending: integer('extension_pending', { mode: 'boolean' }).notNull().default(false),
    dueAt: text('due_at'),
    yellowAt: text('yellow_at'),
    supervisionLevel: text('supervision_level', { enum: SUPERVISION_LEVELS }),
    /** 督办次数: every 督办 on the timeline, by a 审核人 or by the overdue sweep. */
    supervisionCount: integer('supervision_count').notNull().default(0),
    /**
     * The timeline's latest 处置结果 and 回访满意度 (1–5), kept on the case as its state is, so the
     * 事件台账 reads one row per case rather than looking through 100,000 timelines.
     */
    resolution: text('resolution'),
    /** 回访: 满意度 for most matters, 履行情况 for a dispute's agreement. */
    followUpSatisfaction: text('follow_up_satisfaction', { enum: SATISFACTION_LEVELS }),
    followUpPerformance: text('follow_up_performance', { enum: PERFORMANCE_RESULTS }),
    /** The deadline the overdue sweep last raised 督办 for: one automatic 督办 per missed deadline. */
    autoSupervisedDue: text('auto_supervised_due'),
    mergedIntoId: text('merged_into_id'),
    mediationMethod: text('mediation_method', { enum: [...MEDIATION_METHODS, ...LEGACY_MEDIATION_METHODS] }),
    mediationOrg: text('mediation_org'),
    mediationResponsible: text('mediation_responsible'),
    mediationLevel: text('mediation_level', { enum: MEDIATION_LEVELS }),
    /** 调解成功 / 不成 / 终止; a dispute cannot be 办结 without it, and only 调解成功 counts as 化解. */
    mediationResult: text('mediation_result', { enum: MEDIATION_RESULTS }),
    mediationOutcome: text('mediation_outcome'),
    closedAt: text('closed_at'),
  },
  // Each list sort and filter has an index ending in the sort column, so a page is an index walk.
  // deleted_at sits right after the filter column: the list's `deleted_at IS NULL` is then part of
  // the seek and the index covers the count, which needs no table row at all (measured at 1M cases:
  // tests/bench/cases-list.bench.ts). The place, state, source and category indexes carry the other
  // short filter columns after the sort: a second filter is then tested in the index before any
  // table row is read (deferred seek) and its count stays index-only — grid + two states and
  // village + source went from 91 and 177 ms to single digits at 1M.
  (t) => [
    uniqueIndex('cases_year_seq_uq').on(t.year, t.seq),
    // The period scans of the 工作台 and the report forms read only this index (no table rows): the
    // columns their filters and groupings use ride after the sort.
    index('cases_created_idx').on(
      t.deletedAt,
      t.createdAt,
      t.id,
      t.villageId,
      ...filterTail(t),
      t.scale,
      t.peopleInvolved,
      t.mediationResult,
      t.mediationLevel,
      t.majorDispute,
      t.onSpot,
      t.dueAt,
      t.autoSupervisedDue,
    ),
    index('cases_occurred_idx').on(t.deletedAt, t.occurredAt, t.id),
    index('cases_state_created_idx').on(t.state, t.deletedAt, t.createdAt, t.id, ...filterTail(t, 'state')),
    index('cases_grid_created_idx').on(t.gridId, t.deletedAt, t.createdAt, t.id, ...filterTail(t)),
    index('cases_grid_state_idx').on(t.gridId, t.state, t.deletedAt, t.createdAt, t.id),
    index('cases_village_created_idx').on(t.villageId, t.deletedAt, t.createdAt, t.id, ...filterTail(t)),
    index('cases_category_created_idx').on(
      t.categoryCode,
      t.deletedAt,
      t.createdAt,
      t.id,
      ...filterTail(t, 'categoryCode'),
    ),
    index('cases_subcategory_created_idx').on(t.categoryCode, t.subcategoryCode, t.deletedAt, t.createdAt, t.id),
    index('cases_source_created_idx').on(t.source, t.deletedAt, t.createdAt, t.id, ...filterTail(t, 'source')),
    index('cases_assignee_created_idx').on(t.assigneeId, t.deletedAt, t.createdAt, t.id),
    index('cases_awaiting_created_idx').on(t.awaiting, t.deletedAt, t.createdAt, t.id),
    // Only running clocks have these set, so 即将超期/已超期 read short index ranges.
    index('cases_due_idx').on(t.deletedAt, t.dueAt, t.id),
    index('cases_yellow_idx').on(t.deletedAt, t.yellowAt, t.dueAt),
    index('cases_updated_idx').on(t.deletedAt, t.updatedAt, t.id),
    index('cases_contact_idx').on(t.reporterContactHash),
  ],
);

/** 事件时间线: one row per step taken, never edited. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    ...syncedColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    action: text('action').notNull(), // a LoopAction, or 'register'
    fromState: text('from_state', { enum: CASE_STATES }),
    toState: text('to_state', { enum: CASE_STATES }).notNull(),
    actorId: text('actor_id').notNull(), // user id, or 'system' for the overdue sweep
    actorName: text('actor_name').notNull(),
    text: text('text').notNull(),
    payload: text('payload').notNull(), // JSON of the action's checked payload
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.createdAt)],
);

/** 突发事件 reports to the county (首报/续报/终报), each a record of its own with the time it went. */
export const caseEmergencyReports = sqliteTable(
  'case_emergency_reports',
  {
    ...syncedColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: EMERGENCY_REPORT_KINDS }).notNull(),
    reportedAt: text('reported_at').notNull(),
    content: text('content').notNull(),
    reporterName: text('reporter_name').notNull(), // who reported, as the timeline names actors
  },
  (t) => [index('case_emergency_reports_case_idx').on(t.caseId, t.reportedAt)],
);

/** Attachment metadata; the bytes live in <dataDir>/attachments/<sha256[0..2]>/<sha256>, once per hash. */
export const caseAttachments = sqliteTable(
  'case_attachments',
  {
    ...syncedColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [
    index('case_attachments_case_idx').on(t.caseId),
    uniqueIndex('case_attachments_case_hash_uq')
      .on(t.caseId, t.sha256)
      .where(sql`deleted_at IS NULL`),
  ],
);

/**
 * 当事人 of a dispute case. ID number, phone and address are sealed like a person's (crypto/pii.ts)
 * and travel readable only inside the county-encrypted bundle (sync/wire.ts). No lookup hash: a
 * party is never looked up by number.
 */
export const caseParties = sqliteTable(
  'case_parties',
  {
    ...syncedColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    role: text('role', { enum: CASE_PARTY_ROLES }).notNull(),
    name: text('name').notNull(),
    sex: text('sex', { enum: SEXES }), // derived from the ID number when given
    idNumberEnc: text('id_number_enc'),
    phoneEnc: text('phone_enc'),
    addressEnc: text('address_enc'),
    note: text('note'),
  },
  (t) => [index('case_parties_case_idx').on(t.caseId, t.createdAt)],
);

/**
 * The editable taxonomy, one row per 大类 (its 小类 and 项 as JSON, in shared/cases/taxonomy.ts's
 * shape): edited and validated as a whole, read as a whole on every deadline.
 */
export const caseCategories = sqliteTable(
  'case_categories',
  {
    ...syncedColumns,
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    dispute: integer('dispute', { mode: 'boolean' }).notNull().default(false),
    screenDays: integer('screen_days').notNull(),
    handleDays: integer('handle_days').notNull(),
    feedbackDays: integer('feedback_days').notNull(),
    /** The most working days a 延期 may add to one step of this kind. */
    extensionMaxDays: integer('extension_max_days').notNull().default(15),
    /** Step limits that differ by 来源 (JSON Partial<Record<CaseSource, Partial<StepLimits>>>). */
    sourceLimits: text('source_limits').notNull().default('{}'),
    subcategories: text('subcategories').notNull(), // JSON Subcategory[]
  },
  (t) => [
    uniqueIndex('case_categories_code_live_uq')
      .on(t.code)
      .where(sql`deleted_at IS NULL`),
  ],
);

/** The holiday calendar: statutory holidays and 调休 working days; every other day follows the week. */
export const holidays = sqliteTable('holidays', {
  ...syncedColumns,
  date: text('date').notNull().unique(),
  kind: text('kind', { enum: CALENDAR_DAY_KINDS }).notNull(),
  name: text('name').notNull(),
});

/** Highest case sequence issued per township and year, so a number is never reused. */
export const caseNumberCounters = sqliteTable(
  'case_number_counters',
  {
    townshipCode: text('township_code').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.townshipCode, t.year] })],
);
