/** 事件: registration, reading, the contact reveal, the hotline lookup and the mediation record. */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import {
  majorDisputeIssue,
  type CaseDetail,
  type CasePartyInput,
  type CaseSummary,
  type DiscovererInput,
} from '../../../shared/api/cases';
import type {
  CaseScale,
  CaseSource,
  CaseUrgency,
  MajorDisputeGround,
  MediationLevel,
  MediationMethod,
  MediationResult,
} from '../../../shared/cases/codes';
import { CASE_SOURCE_LABELS, majorGroundsText, MEDIATION_RESULT_LABELS } from '../../../shared/cases/codes';
import { availableActions, FINAL_STATES, loopSnapshot } from '../../../shared/cases/loop';
import type { LaterReportKind } from '../../../shared/cases/emergency';
import type { LoopAction } from '../../../shared/cases/loop-payloads';
import { shanghaiDateIso } from '../../../shared/dates';
import { ApiError, fieldError } from '../../../shared/errors';
import { checkPhone } from '../../../shared/people/phone';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import { grids } from '../org/schema';
import { getTownship } from '../setup/service';
import { actorOf, applyAction, awaitingOf, clockChanges, planAction, writeEvent } from './act';
import { addLaterReport, allowedReportKinds, listEmergencyReports, writeEmergencyReport } from './emergency';
import { listAttachments } from './attachments';
import { allocateCaseNumber } from './numbering';
import { linkNewCase } from '../fieldwork/visits';
import { listParties, newPartyRows } from './parties';
import { discovererOf } from './discoverer';
import { caseEvents, caseParties, cases } from './schema';
import { loadTaxonomy, retiredCategory, retiredMessage } from './taxonomy-store';
import { selectCases, toDetailCase, toSummary, type CaseRow } from './view';
import { noteLookup } from '../audit/lookups';

export function caseRow(ctx: HandlerContext, id: string): CaseRow {
  const row = ctx.db.select().from(cases).where(eq(cases.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该事件不存在或已删除');
  return row;
}

export function getCase(ctx: HandlerContext, id: string): CaseDetail {
  const row = selectCases(ctx).where(eq(cases.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该事件不存在或已删除');
  const events = ctx.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, id), isNull(caseEvents.deletedAt)))
    .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id))
    .all()
    .map((e) => ({
      id: e.id,
      at: e.createdAt,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorId: e.actorId,
      actorName: e.actorName,
      text: e.text,
      payload: JSON.parse(e.payload) as Record<string, unknown>,
    }));
  const reports = listEmergencyReports(ctx, id);
  return {
    case: toDetailCase(ctx, row),
    actions: ctx.user ? availableActions(loopSnapshot(row), ctx.user.role) : [],
    events,
    attachments: listAttachments(ctx, id),
    parties: listParties(ctx, id),
    emergencyReports: reports,
    emergencyReportKinds: allowedReportKinds(row, reports),
  };
}

/** A phone as stored and hashed: its normal form, so 138-0013-8000 finds 13800138000. */
export function normalContact(raw: string, path: string[]): string {
  const check = checkPhone(raw);
  if (!check.ok) throw fieldError(path, check.reason.startsWith('请') ? check.reason : `联系电话${check.reason}`);
  return check.value.value;
}

/** The columns a new case starts with besides what registration fills in. */
const EMPTY_CASE = {
  deletedAt: null,
  assigneeKind: null,
  assigneeId: null,
  assigneeLabel: null,
  stepStartedAt: null,
  stepLimitDays: null,
  extensionDays: 0,
  extensionPending: false,
  dueAt: null,
  yellowAt: null,
  supervisionLevel: null,
  supervisionCount: 0,
  resolution: null,
  followUpSatisfaction: null,
  followUpPerformance: null,
  autoSupervisedDue: null,
  mergedIntoId: null,
  mediationMethod: null,
  mediationOrg: null,
  mediationResponsible: null,
  mediationLevel: null,
  mediationResult: null,
  mediationOutcome: null,
  escalatedAt: null,
  closedAt: null,
} satisfies Partial<CaseRow>;

