import { z } from 'zod';
import { ALL_ROLES, EDITORS, type Role } from '../roles';
import { SEXES } from '../people/codes';
import {
  CASE_QUICK_FILTERS,
  CASE_SCALES,
  CASE_SOURCES,
  CASE_URGENCIES,
  EMERGENCY_REPORT_KINDS,
  DISCOVERER_KINDS,
  LEGACY_MEDIATION_METHODS,
  MAJOR_DISPUTE_GROUNDS,
  MEDIATION_LEVELS,
  MEDIATION_METHODS,
  MEDIATION_RESULTS,
} from '../cases/codes';
import { calendarDaySchema, isoDateSchema } from '../cases/holiday-calendar';
import { CASE_STATES, LOOP_ACTIONS } from '../cases/loop';
import {
  ATTACHMENT_CHUNK_BASE64_MAX,
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_MAX_BYTES,
  formatSize,
} from '../cases/attachment-limits';
import { ASSIGNEE_KINDS, SUPERVISION_LEVELS } from '../cases/loop-payloads';
import { CASE_PARTY_ROLES, MAX_CASE_PARTIES } from '../cases/parties';
import { EMERGENCY_REPORT_MAX, LATER_REPORT_KINDS } from '../cases/emergency';
import { searchRuns } from '../cases/search-terms';
import { taxonomySchema } from '../cases/taxonomy';
import { method } from './define';
import { idSchema, nameSchema, optionalText } from './schemas';

/** Who may see a reporter's contact in full (every reveal is audited), as for people data. */
export const CASE_REVEAL_ROLES: readonly Role[] = ['admin', 'reviewer'];
/** The centre's director sets the time limits. */
export const TAXONOMY_EDITORS: readonly Role[] = ['admin', 'reviewer'];
/** The holiday calendar moves every deadline, so only an administrator keeps it. */
export const CALENDAR_EDITORS: readonly Role[] = ['admin'];

const LIGHTS = ['green', 'yellow', 'red'] as const;

/** A case as the list shows it; the contact masked. */
export const caseSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  source: z.enum(CASE_SOURCES),
  categoryCode: z.string(),
  subcategoryCode: z.string(),
  itemCode: z.string().nullable(),
  categoryLabel: z.string(),
  dispute: z.boolean(),
  scale: z.enum(CASE_SCALES),
  urgency: z.enum(CASE_URGENCIES),
  /** 重大矛盾纠纷 and why (MAJOR_DISPUTE_GROUNDS); false with no grounds on every other case. */
  majorDispute: z.boolean(),
  majorGrounds: z.array(z.enum(MAJOR_DISPUTE_GROUNDS)),
  gridId: z.string(),
  gridName: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  place: z.string(),
  occurredAt: z.string(),
  reporterName: z.string().nullable(),
  contactMasked: z.string().nullable(),
  /** 发现人; null on cases registered before it was asked. */
  discovererKind: z.enum(DISCOVERER_KINDS).nullable(),
  discovererId: z.string().nullable(),
  discovererName: z.string().nullable(),
  /** 就地化解: found and settled on the spot, registered already closed. */
  onSpot: z.boolean(),
  summary: z.string(),
  state: z.enum(CASE_STATES),
  assigneeKind: z.enum(ASSIGNEE_KINDS).nullable(),
  assigneeId: z.string().nullable(),
  assigneeLabel: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** Traffic light of the running step at the time of the call; null when no clock runs. */
  light: z.enum(LIGHTS).nullable(),
  supervisionLevel: z.enum(SUPERVISION_LEVELS).nullable(),
  extensionPending: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  fromState: z.enum(CASE_STATES).nullable(),
  toState: z.enum(CASE_STATES),
  actorId: z.string(),
  actorName: z.string(),
  text: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseAttachmentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  sha256: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  createdAt: z.string(),
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

/** A 当事人 as every view shows them: ID number, phone and address masked. */
export const casePartySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  role: z.enum(CASE_PARTY_ROLES),
  name: z.string(),
  /** From the ID number when one is given. */
  sex: z.enum(SEXES).nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type CaseParty = z.infer<typeof casePartySchema>;

export const emergencyReportSchema = z.object({
  id: z.string(),
  kind: z.enum(EMERGENCY_REPORT_KINDS),
  reportedAt: z.string(),
  content: z.string(),
  reporterName: z.string(),
});
export type EmergencyReport = z.infer<typeof emergencyReportSchema>;

