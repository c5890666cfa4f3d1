/**
 * One step of the loop applied to a stored case: shared/cases/loop.ts decides, this writes the
 * case and exactly one timeline row, in the caller's transaction. Refusals are typed errors.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { ASSIGNEE_KIND_LABELS, type ActionPayload, type LoopAction } from '../../../shared/cases/loop-payloads';
import {
  FINAL_STATES,
  STEP_CLOCK,
  loopSnapshot,
  nextState,
  type CaseState,
  type TimelineDraft,
} from '../../../shared/cases/loop';
import type { AwaitingRole } from '../../../shared/cases/codes';
import { extensionMaxFor, limitsFor } from '../../../shared/cases/taxonomy';
import { endOfShanghaiDate, workingDaysBetween } from '../../../shared/cases/working-days';
import { ApiError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { actorId, type HandlerContext } from '../context';
import { newId } from '../ids';
import { villages } from '../org/schema';
import { persons } from '../people/schema';
import { loadCalendar } from './calendar';
import { clockInstants, fixedDueDateOf } from './deadline';
import { caseEvents, cases } from './schema';
import { taxonomyForCase } from './taxonomy-store';
import type { CaseRow } from './view';

/** Who the case waits for next; 待我处理 compares it with the caller's role. */
export function awaitingOf(state: CaseState, extensionPending: boolean): AwaitingRole | null {
  if (FINAL_STATES.includes(state)) return null;
  if (extensionPending || state === 'reported' || state === 'screening' || state === 'fedBack') return 'reviewer';
  return 'clerk';
}

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.user) return { id: actorId(ctx), name: '系统', role: 'reviewer' };
  return { id: ctx.user.id, name: ctx.user.displayName, role: ctx.user.role };
}

/** Writes a timeline row. */
export function writeEvent(
  ctx: HandlerContext,
  caseId: string,
  actor: Actor,
  e: { action: string; from: CaseState | null; to: CaseState; text: string; payload: unknown },
): void {
  ctx.db
    .insert(caseEvents)
    .values({
      id: newId(),
      createdAt: ctx.now,
      updatedAt: ctx.now,
      updatedBy: actor.id,
      caseId,
      action: e.action,
      fromState: e.from,
      toState: e.to,
      actorId: actor.id,
      actorName: actor.name,
      text: e.text,
      payload: JSON.stringify(e.payload ?? {}),
    })
    .run();
}

/** Field paths of a payload refusal point into the call's input (`payload.reason`, `then.0.payload…`). */
function rebase(err: ApiError, prefix: (string | number)[]): ApiError {
  if (err.code !== 'VALIDATION' || !err.issues.length) return err;
  return new ApiError(
    err.code,
    err.message,
    err.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })),
  );
}

/** One 延期 may add at most the kind's bound (taxonomy extensionMaxDays); the form's own cap is wider. */
function checkExtensionBound(ctx: HandlerContext, row: CaseRow, days: number, at: (string | number)[]): void {
  const category = taxonomyForCase(ctx.db, row.categoryCode).categories.find((c) => c.code === row.categoryCode);
  if (!category) throw new ApiError('CONFLICT', `事件分类「${row.categoryLabel}」已不在分类表中，请先恢复该分类`);
  const max = extensionMaxFor(category);
  if (days <= max) return;
  const message =
    max === 0
      ? `「${category.name}」类事件不能延期`
      : `「${category.name}」类事件每次延期不能超过 ${max} 个工作日` +
        (category.dispute ? '（人民调解延期须经双方当事人同意）' : '');
  throw new ApiError('VALIDATION', message, [{ path: [...at, 'days'], message }]);
}

/** Rows the payload names must exist: the duplicate case, the assigned grid worker or village. */
function checkReferences(
  ctx: HandlerContext,
  row: CaseRow,
  action: LoopAction,
  payload: unknown,
  at: (string | number)[],
) {
  const changes: Partial<typeof cases.$inferInsert> = {};
  if (action === 'close' && row.dispute && row.mediationResult === null) {
    // 化解数 counts 调解成功: a dispute closed without a result would never be counted either way.
    throw new ApiError('CONFLICT', '矛盾纠纷须先登记调解结果（调解成功、调解不成或终止调解），才能办结');
  }
  if (action === 'followUp') {
    const d = payload as ActionPayload<'followUp'>;
    const [field, label] = row.dispute
      ? (['performance', '协议履行情况'] as const)
      : (['satisfaction', '满意度'] as const);
    if (!d[field]) {
      const message = `请选择${label}`;
      throw new ApiError('VALIDATION', message, [{ path: [...at, field], message }]);
    }
  }
  if (action === 'requestExtension' || action === 'approveExtension') {
    checkExtensionBound(ctx, row, (payload as ActionPayload<'requestExtension'>).days, at);
  }
  if (action === 'merge') {
    const { duplicateOf } = payload as ActionPayload<'merge'>;
    const other = ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.number, duplicateOf), isNull(cases.deletedAt)))
      .get();
    const message = !other ? `找不到编号为 ${duplicateOf} 的事件` : other.id === row.id ? '不能与事件自身合并' : null;
    if (message) throw new ApiError('VALIDATION', message, [{ path: [...at, 'duplicateOf'], message }]);
    changes.mergedIntoId = other!.id;
  }
  if (action === 'assign') {
    const { assignee } = payload as ActionPayload<'assign'>;
    if (assignee.kind === 'gridWorker' || assignee.kind === 'village') {
      const table = assignee.kind === 'gridWorker' ? persons : villages;
      const found = ctx.db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.id, assignee.id!), isNull(table.deletedAt)))
        .get();
      if (!found) {
        const message = `所选${ASSIGNEE_KIND_LABELS[assignee.kind]}不存在或已删除`;
        throw new ApiError('VALIDATION', message, [{ path: [...at, 'assignee', 'id'], message }]);
      }
    }
    changes.assigneeKind = assignee.kind;
    changes.assigneeId = assignee.id ?? null;
    changes.assigneeLabel = `${ASSIGNEE_KIND_LABELS[assignee.kind]}：${assignee.name}`;
  }
  return changes;
}

