/**
 * The seven-step closed loop (发现/登记 → 上报 → 甄别 → 交办 → 处置 → 反馈 → 办结) as one explicit
 * transition table. Pure, so core enforces it and the renderer shows only the buttons it allows.
 *
 * Checks run in a fixed order, each with its own typed refusal, never a silent no-op:
 * role (FORBIDDEN) → state (CONFLICT) → extension side track (CONFLICT) → payload (VALIDATION).
 */
import { ApiError, type FieldIssue } from '../errors';
import { PERFORMANCE_RESULT_LABELS, SATISFACTION_LEVEL_LABELS } from './codes';
import { ROLE_LABELS, type Role } from '../roles';
import {
  ASSIGNEE_KIND_LABELS,
  SUPERVISION_LEVEL_LABELS,
  actionPayloadSchemas,
  type ActionPayload,
  type LoopAction,
} from './loop-payloads';

export type { LoopAction } from './loop-payloads';

export const CASE_STATES = [
  'registered',
  'reported',
  'screening',
  'accepted',
  'assigned',
  'handling',
  'handled',
  'fedBack',
  'closed',
  'merged',
  'rejected',
  'filed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  registered: '已登记',
  reported: '已上报',
  screening: '甄别中',
  accepted: '已受理',
  assigned: '已交办',
  handling: '处置中',
  handled: '已处置',
  fedBack: '已反馈',
  closed: '已办结',
  merged: '已合并',
  rejected: '不予受理',
  filed: '已备案',
};

/** Ended for good: nothing but a 回访 (after 办结) may follow. */
export const FINAL_STATES: readonly CaseState[] = ['closed', 'merged', 'rejected', 'filed'];

export const LOOP_ACTIONS = [
  'report',
  'receive',
  'accept',
  'merge',
  'reject',
  'assign',
  'progress',
  'resolve',
  'feedback',
  'close',
  'sendBack',
  'requestExtension',
  'approveExtension',
  'denyExtension',
  'supervise',
  'followUp',
  'file',
  'escalate',
] as const satisfies readonly LoopAction[];

export const LOOP_ACTION_LABELS: Record<LoopAction, string> = {
  report: '上报',
  receive: '签收',
  accept: '受理',
  merge: '合并（重复事件）',
  reject: '不予受理',
  assign: '交办',
  progress: '处置进展',
  resolve: '处置结果',
  feedback: '反馈',
  close: '办结',
  sendBack: '回退',
  requestExtension: '申请延期',
  approveExtension: '同意延期',
  denyExtension: '不同意延期',
  supervise: '督办',
  followUp: '回访',
  file: '备案',
  escalate: '提级',
};

/** The step of the loop (or side track) an action belongs to, for grouping buttons. */
export const LOOP_ACTION_STEPS: Record<LoopAction, string> = {
  report: '上报',
  receive: '甄别',
  accept: '甄别',
  merge: '甄别',
  reject: '甄别',
  assign: '交办',
  progress: '处置',
  resolve: '处置',
  feedback: '反馈',
  close: '办结',
  sendBack: '回退',
  requestExtension: '延期',
  approveExtension: '延期',
  denyExtension: '延期',
  supervise: '督办',
  followUp: '回访',
  file: '备案',
  escalate: '提级',
};

const ANYONE: readonly Role[] = ['admin', 'reviewer', 'clerk'];
// Decisions that end a case without handling it, or judge someone else's work, are the reviewer's.
const REVIEWERS: readonly Role[] = ['admin', 'reviewer'];

/** Every state a case may still be worked on in. */
const OPEN: readonly CaseState[] = [
  'registered',
  'reported',
  'screening',
  'accepted',
  'assigned',
  'handling',
  'handled',
  'fedBack',
];
const stay = (states: readonly CaseState[]) =>
  Object.fromEntries(states.map((s) => [s, s])) as Partial<Record<CaseState, CaseState>>;

interface Rule {
  roles: readonly Role[];
  /** (current state) → next state; a missing state is an illegal transition. */
  next: Partial<Record<CaseState, CaseState>>;
}