export const caseDetailSchema = z.object({
  case: caseSummarySchema.extend({
    peopleInvolved: z.number(),
    stepStartedAt: z.string().nullable(),
    stepLimitDays: z.number().nullable(),
    extensionDays: z.number(),
    mergedIntoId: z.string().nullable(),
    mediationMethod: z.enum([...MEDIATION_METHODS, ...LEGACY_MEDIATION_METHODS]).nullable(),
    mediationOrg: z.string().nullable(),
    mediationResponsible: z.string().nullable(),
    mediationLevel: z.enum(MEDIATION_LEVELS).nullable(),
    mediationResult: z.enum(MEDIATION_RESULTS).nullable(),
    mediationOutcome: z.string().nullable(),
    /** 处置结果: the latest one recorded (for 就地化解, what was done on the spot). */
    resolution: z.string().nullable(),
    closedAt: z.string().nullable(),
    emergency: z.boolean(),
    orderRef: z.string().nullable(),
    orderDueDate: z.string().nullable(),
    /** 提级: when it was sent up to the county centre. */
    escalatedAt: z.string().nullable(),
  }),
  /** Loop actions the caller's role may take now (the buttons to show). */
  actions: z.array(z.enum(LOOP_ACTIONS)),
  events: z.array(caseEventSchema),
  attachments: z.array(caseAttachmentSchema),
  /** 当事人 of a dispute case (empty for other cases). */
  parties: z.array(casePartySchema),
  /** 突发事件's 首报/续报/终报, oldest first (empty for other cases). */
  emergencyReports: z.array(emergencyReportSchema),
  /** Report kinds the caller may add now (the drawer's buttons). */
  emergencyReportKinds: z.array(z.enum(LATER_REPORT_KINDS)),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const loopStepSchema = z.object({
  action: z.enum(LOOP_ACTIONS, { message: '未知的事件操作' }),
  /** Checked per action by shared/cases/loop-payloads.ts. */
  payload: z.record(z.string(), z.unknown()).default({}),
});

/**
 * 重大矛盾纠纷: flagged with at least one ground, or not flagged with none. The grounds come in any
 * order and may repeat; they are kept once each in the list's order.
 */
const majorGroundsSchema = z
  .array(
    z.enum(MAJOR_DISPUTE_GROUNDS, {
      message: '重大矛盾纠纷的认定依据只能是 涉及金额较大、有激化风险、影响社会稳定 或 涉及人数众多',
    }),
    {
      message: '重大矛盾纠纷的认定依据应为列表',
    },
  )
  .max(MAJOR_DISPUTE_GROUNDS.length * 2, { message: '重大矛盾纠纷的认定依据过多' })
  .transform((g) => MAJOR_DISPUTE_GROUNDS.filter((k) => g.includes(k)));
const majorFields = {
  majorDispute: z.boolean({ message: '是否重大矛盾纠纷应为是或否' }).default(false),
  majorGrounds: majorGroundsSchema.default([]),
};
/** What is wrong with a flag and its grounds together (the message for `majorGrounds`), or null. */
export function majorDisputeIssue(v: { majorDispute: boolean; majorGrounds: readonly string[] }): string | null {
  if (v.majorDispute && v.majorGrounds.length === 0) return '请选择重大矛盾纠纷的认定依据（至少一项）';
  if (!v.majorDispute && v.majorGrounds.length > 0) return '未认定为重大矛盾纠纷时不应填写认定依据';
  return null;
}
const majorRefinement = (v: { majorDispute: boolean; majorGrounds: string[] }, c: z.RefinementCtx) => {
  const message = majorDisputeIssue(v);
  if (message) c.addIssue({ code: 'custom', path: ['majorGrounds'], message });
};

const instantSchema = (label: string) =>
  z.iso.datetime({ offset: true, message: `${label}应为带时区的时间（ISO 8601）` });

export const SORT_FIELDS = ['createdAt', 'occurredAt', 'dueAt', 'updatedAt'] as const;
export type CaseSortField = (typeof SORT_FIELDS)[number];

const listDay = (label: string) =>
  z
    .string({ message: `${label}应为 YYYY-MM-DD` })
    .refine((s) => isoDateSchema.safeParse(s).success, { message: `${label}应为 YYYY-MM-DD 格式的真实日期` });

export const caseListInputSchema = z.object({
  offset: z.number().int().min(0, { message: '起始行不能为负数' }).default(0),
  limit: z.number().int().min(1).max(500, { message: '每页最多 500 行' }).default(50),
  sort: z.enum(SORT_FIELDS, { message: '不支持的排序字段' }).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  states: z
    .array(z.enum(CASE_STATES, { message: '未知的事件状态' }))
    .max(12)
    .optional(),
  gridId: idSchema.optional(),
  villageId: idSchema.optional(),
  categoryCode: z
    .string()
    .regex(/^\d{2}$/, { message: '大类代码应为 2 位数字' })
    .optional(),
  subcategoryCode: z
    .string()
    .regex(/^\d{2}$/, { message: '小类代码应为 2 位数字' })
    .optional(),
  source: z.enum(CASE_SOURCES, { message: '未知的事件来源' }).optional(),
  assigneeId: z.string().trim().min(1).max(64).optional(),
  quick: z.enum(CASE_QUICK_FILTERS, { message: '未知的快捷筛选' }).optional(),
  /** Registered on or after / on or before these Shanghai days (the trend's months, report periods). */
  createdFrom: listDay('登记起始日期').optional(),
  createdTo: listDay('登记截止日期').optional(),
  /** Missed a deadline (true) or kept every one so far (false): 超期 and 按期办结 on the report forms. */
  late: z.boolean({ message: '超期筛选应为是或否' }).optional(),
  /** 就地化解 (true) or walked the loop (false): the forms' 就地化解 column and the 交办 figure. */
  onSpot: z.boolean({ message: '就地化解筛选应为是或否' }).optional(),
  /** 重大矛盾纠纷 (the flag on the case): the 矛盾纠纷排查化解情况表's 重大 row. */
  majorDispute: z.boolean({ message: '重大矛盾纠纷筛选应为是或否' }).optional(),
  /** 调解层级: the level columns of the 矛盾纠纷排查化解情况表. */
  mediationLevel: z.enum(MEDIATION_LEVELS, { message: '调解层级只能是 乡镇（街道） 或 村（社区）' }).optional(),
  /** 调解结果 among these: all three is 调处, 调解成功 alone is 化解. */
  mediationResults: z
    .array(z.enum(MEDIATION_RESULTS, { message: '未知的调解结果' }))
    .min(1, { message: '请至少选择一种调解结果' })
    .max(MEDIATION_RESULTS.length)
    .optional(),
  /** 涉及人数 from / to, inclusive: the form's people bands. */
  peopleFrom: z.number({ message: '涉及人数下限应为数字' }).int({ message: '涉及人数下限应为整数' }).min(1).optional(),
  peopleTo: z.number({ message: '涉及人数上限应为数字' }).int({ message: '涉及人数上限应为整数' }).min(1).optional(),
  /** Full-text search over summary and place; every word (run of letters/digits) must occur. */
  q: z
    .string({ message: '搜索内容必须是文字' })
    .trim()
    .min(1, { message: '请填写搜索内容' })
    .max(50, { message: '搜索内容不能超过 50 个字' })
    .refine((v) => !v || searchRuns(v).length > 0, { message: '搜索内容须包含汉字、字母或数字' })
    .optional(),
});
export type CaseListInput = z.output<typeof caseListInputSchema>;
/** The filter part of a list call: what the 工作台 and the report forms count with. */
export type CaseFilter = Omit<CaseListInput, 'offset' | 'limit' | 'sort' | 'dir'>;

const phoneInput = (label: string) =>
  z
    .string()
    .trim()
    .max(40, { message: `${label}过长` });

/**
 * A 当事人 as entered. ID number and phone are checked in core (the ID against today's date); the
 * keys idNumber/phone/address are the ones the audit log masks.
 */
const partyFields = {
  role: z.enum(CASE_PARTY_ROLES, { message: '请选择当事人类型（申请人、被申请人或第三人）' }),
  name: nameSchema('当事人姓名', 30),
  idNumber: z.string().trim().max(40, { message: '身份证号过长' }).nullish(),
  phone: phoneInput('当事人联系电话').nullish(),
  address: optionalText('当事人住址', 120),
  note: optionalText('当事人备注', 200),
};
export const casePartyInputSchema = z.object(partyFields);

/**
 * 发现人 as entered: a member of the grid team (a person on file) or 群众 by name. A 群众's phone is
 * the reporter's contact, never asked twice.
 */
export const discovererInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('team'),
      personId: z.string({ message: '请选择发现人' }).uuid({ message: '请选择发现人' }),
    }),
    z.object({ kind: z.literal('public'), name: nameSchema('发现人姓名', 30) }),
  ],
  { message: '发现人类型只能是 网格力量 或 群众' },
);
export type DiscovererInput = z.output<typeof discovererInputSchema>;