/** The step clock after a move: unchanged within a step, restarted on a new one, cleared when none runs. */
export function clockChanges(ctx: HandlerContext, row: CaseRow, to: CaseState, extensionDays: number) {
  const toStep = STEP_CLOCK[to];
  if (!toStep) {
    return { stepStartedAt: null, stepLimitDays: null, extensionDays: 0, dueAt: null, yellowAt: null };
  }
  const restart = toStep !== STEP_CLOCK[row.state] || !row.stepStartedAt;
  if (!restart && extensionDays === 0) return {};
  const calendar = loadCalendar(ctx.db);
  const fixedDueDate = fixedDueDateOf(row, toStep);
  let clock;
  if (restart) {
    const limits = limitsFor(
      taxonomyForCase(ctx.db, row.categoryCode),
      row.categoryCode,
      row.subcategoryCode,
      row.source,
    );
    if (!limits) throw new ApiError('CONFLICT', `事件分类「${row.categoryLabel}」已不在分类表中，请先恢复该分类`);
    // An order's own date is shown as the working days it leaves (never negative once it has passed).
    const limitDays = fixedDueDate
      ? Math.max(0, workingDaysBetween(new Date(ctx.now), endOfShanghaiDate(fixedDueDate), calendar))
      : limits[toStep];
    clock = { startedAt: ctx.now, limitDays, extensionDays: 0, fixedDueDate };
  } else {
    clock = {
      startedAt: row.stepStartedAt!,
      limitDays: row.stepLimitDays ?? 0,
      extensionDays: row.extensionDays + extensionDays,
      fixedDueDate,
    };
  }
  return {
    stepStartedAt: clock.startedAt,
    stepLimitDays: clock.limitDays,
    extensionDays: clock.extensionDays,
    ...clockInstants(clock, calendar),
  };
}

export interface PlannedStep {
  /** The case as it will be after the step. */
  row: CaseRow;
  changes: Partial<typeof cases.$inferInsert>;
  entry: TimelineDraft;
}

/**
 * Decides `action` on the case without writing: checks (role → state → side track → payload →
 * referenced rows), then the case's new columns and its timeline sentence. `at` is where the
 * payload sits in the call's input, so a refusal names the field.
 */
export function planAction(
  ctx: HandlerContext,
  row: CaseRow,
  action: LoopAction,
  payload: unknown,
  actor: Actor,
  at: (string | number)[] = ['payload'],
  extra: Partial<typeof cases.$inferInsert> = {},
): PlannedStep {
  const result = nextState(loopSnapshot(row), action, actor.role, payload);
  if (!result.ok) throw rebase(result.error, at);
  const { entry } = result;
  const changes: Partial<typeof cases.$inferInsert> = {
    ...checkReferences(ctx, row, action, entry.payload, at),
    ...clockChanges(ctx, row, entry.to, result.extensionDays),
    state: entry.to,
    extensionPending: result.extensionPending,
    awaiting: awaitingOf(entry.to, result.extensionPending),
    updatedAt: ctx.now,
    updatedBy: actor.id,
    ...extra,
  };
  Object.assign(changes, timelineFactChanges(ctx, row, action, entry.payload));
  if (FINAL_STATES.includes(entry.to) && !FINAL_STATES.includes(row.state)) changes.closedAt = ctx.now;
  // 回退 from the hand-over back to 受理 clears the assignee: the next 交办 names one afresh.
  if (action === 'sendBack' && entry.to === 'accepted') {
    Object.assign(changes, { assigneeKind: null, assigneeId: null, assigneeLabel: null });
  }
  return { row: { ...row, ...changes } as CaseRow, changes, entry };
}

/** What the step leaves on the case of the timeline's facts: 督办 level and count, 处置结果, 回访, 提级. */
function timelineFactChanges(
  ctx: HandlerContext,
  row: CaseRow,
  action: LoopAction,
  payload: unknown,
): Partial<typeof cases.$inferInsert> {
  if (action === 'supervise') {
    const { level } = payload as ActionPayload<'supervise'>;
    return { supervisionLevel: level, supervisionCount: row.supervisionCount + 1 };
  }
  if (action === 'escalate') return { escalatedAt: ctx.now };
  if (action === 'resolve') return { resolution: (payload as ActionPayload<'resolve'>).result };
  if (action === 'followUp') {
    const d = payload as ActionPayload<'followUp'>;
    return { followUpSatisfaction: d.satisfaction ?? null, followUpPerformance: d.performance ?? null };
  }
  return {};
}

/** One step on a stored case: one UPDATE of the case and one timeline row, in the caller's transaction. */
export function applyAction(
  ctx: HandlerContext,
  row: CaseRow,
  action: LoopAction,
  payload: unknown,
  actor: Actor,
  at: (string | number)[] = ['payload'],
  extra: Partial<typeof cases.$inferInsert> = {},
): CaseRow {
  const step = planAction(ctx, row, action, payload, actor, at, extra);
  ctx.db.update(cases).set(step.changes).where(eq(cases.id, row.id)).run();
  writeEvent(ctx, row.id, actor, step.entry);
  return step.row;
}