/** The single transition table. Required fields live in ./loop-payloads, one schema per action. */
export const TRANSITIONS: Record<LoopAction, Rule> = {
  report: { roles: ANYONE, next: { registered: 'reported' } },
  // 签收 is optional: it records who is screening; 甄别 may decide straight from 已上报.
  receive: { roles: ANYONE, next: { reported: 'screening' } },
  accept: { roles: ANYONE, next: { reported: 'accepted', screening: 'accepted' } },
  merge: { roles: REVIEWERS, next: { reported: 'merged', screening: 'merged' } },
  reject: { roles: REVIEWERS, next: { reported: 'rejected', screening: 'rejected' } },
  // Re-assignment goes through 回退 (assigned → accepted), so each hand-over is on the timeline.
  assign: { roles: ANYONE, next: { accepted: 'assigned' } },
  progress: { roles: ANYONE, next: { assigned: 'handling', handling: 'handling' } },
  resolve: { roles: ANYONE, next: { assigned: 'handled', handling: 'handled' } },
  feedback: { roles: ANYONE, next: { handled: 'fedBack' } },
  close: { roles: REVIEWERS, next: { fedBack: 'closed' } },
  // Exactly one step back along the main line.
  sendBack: {
    roles: REVIEWERS,
    next: {
      reported: 'registered',
      screening: 'reported',
      accepted: 'screening',
      assigned: 'accepted',
      handling: 'assigned',
      handled: 'handling',
      fedBack: 'handled',
    },
  },
  // Extensions are for the one who handles the case, while it is being handled.
  requestExtension: { roles: ANYONE, next: stay(['assigned', 'handling']) },
  approveExtension: { roles: REVIEWERS, next: stay(['assigned', 'handling']) },
  denyExtension: { roles: REVIEWERS, next: stay(['assigned', 'handling']) },
  supervise: { roles: REVIEWERS, next: stay(OPEN) },
  followUp: { roles: ANYONE, next: { closed: 'closed' } },
  file: { roles: REVIEWERS, next: { registered: 'filed', reported: 'filed', screening: 'filed' } },
  // 提级: beyond the township, sent up to the county centre (交办 only ever runs downward). The case
  // stays where it is; the county's answer arrives over the county link.
  escalate: { roles: REVIEWERS, next: stay(OPEN) },
};

/** Steps that carry a working-day time limit (set per category in the taxonomy). */
export const LIMIT_STEPS = ['screen', 'handle', 'feedback'] as const;
export type LimitStep = (typeof LIMIT_STEPS)[number];
export const LIMIT_STEP_LABELS: Record<LimitStep, string> = {
  screen: '甄别交办',
  handle: '处置',
  feedback: '反馈办结',
};

/** Which step's clock runs in each state; null: no deadline (not yet reported, or ended). */
export const STEP_CLOCK: Record<CaseState, LimitStep | null> = {
  registered: null,
  reported: 'screen',
  screening: 'screen',
  accepted: 'screen',
  assigned: 'handle',
  handling: 'handle',
  handled: 'feedback',
  fedBack: 'feedback',
  closed: null,
  merged: null,
  rejected: null,
  filed: null,
};

/** Where a case stands, as far as the loop cares. */
export interface LoopSnapshot {
  state: CaseState;
  /** A 延期 request awaits the reviewer. */
  extensionPending?: boolean;
  /** Already 提级 to the county centre. */
  escalated?: boolean;
}

/** The loop's view of a stored case. */
export function loopSnapshot(row: {
  state: CaseState;
  extensionPending: boolean;
  escalatedAt?: string | null;
}): LoopSnapshot {
  return { state: row.state, extensionPending: row.extensionPending, escalated: Boolean(row.escalatedAt) };
}

/** What the service writes to the timeline; who and when are its to add. */
export interface TimelineDraft<A extends LoopAction = LoopAction> {
  action: A;
  from: CaseState;
  to: CaseState;
  /** One Chinese sentence for the timeline. */
  text: string;
  payload: ActionPayload<A>;
}

export type LoopResult<A extends LoopAction = LoopAction> =
  | {
      ok: true;
      state: CaseState;
      extensionPending: boolean;
      /** Working days to add to the current deadline (an approved 延期). */
      extensionDays: number;
      entry: TimelineDraft<A>;
    }
  | { ok: false; error: ApiError };

function refuse(code: 'FORBIDDEN' | 'CONFLICT', message: string): { ok: false; error: ApiError } {
  return { ok: false, error: new ApiError(code, message) };
}

/** Roles are per action, so this refusal holds whatever state the case is in. */
function roleRefusal(action: LoopAction, role: Role) {
  return refuse('FORBIDDEN', `${ROLE_LABELS[role]}无权执行「${LOOP_ACTION_LABELS[action]}」`);
}

function sideTrackRefusal(action: LoopAction, snapshot: LoopSnapshot): string | null {
  const pending = snapshot.extensionPending === true;
  if (action === 'requestExtension' && pending) return '已有待审批的延期申请，请等审核人处理后再申请';
  if ((action === 'approveExtension' || action === 'denyExtension') && !pending) return '当前没有待审批的延期申请';
  if (action === 'escalate' && snapshot.escalated) return '该事件已提级上报县综治中心，请等待县级答复';
  return null;
}

/**
 * Decides one step of the loop. Returns the next state and the timeline sentence, or a typed
 * refusal with a Chinese message the UI can show as it is.
 */