export interface CreateCaseInput {
  source: CaseSource;
  categoryCode: string;
  subcategoryCode: string;
  itemCode?: string | null;
  scale: CaseScale;
  urgency: CaseUrgency;
  gridId: string;
  place: string;
  occurredAt: string;
  reporterName: string | null;
  reporterContact?: string | null;
  peopleInvolved: number;
  summary: string;
  parties: CasePartyInput[];
  discoverer?: DiscovererInput | null;
  then: { action: LoopAction; payload: Record<string, unknown> }[];
  /** 转为事件 from this 入户走访. */
  visitId?: string;
  /** 上级交办's 文号/工单号 and 办理时限 (YYYY-MM-DD); required for that source, refused for any other. */
  orderRef?: string | null;
  orderDueDate?: string | null;
  /** 突发事件 with its 首报. */
  emergency?: boolean;
  firstReport?: string | null;
  /** 重大矛盾纠纷 and its grounds (the schema has checked they go together). */
  majorDispute?: boolean;
  majorGrounds?: MajorDisputeGround[];
}

/** 上级交办 brings its order's number and deadline; other sources have neither. */
function orderOf(ctx: HandlerContext, input: CreateCaseInput) {
  const ref = input.orderRef ?? null;
  const due = input.orderDueDate ?? null;
  if (input.source !== 'superior') {
    if (ref) throw fieldError(['orderRef'], '只有上级交办的事件才填写交办文号/工单号');
    if (due) throw fieldError(['orderDueDate'], '只有上级交办的事件才填写办理时限');
    return { orderRef: null, orderDueDate: null };
  }
  if (!ref) throw fieldError(['orderRef'], '上级交办的事件须填写交办文号/工单号');
  if (!due) throw fieldError(['orderDueDate'], '上级交办的事件须填写办理时限');
  const today = shanghaiDateIso(new Date(ctx.now));
  if (due < today) throw fieldError(['orderDueDate'], `办理时限（${due}）不能早于今天（${today}）`);
  return { orderRef: ref, orderDueDate: due };
}

export function categoryOf(
  ctx: HandlerContext,
  input: Pick<CreateCaseInput, 'categoryCode' | 'subcategoryCode' | 'itemCode'>,
) {
  const category = loadTaxonomy(ctx.db).categories.find((c) => c.code === input.categoryCode);
  if (!category) {
    const retired = retiredCategory(ctx.db, input.categoryCode);
    if (retired) throw fieldError(['categoryCode'], retiredMessage(retired));
    throw fieldError(['categoryCode'], `事件大类 ${input.categoryCode} 不在分类表中`);
  }
  const sub = category.subcategories.find((s) => s.code === input.subcategoryCode);
  if (!sub) throw fieldError(['subcategoryCode'], `大类「${category.name}」中没有小类 ${input.subcategoryCode}`);
  const item = input.itemCode ? sub.items?.find((i) => i.code === input.itemCode) : undefined;
  if (input.itemCode && !item) throw fieldError(['itemCode'], `小类「${sub.name}」中没有项 ${input.itemCode}`);
  const label = [category.name, sub.name, item?.name].filter(Boolean).join(' / ');
  return {
    label,
    categoryName: category.name,
    subcategoryName: sub.name,
    dispute: category.dispute === true,
    itemCode: item?.code ?? null,
  };
}

/**
 * 突发事件 are reported up at once and never screened: the case starts 已受理 (the screen step's
 * clock runs to its 交办), with a timeline row saying why it skipped 上报 and 甄别.
 */
function emergencyEntry(ctx: HandlerContext, row: CaseRow) {
  const to = 'accepted' as const;
  const changes = { ...clockChanges(ctx, row, to, 0), state: to, awaiting: awaitingOf(to, false) };
  return {
    row: { ...row, ...changes } as CaseRow,
    entry: {
      action: 'emergency',
      from: row.state,
      to,
      text: '突发事件：即时首报县综治中心，免予甄别，直接受理',
      payload: {},
    },
  };
}

