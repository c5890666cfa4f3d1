/**
 * What each loop action must carry. One zod schema per action, Chinese messages, so a refusal
 * names the field the form should mark (e.g. ['assignee', 'name']).
 */
import { z } from 'zod';
import { PERFORMANCE_RESULTS, SATISFACTION_LEVELS } from './codes';

const NOTE_MAX = 2000;

const required = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(NOTE_MAX, { message: `${label}不能超过 ${NOTE_MAX} 个字` });

const optionalNote = z
  .string({ message: '备注必须是文字' })
  .trim()
  .max(NOTE_MAX, { message: `备注不能超过 ${NOTE_MAX} 个字` })
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * Extensions are working days. This is only the absolute bound of the form; each 大类 sets its own,
 * lower one (taxonomy extensionMaxDays, checked in core): 人民调解 may run on a month with both
 * parties' consent, ordinary matters far less.
 */
export const EXTENSION_DAYS_MAX = 60;
const extensionDays = z
  .number({ message: '请填写延期天数' })
  .int({ message: '延期天数必须是整数' })
  .min(1, { message: '延期天数至少 1 个工作日' })
  .max(EXTENSION_DAYS_MAX, { message: `延期天数不能超过 ${EXTENSION_DAYS_MAX} 个工作日` });

/**
 * Who a case is 交办 to: a grid worker, a village, a township office (站所). 交办 only runs
 * downward; going up to the county is 提级 (the `escalate` action), never a hand-over.
 */
export const ASSIGN_KINDS = ['gridWorker', 'village', 'office'] as const;
/** Offered before 提级 existed: old cases 交办 to a county body still read, under the word for it. */
export const LEGACY_ASSIGNEE_KINDS = ['county'] as const;
/** Every kind a stored case may carry. */
export const ASSIGNEE_KINDS = [...ASSIGN_KINDS, ...LEGACY_ASSIGNEE_KINDS] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];
export const ASSIGNEE_KIND_LABELS: Record<AssigneeKind, string> = {
  gridWorker: '网格员',
  village: '村（社区）',
  office: '乡镇站所',
  county: '提级（县级）',
};

const assignee = z
  .object(
    {
      kind: z.enum(ASSIGN_KINDS, {
        message: '承办方只能是 网格员、村（社区） 或 乡镇站所；上报县级请用「提级」',
      }),
      // Grid workers and villages are rows of ours; offices are named only.
      id: z.string().trim().optional(),
      name: required('承办方名称'),
    },
    { message: '请选择承办方' },
  )
  .superRefine((a, ctx) => {
    if ((a.kind === 'gridWorker' || a.kind === 'village') && !a.id) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `请选择${ASSIGNEE_KIND_LABELS[a.kind]}` });
    }
  });

export const SUPERVISION_LEVELS = ['normal', 'yellow', 'red'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];
export const SUPERVISION_LEVEL_LABELS: Record<SupervisionLevel, string> = {
  normal: '普通督办',
  yellow: '黄牌督办',
  red: '红牌督办',
};

const empty = z.object({ note: optionalNote });

export const actionPayloadSchemas = {
  report: empty,
  receive: empty,
  accept: empty,
  merge: z.object({ duplicateOf: required('重复的事件编号'), note: optionalNote }),
  reject: z.object({ reason: required('不予受理的理由') }),
  assign: z.object({ assignee, note: optionalNote }),
  progress: z.object({ note: required('处置进展') }),
  resolve: z.object({ result: required('处置结果') }),
  feedback: z.object({ note: required('反馈内容') }),
  close: empty,
  sendBack: z.object({ reason: required('回退理由') }),
  requestExtension: z.object({ days: extensionDays, reason: required('延期理由') }),
  approveExtension: z.object({ days: extensionDays, note: optionalNote }),
  denyExtension: z.object({ reason: required('不同意延期的理由') }),
  supervise: z.object({
    level: z.enum(SUPERVISION_LEVELS, { message: '请选择督办级别：普通、黄牌或红牌' }),
    note: optionalNote,
  }),
  // 回访 asks what fits the kind: a dispute's 履行情况, anything else's 满意度 (core checks which).
  followUp: z.object({
    satisfaction: z.enum(SATISFACTION_LEVELS, { message: '满意度只能是 满意、基本满意 或 不满意' }).optional(),
    performance: z.enum(PERFORMANCE_RESULTS, { message: '履行情况只能是 已履行、部分履行 或 未履行' }).optional(),
    note: optionalNote,
  }),
  file: z.object({ reason: required('备案理由') }),
  escalate: z.object({ reason: required('提级理由') }),
} as const;

export type LoopAction = keyof typeof actionPayloadSchemas;
export type ActionPayload<A extends LoopAction> = z.output<(typeof actionPayloadSchemas)[A]>;
export type ActionInput<A extends LoopAction> = z.input<(typeof actionPayloadSchemas)[A]>;