/** Sources a 就地化解 may come from: found by the grid itself or brought to it in person. */
export const ON_SPOT_SOURCES = ['patrol', 'visit', 'walkIn'] as const;
export type CasePartyInput = z.output<typeof casePartyInputSchema>;

export const casesApi = {
  'cases.create': method({
    title: '登记事件',
    access: ALL_ROLES,
    write: true,
    input: z.object({
      source: z.enum(CASE_SOURCES, { message: '请选择事件来源' }),
      // Bounded: an unknown code is named in the refusal, which must not carry a megabyte back.
      categoryCode: z.string({ message: '请选择事件大类' }).max(8, { message: '事件大类代码过长' }),
      subcategoryCode: z.string({ message: '请选择事件小类' }).max(8, { message: '事件小类代码过长' }),
      itemCode: z.string().max(8, { message: '事件分类项代码过长' }).nullish(),
      scale: z.enum(CASE_SCALES, { message: '请选择事件规模' }).default('01'),
      urgency: z.enum(CASE_URGENCIES, { message: '请选择紧急程度' }).default('normal'),
      // The form's grid picker may be empty: say so rather than zod's generic type message.
      gridId: z.string({ message: '请选择所属网格' }).uuid({ message: '所属网格编号格式不正确' }),
      place: nameSchema('发生地点', 200),
      occurredAt: instantSchema('发生时间'),
      reporterName: optionalText('报告人姓名', 30),
      reporterContact: phoneInput('联系电话').nullish(),
      peopleInvolved: z
        .number({ message: '涉及人数必须是数字' })
        .int({ message: '涉及人数必须是整数' })
        .min(1, { message: '涉及人数至少为 1' })
        .max(100_000, { message: '涉及人数数值过大' })
        .default(1),
      summary: nameSchema('事件概要', 2000),
      /** 当事人, for a 矛盾纠纷 case only. */
      parties: z
        .array(casePartyInputSchema)
        .max(MAX_CASE_PARTIES, { message: `当事人最多登记 ${MAX_CASE_PARTIES} 人` })
        .default([]),
      /** 发现人; left out, the named reporter (caller, visitor) is taken as 群众. */
      discoverer: discovererInputSchema.nullish(),
      /** Loop steps taken at once in the same transaction (the hotline: 上报 → 受理 → 交办). */
      then: z.array(loopStepSchema).max(8).default([]),
      /** 转为事件: the 入户走访 this case comes from, linked to it in the same transaction. */
      visitId: idSchema.optional(),
      /** 上级交办: the order's 文号/工单号 and 办理时限 (required for that source, checked in core). */
      orderRef: optionalText('交办文号/工单号', 60),
      orderDueDate: listDay('办理时限').nullish(),
      /** 突发事件: reported to the county at once and never screened; needs the 首报. */
      emergency: z.boolean({ message: '突发事件应为是或否' }).default(false),
      firstReport: optionalText('首报内容', EMERGENCY_REPORT_MAX),
      /** 重大矛盾纠纷, for a 矛盾纠纷 case only; flag and grounds checked together in core (majorDisputeIssue). */
      ...majorFields,
    }),
    output: caseDetailSchema,
  }),
  /** 就地化解: found and settled on the spot, registered already closed in one step. */
  'cases.recordOnSpot': method({
    title: '登记就地化解',
    access: EDITORS,
    write: true,
    input: z.object({
      source: z.enum(ON_SPOT_SOURCES, { message: '就地化解的来源只能是 网格员巡查上报、入户走访 或 群众来访' }),
      categoryCode: z.string({ message: '请选择事件大类' }).max(8, { message: '事件大类代码过长' }),
      subcategoryCode: z.string({ message: '请选择事件小类' }).max(8, { message: '事件小类代码过长' }),
      itemCode: z.string().max(8, { message: '事件分类项代码过长' }).nullish(),
      gridId: z.string({ message: '请选择所属网格' }).uuid({ message: '所属网格编号格式不正确' }),
      place: nameSchema('发生地点', 200),
      occurredAt: instantSchema('发生时间'),
      /** 化解时间; left out, now. */
      settledAt: instantSchema('化解时间').nullish(),
      discovererId: z.string({ message: '请选择发现人' }).uuid({ message: '请选择发现人' }),
      peopleInvolved: z
        .number({ message: '涉及人数必须是数字' })
        .int({ message: '涉及人数必须是整数' })
        .min(1, { message: '涉及人数至少为 1' })
        .max(100_000, { message: '涉及人数数值过大' })
        .default(1),
      summary: nameSchema('事件概要', 2000),
      resolution: nameSchema('处置结果', 2000),
    }),
    output: caseDetailSchema,
  }),
  'cases.get': method({
    title: '事件详情',
    access: ALL_ROLES,
    write: false,
    input: z.object({ id: idSchema }),
    output: caseDetailSchema,
  }),
  'cases.act': method({
    title: '事件流转',
    access: ALL_ROLES,
    write: true,
    input: z.object({ id: idSchema, ...loopStepSchema.shape }),
    output: caseDetailSchema,
  }),
  'cases.addEmergencyReport': method({
    title: '报送突发事件续报/终报',
    access: ALL_ROLES,
    write: true,
    input: z.object({
      caseId: idSchema,
      kind: z.enum(LATER_REPORT_KINDS, { message: '报告类型只能是 续报 或 终报' }),
      content: nameSchema('报告内容', EMERGENCY_REPORT_MAX),
    }),
    output: caseDetailSchema,
  }),
  'cases.setMediation': method({
    title: '登记调解情况',
    access: ALL_ROLES,
    write: true,
    input: z.object({
      id: idSchema,
      method: z.enum(MEDIATION_METHODS, { message: '请选择调解方式' }),
      organisation: nameSchema('调解组织', 60),
      responsible: nameSchema('调解责任人', 30),
      level: z.enum(MEDIATION_LEVELS, { message: '调解层级只能是 乡镇（街道） 或 村（社区）' }).nullable(),
      result: z.enum(MEDIATION_RESULTS, { message: '调解结果只能是 调解成功、调解不成 或 终止调解' }).nullable(),
      outcome: optionalText('调解结果', 2000),
    }),
    output: caseDetailSchema,
  }),
  /** 认定 or 取消 重大矛盾纠纷 on an open dispute; the timeline says who and why. */
  'cases.setMajorDispute': method({
    title: '认定重大矛盾纠纷',
    access: ALL_ROLES,
    write: true,
    input: z.object({ id: idSchema, ...majorFields }).superRefine(majorRefinement),
    output: caseDetailSchema,
  }),
  'cases.addParty': method({
    title: '新增当事人',
    access: ALL_ROLES,
    write: true,
    input: z.object({ caseId: idSchema, ...partyFields }),
    output: caseDetailSchema,
  }),
  'cases.updateParty': method({
    title: '修改当事人',
    access: ALL_ROLES,
    write: true,
    input: z.object({
      id: idSchema,
      ...partyFields,
      /** Left out: unchanged (the form only ever holds the masked values); null or empty: cleared. */
      idNumber: partyFields.idNumber.optional(),
      phone: partyFields.phone.optional(),
      address: z.string().trim().max(120, { message: '当事人住址不能超过 120 个字' }).nullable().optional(),
    }),
    output: caseDetailSchema,
  }),
  'cases.removeParty': method({
    title: '删除当事人',
    access: ALL_ROLES,
    write: true,
    input: z.object({ id: idSchema }),
    output: caseDetailSchema,
  }),
  'cases.revealParty': method({
    title: '查看当事人完整信息',
    access: CASE_REVEAL_ROLES,
    // Audited like a write: who, when, which party.
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({
      id: z.string(),
      name: z.string(),
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    }),
  }),
  'cases.list': method({
    title: '事件列表',
    access: ALL_ROLES,
    write: false,
    input: caseListInputSchema,
    output: z.object({ rows: z.array(caseSummarySchema), total: z.number() }),
  }),
  'cases.byContact': method({
    title: '来电人历史事件',
    access: ALL_ROLES,
    write: false,
    input: z.object({ phone: phoneInput('来电号码').min(1, { message: '请填写来电号码' }) }),
    output: z.array(caseSummarySchema),
  }),
  'cases.revealContact': method({
    title: '查看报告人联系电话',
    access: CASE_REVEAL_ROLES,
    // Audited like a write: who, when, which case.
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({ id: z.string(), reporterName: z.string().nullable(), contact: z.string().nullable() }),
  }),
  /** Chunked upload, step 1: what is coming; the staged chunks live in a temp folder until 3. */
  'cases.beginAttachment': method({
    title: '开始上传事件附件',
    access: ALL_ROLES,
    // Nothing in the database changes until finishAttachment.
    write: false,
    input: z.object({
      caseId: idSchema,
      name: nameSchema('文件名', 120),
      mime: z
        .string()
        .trim()
        .max(100, { message: '文件类型过长' })
        .regex(/^([\w.+-]+\/[\w.+-]+)?$/, { message: '文件类型格式不正确' })
        .default('application/octet-stream'),
      size: z
        .number({ message: '请填写文件大小' })
        .int({ message: '文件大小必须是整数' })
        .min(1, { message: '文件为空' })
        .max(ATTACHMENT_MAX_BYTES, { message: `文件过大：单个附件不能超过 ${formatSize(ATTACHMENT_MAX_BYTES)}` }),
      sha256: z
        .string({ message: '请填写文件的 SHA-256' })
        .regex(/^[0-9a-f]{64}$/, { message: '文件的 SHA-256 应为 64 位小写十六进制' }),
    }),
    output: z.object({ uploadId: z.string(), chunkBytes: z.number(), chunks: z.number() }),
  }),
  /** Step 2, once per chunk (a chunk sent again replaces itself, so a retry is safe). */
  'cases.attachmentChunk': method({
    title: '上传事件附件分块',
    access: ALL_ROLES,
    write: false,
    input: z.object({
      uploadId: idSchema,
      index: z
        .number({ message: '请填写分块序号' })
        .int({ message: '分块序号必须是整数' })
        .min(0, { message: '分块序号不能为负' }),
      data: z
        .string({ message: '请提供分块内容' })
        .min(1, { message: '分块内容为空' })
        .max(ATTACHMENT_CHUNK_BASE64_MAX, { message: `分块过大：每块不超过 ${formatSize(ATTACHMENT_CHUNK_BYTES)}` })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '分块内容不是有效的 Base64 编码' }),
    }),
    output: z.object({ uploadId: z.string(), index: z.number(), received: z.number(), chunks: z.number() }),
  }),
  /** Step 3: size and hash checked, the file stored, the attachment and its timeline row written at once. */
  'cases.finishAttachment': method({
    title: '上传事件附件',
    access: ALL_ROLES,
    write: true,
    input: z.object({ uploadId: idSchema }),
    output: caseAttachmentSchema,
  }),
  'cases.listAttachments': method({
    title: '事件附件列表',
    access: ALL_ROLES,
    write: false,
    input: z.object({ caseId: idSchema }),
    output: z.array(caseAttachmentSchema),
  }),
  /** One chunk of a stored file (the same 512 KB as upload), so no answer carries a whole 20 MB file. */
  'cases.getAttachment': method({
    title: '读取事件附件',
    access: ALL_ROLES,
    write: false,
    input: z.object({
      id: idSchema,
      index: z
        .number({ message: '分块序号必须是数字' })
        .int({ message: '分块序号必须是整数' })
        .min(0, { message: '分块序号不能为负' })
        .default(0),
    }),
    output: caseAttachmentSchema.extend({ index: z.number(), chunks: z.number(), data: z.string() }),
  }),
  'taxonomy.list': method({
    title: '事件分类',
    access: ALL_ROLES,
    write: false,
    input: z.object({}),
    output: taxonomySchema,
  }),
  'taxonomy.update': method({
    title: '修改事件分类与时限',
    access: TAXONOMY_EDITORS,
    write: true,
    input: taxonomySchema,
    output: taxonomySchema,
  }),
  'holidays.list': method({
    title: '节假日',
    access: ALL_ROLES,
    write: false,
    input: z.object({ year: z.number().int().min(2000).max(2099).optional() }),
    output: z.array(calendarDaySchema),
  }),
  'holidays.upsert': method({
    title: '登记节假日',
    access: CALENDAR_EDITORS,
    write: true,
    input: calendarDaySchema,
    output: calendarDaySchema,
  }),
  'holidays.delete': method({
    title: '删除节假日',
    access: CALENDAR_EDITORS,
    write: true,
    input: z.object({ date: isoDateSchema }),
    output: z.object({}),
  }),
};