/** 登记: the next number of this year, the row, its first timeline entry, then any steps asked for. */
export function createCase(ctx: HandlerContext, input: CreateCaseInput): CaseDetail {
  const township = getTownship(ctx.db);
  if (!township) throw new ApiError('CONFLICT', '本机尚未初始化乡镇，不能登记事件');
  const category = categoryOf(ctx, input);
  const grid = ctx.db.select().from(grids).where(eq(grids.id, input.gridId)).get();
  if (!grid || grid.deletedAt || grid.retiredAt) throw fieldError(['gridId'], '所选网格不存在或已撤销');
  // A minute's grace for a PC clock slightly behind the phone the time was read from.
  if (+new Date(input.occurredAt) > +new Date(ctx.now) + 60_000) {
    throw fieldError(['occurredAt'], '发生时间不能晚于现在');
  }
  const order = orderOf(ctx, input);
  const emergency = input.emergency === true;
  if (emergency && !input.firstReport) throw fieldError(['firstReport'], '突发事件须填写首报内容');
  if (!emergency && input.firstReport) throw fieldError(['firstReport'], '只有突发事件才填写首报内容');
  const contact = input.reporterContact ? normalContact(input.reporterContact, ['reporterContact']) : null;
  const majorIssue = majorDisputeIssue({
    majorDispute: input.majorDispute === true,
    majorGrounds: input.majorGrounds ?? [],
  });
  if (majorIssue) throw fieldError(['majorGrounds'], majorIssue);
  if (input.majorDispute && !category.dispute) {
    throw fieldError(['majorDispute'], '只有矛盾纠纷类事件才能认定为重大矛盾纠纷');
  }
  const discoverer = discovererOf(ctx, input);
  if (input.parties.length > 0 && !category.dispute) {
    throw fieldError(['parties'], '只有矛盾纠纷类事件才能登记当事人');
  }
  if (input.parties.length > input.peopleInvolved) {
    throw fieldError(
      ['peopleInvolved'],
      `涉及人数（${input.peopleInvolved} 人）不能少于登记的当事人（${input.parties.length} 人）`,
    );
  }

  const year = Number(shanghaiDateIso(new Date(ctx.now)).slice(0, 4));
  const { number, seq } = allocateCaseNumber(ctx.db, township.code, year);
  const actor = actorOf(ctx);
  const caseId = newId();
  const parties = newPartyRows(ctx, caseId, actor, input.parties, (i) => ['parties', i]);
  const row = {
    id: caseId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: actor.id,
    number,
    year,
    seq,
    source: input.source,
    categoryCode: input.categoryCode,
    subcategoryCode: input.subcategoryCode,
    itemCode: category.itemCode,
    categoryLabel: category.label,
    categoryName: category.categoryName,
    subcategoryName: category.subcategoryName,
    dispute: category.dispute,
    scale: input.scale,
    urgency: input.urgency,
    gridId: grid.id,
    villageId: grid.villageId,
    place: input.place,
    occurredAt: new Date(input.occurredAt).toISOString(),
    reporterName: input.reporterName,
    reporterContactEnc: ctx.pii.encryptNullable(contact),
    reporterContactHash: contact === null ? null : ctx.pii.lookupHash(contact),
    peopleInvolved: input.peopleInvolved,
    majorDispute: input.majorDispute === true,
    majorGrounds: input.majorDispute ? JSON.stringify(input.majorGrounds ?? []) : null,
    ...discoverer,
    summary: input.summary,
    ...order,
    emergency,
    state: 'registered' as const,
    awaiting: awaitingOf('registered', false),
  };
  // The steps asked for are decided first and the row written once in its final state, so the
  // change log holds one entry for the new case (and nothing when a step is refused).
  let current = { ...row, ...EMPTY_CASE } as CaseRow;
  const first = emergency ? emergencyEntry(ctx, current) : null;
  if (first) current = first.row;
  const steps = input.then.map((step, i) => {
    const planned = planAction(ctx, current, step.action, step.payload, actor, ['then', i, 'payload']);
    current = planned.row;
    return planned.entry;
  });
  ctx.db.insert(cases).values(current).run();
  if (parties.length > 0) ctx.db.insert(caseParties).values(parties).run();
  writeEvent(ctx, row.id, actor, {
    action: 'register',
    from: null,
    to: 'registered',
    text:
      `登记事件 ${number}（来源：${CASE_SOURCE_LABELS[input.source]}）` +
      (parties.length > 0 ? `，当事人 ${parties.map((p) => p.name).join('、')}` : '') +
      (row.majorDispute ? `，认定为重大矛盾纠纷（${majorGroundsText(input.majorGrounds ?? [])}）` : ''),
    payload: row.majorDispute ? { majorGrounds: input.majorGrounds } : {},
  });
  if (first) {
    writeEvent(ctx, row.id, actor, first.entry);
    writeEmergencyReport(ctx, current, actor, 'first', input.firstReport!);
  }
  for (const entry of steps) writeEvent(ctx, row.id, actor, entry);
  if (input.visitId) linkNewCase(ctx, input.visitId, row.id);
  return getCase(ctx, row.id);
}

