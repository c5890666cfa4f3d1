import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import { method } from './define';
import { isoDateSchema } from './people';
import { optionalText } from './schemas';

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'range'] as const;
export const REPORT_SCOPES = ['township', 'village'] as const;

export const reportFormSchema = z.object({
  id: z.string(),
  name: z.string(),
  paper: z.enum(['A4', 'A3']),
  orientation: z.enum(['portrait', 'landscape']),
  periodKinds: z.array(z.enum(PERIOD_KINDS)),
  scopes: z.array(z.enum(REPORT_SCOPES)),
  /** Carries ID numbers and phones that a 管理员 or 审核人 may print in full. */
  revealable: z.boolean(),
  /** Exported as a job with progress (事件台账): reports.ledgerStart, not reports.export. */
  streamed: z.boolean(),
});
export type ReportFormInfo = z.infer<typeof reportFormSchema>;

/** The names on the signature line: stored defaults, editable per export. */
export const signatureDefaultsSchema = z.object({
  preparer: optionalText('填报人', 20),
  reviewer: optionalText('审核人', 20),
  phone: optionalText('联系电话', 30),
});
export type SignatureDefaults = z.output<typeof signatureDefaultsSchema>;

const signaturesInput = signatureDefaultsSchema.partial().extend({
  date: isoDateSchema('填报日期').nullish(),
});

/** Which form, for which period and which village (left out: the whole township). */
const requestSchema = z.object({
  form: z.string({ message: '请选择报表' }).trim().min(1, { message: '请选择报表' }).max(40),
  period: z.string({ message: '请填写报表期间' }).max(40, { message: '报表期间过长' }),
  villageCode: z
    .string()
    .trim()
    .regex(/^\d{12}$/, { message: '村（社区）代码应为 12 位数字' })
    .nullish(),
  /** Left out: the stored defaults and today's date. */
  signatures: signaturesInput.optional(),
});

export const reportHistorySchema = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string(),
  formId: z.string(),
  formName: z.string(),
  periodLabel: z.string(),
  scopeLabel: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number(),
  revealed: z.boolean(),
});
export type ReportHistoryEntry = z.infer<typeof reportHistorySchema>;

const exportInput = requestSchema.extend({
  /** Full ID numbers and phones; only 管理员 and 审核人 may ask. */
  reveal: z.boolean().default(false),
});

/** A streamed export (事件台账): where it has got to, and the file once it is done. */
export const ledgerJobSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** Body rows written so far, and how many there will be. */
  written: z.number(),
  total: z.number(),
  fileName: z.string(),
  error: z.string().optional(),
  /** Once done: the export history row, the file's hash and size. */
  historyId: z.string().optional(),
  sha256: z.string().optional(),
  size: z.number().optional(),
});
export type LedgerJobInfo = z.infer<typeof ledgerJobSchema>;

export const reportsApi = {
  'reports.list': method({
    title: '报表列表',
    access: ALL_ROLES,
    write: false,
    input: z.object({}),
    output: z.object({ forms: z.array(reportFormSchema), signatures: signatureDefaultsSchema }),
  }),
  'reports.preview': method({
    title: '预览报表',
    access: ALL_ROLES,
    write: false,
    input: requestSchema,
    output: z.object({
      title: z.string(),
      /** The whole form as an HTML document with its `@page` CSS, for an iframe and for printing. */
      html: z.string(),
      paper: z.enum(['A4', 'A3']),
      orientation: z.enum(['portrait', 'landscape']),
      rowCount: z.number(),
    }),
  }),
  'reports.export': method({
    title: '导出报表',
    access: ALL_ROLES,
    // Recorded in the export history and the audit log (a full-number roster above all).
    write: true,
    input: exportInput,
    output: z.object({
      id: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      size: z.number(),
      /** The .xlsx, base64. */
      bytes: z.string(),
    }),
  }),
  'reports.ledgerStart': method({
    title: '导出台账',
    access: ALL_ROLES,
    // Starts a job; the history row and the audit entry are written together when the file is complete.
    write: false,
    input: exportInput,
    output: ledgerJobSchema,
  }),
  'reports.ledgerProgress': method({
    title: '查看台账导出进度',
    access: ALL_ROLES,
    write: false,
    input: z.object({
      jobId: z.string({ message: '缺少导出任务编号' }).min(1, { message: '缺少导出任务编号' }).max(40),
    }),
    output: ledgerJobSchema,
  }),
  'reports.history': method({
    title: '报表导出记录',
    access: ALL_ROLES,
    write: false,
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.array(reportHistorySchema),
  }),
  'reports.saveSignatures': method({
    title: '保存报表签署人',
    access: ALL_ROLES,
    write: true,
    input: signatureDefaultsSchema,
    output: signatureDefaultsSchema,
  }),
};