export function nextState<A extends LoopAction>(
  snapshot: LoopSnapshot,
  action: A,
  role: Role,
  payload?: unknown,
): LoopResult<A> {
  const rule = TRANSITIONS[action];
  if (!rule) return { ok: false, error: new ApiError('VALIDATION', `未知的操作「${String(action)}」`) };
  if (!rule.roles.includes(role)) return roleRefusal(action, role);
  const to = rule.next[snapshot.state];
  if (!to) {
    return refuse(
      'CONFLICT',
      `当前状态「${CASE_STATE_LABELS[snapshot.state] ?? snapshot.state}」不能执行「${LOOP_ACTION_LABELS[action]}」`,
    );
  }
  const side = sideTrackRefusal(action, snapshot);
  if (side) return refuse('CONFLICT', side);

  const parsed = actionPayloadSchemas[action].safeParse(payload ?? {});
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: i.message,
    }));
    return { ok: false, error: new ApiError('VALIDATION', issues[0]!.message, issues) };
  }
  const data = parsed.data as ActionPayload<A>;

  let extensionPending = snapshot.extensionPending === true;
  if (action === 'requestExtension') extensionPending = true;
  else if (action === 'approveExtension' || action === 'denyExtension') extensionPending = false;
  // A request left pending when the case moves on to another step is moot.
  else if (!TRANSITIONS.requestExtension.next[to]) extensionPending = false;

  const extensionDays = action === 'approveExtension' ? (data as ActionPayload<'approveExtension'>).days : 0;
  return {
    ok: true,
    state: to,
    extensionPending,
    extensionDays,
    entry: { action, from: snapshot.state, to, text: describe(action, data, to), payload: data },
  };
}

/** Actions this role may take on a case in this state, in table order (the renderer's buttons). */
export function availableActions(snapshot: LoopSnapshot, role: Role): LoopAction[] {
  return LOOP_ACTIONS.filter(
    (a) =>
      TRANSITIONS[a].roles.includes(role) &&
      TRANSITIONS[a].next[snapshot.state] !== undefined &&
      sideTrackRefusal(a, snapshot) === null,
  );
}

/** Fields an action's form must fill, derived from its schema so the two never disagree. */
export function requiredFields(action: LoopAction): string[] {
  const shape = actionPayloadSchemas[action].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  return Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
}

const withNote = (text: string, note?: string) => (note ? `${text}；备注：${note}` : text);

function describe(action: LoopAction, data: unknown, to: CaseState): string {
  switch (action) {
    case 'report':
      return withNote('上报综治中心', (data as ActionPayload<'report'>).note);
    case 'receive':
      return withNote('签收，开始甄别', (data as ActionPayload<'receive'>).note);
    case 'accept':
      return withNote('甄别：受理', (data as ActionPayload<'accept'>).note);
    case 'merge': {
      const d = data as ActionPayload<'merge'>;
      return withNote(`甄别：与事件 ${d.duplicateOf} 重复，予以合并`, d.note);
    }
    case 'reject':
      return `甄别：不予受理。理由：${(data as ActionPayload<'reject'>).reason}`;
    case 'assign': {
      const d = data as ActionPayload<'assign'>;
      return withNote(`交办给${ASSIGNEE_KIND_LABELS[d.assignee.kind]}「${d.assignee.name}」`, d.note);
    }
    case 'progress':
      return `处置进展：${(data as ActionPayload<'progress'>).note}`;
    case 'resolve':
      return `处置结果：${(data as ActionPayload<'resolve'>).result}`;
    case 'feedback':
      return `向报告人反馈：${(data as ActionPayload<'feedback'>).note}`;
    case 'close':
      return withNote('办结', (data as ActionPayload<'close'>).note);
    case 'sendBack':
      return `回退至「${CASE_STATE_LABELS[to]}」。理由：${(data as ActionPayload<'sendBack'>).reason}`;
    case 'requestExtension': {
      const d = data as ActionPayload<'requestExtension'>;
      return `申请延期 ${d.days} 个工作日。理由：${d.reason}`;
    }
    case 'approveExtension': {
      const d = data as ActionPayload<'approveExtension'>;
      return withNote(`同意延期 ${d.days} 个工作日`, d.note);
    }
    case 'denyExtension':
      return `不同意延期。理由：${(data as ActionPayload<'denyExtension'>).reason}`;
    case 'supervise': {
      const d = data as ActionPayload<'supervise'>;
      return withNote(SUPERVISION_LEVEL_LABELS[d.level], d.note);
    }
    case 'followUp': {
      const d = data as ActionPayload<'followUp'>;
      const said = d.performance
        ? `履行情况 ${PERFORMANCE_RESULT_LABELS[d.performance]}`
        : d.satisfaction
          ? `满意度 ${SATISFACTION_LEVEL_LABELS[d.satisfaction]}`
          : '未记录结果';
      return withNote(`回访：${said}`, d.note);
    }
    case 'file':
      return `备案，不再流转。理由：${(data as ActionPayload<'file'>).reason}`;
    case 'escalate':
      return `提级，上报县综治中心。理由：${(data as ActionPayload<'escalate'>).reason}`;
  }
}