/** 续报 / 终报 of a 突发事件. */
export function addEmergencyReport(
  ctx: HandlerContext,
  input: { caseId: string; kind: LaterReportKind; content: string },
): CaseDetail {
  addLaterReport(ctx, caseRow(ctx, input.caseId), actorOf(ctx), input.kind, input.content);
  return getCase(ctx, input.caseId);
}

export function actOnCase(
  ctx: HandlerContext,
  input: { id: string; action: LoopAction; payload: Record<string, unknown> },
): CaseDetail {
  applyAction(ctx, caseRow(ctx, input.id), input.action, input.payload, actorOf(ctx));
  return getCase(ctx, input.id);
}

/** The full contact, for 管理员 and 审核人; the dispatcher writes the audit entry (who, when, which case). */
export function revealContact(ctx: HandlerContext, id: string) {
  const row = caseRow(ctx, id);
  ctx.audit.recordId = row.id;
  return { id: row.id, reporterName: row.reporterName, contact: ctx.pii.decryptNullable(row.reporterContactEnc) };
}

/** The hotline desk: the caller's earlier cases, newest first, found by the keyed hash. */
export function casesByContact(ctx: HandlerContext, phone: string): CaseSummary[] {
  const hash = ctx.pii.lookupHash(normalContact(phone, ['phone']));
  const rows = selectCases(ctx)
    .where(and(eq(cases.reporterContactHash, hash), isNull(cases.deletedAt)))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(50)
    .all();
  // Any answer, even none, says whether the number called before: each one is a lookup.
  noteLookup(
    ctx,
    'phone',
    1,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(ctx, r));
}

export interface MediationInput {
  id: string;
  method: MediationMethod;
  organisation: string;
  responsible: string;
  level: MediationLevel | null;
  result: MediationResult | null;
  outcome: string | null;
}

/** 调解情况 of a dispute case, recorded while it is open; a timeline row says who recorded what. */
export function setMediation(ctx: HandlerContext, input: MediationInput): CaseDetail {
  const row = caseRow(ctx, input.id);
  if (!row.dispute) throw new ApiError('CONFLICT', '只有矛盾纠纷类事件才需登记调解情况');
  if (FINAL_STATES.includes(row.state)) throw new ApiError('CONFLICT', '事件已结束，不能再修改调解情况');
  // The 矛盾纠纷排查化解情况表 counts 调处 and 化解 by level: a mediation that ended was held at one.
  if (input.result !== null && input.level === null) {
    throw fieldError(['level'], '登记调解结果时请选择调解层级（乡镇（街道） 或 村（社区））');
  }
  const actor = actorOf(ctx);
  ctx.db
    .update(cases)
    .set({
      mediationMethod: input.method,
      mediationOrg: input.organisation,
      mediationResponsible: input.responsible,
      mediationLevel: input.level,
      mediationResult: input.result,
      mediationOutcome: input.outcome,
      updatedAt: ctx.now,
      updatedBy: actor.id,
    })
    .where(eq(cases.id, row.id))
    .run();
  const success = input.result === null ? '' : `，${MEDIATION_RESULT_LABELS[input.result]}`;
  writeEvent(ctx, row.id, actor, {
    action: 'mediation',
    from: row.state,
    to: row.state,
    text: `登记调解情况：${input.organisation}（责任人 ${input.responsible}）${success}`,
    payload: { ...input, id: undefined },
  });
  return getCase(ctx, row.id);
}
