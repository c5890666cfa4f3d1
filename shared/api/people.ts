import { z } from 'zod';
import { ALL_ROLES, EDITORS, type Role } from '../roles';
import { EDUCATIONS, EMPLOYMENTS, POLITICAL_STATUSES, SEXES } from '../people/codes';
import { ASSISTANT_KINDS, INSTRUCTOR_KINDS, PARTY_ROLES, POST_TYPES } from '../people/posts';
import { method } from './define';
import { idSchema, nameSchema, optionalText } from './schemas';

/** Who may see ID numbers, phones and addresses in full (every reveal is audited). */
export const REVEAL_ROLES: readonly Role[] = ['admin', 'reviewer'];

export const isoDateSchema = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}格式应为 YYYY-MM-DD` });

export const postSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  type: z.enum(POST_TYPES),
  villageId: z.string(),
  villageName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  gridCode: z.string().nullable(),
  employment: z.enum(EMPLOYMENTS).nullable(),
  assistantKind: z.enum(ASSISTANT_KINDS).nullable(),
  instructorKind: z.enum(INSTRUCTOR_KINDS).nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** `网格员（专职）· 玉井村 第一网格` */
  label: z.string(),
});
export type Post = z.infer<typeof postSchema>;

export const trainingSchema = z.object({
  id: z.string(),
  personId: z.string(),
  date: z.string(),
  topic: z.string(),
  hours: z.number(),
});
export type Training = z.infer<typeof trainingSchema>;

/** A person as lists and forms show them: ID number, phone and address masked. */
export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  /** 出生年月 (YYYY-MM): the day would narrow the masked ID number too far. */
  birthMonth: z.string(),
  idNumberMasked: z.string(),
  idLegacy: z.boolean(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable(),
  education: z.enum(EDUCATIONS).nullable(),
  partyMember: z.boolean(),
  partyRole: z.enum(PARTY_ROLES).nullable(),
  partyGroupId: z.string().nullable(),
  registeredOn: z.string().nullable(),
  remarks: z.string().nullable(),
  /** Labels of the posts held today. */
  posts: z.array(z.string()),
  /** 待完善: things to complete, never blocking. */
  flags: z.array(z.string()),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const personDetailSchema = z.object({
  person: personSchema,
  /** Every post, ended ones included (newest first). */
  posts: z.array(postSchema),
  trainings: z.array(trainingSchema),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

const teamMemberSchema = z.object({
  postId: z.string(),
  personId: z.string(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  /** 专职 / 老党员 / 驻村干部 … */
  kind: z.string().nullable(),
  startDate: z.string(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const gridTeamSchema = z.object({
  gridId: z.string(),
  heads: z.array(teamMemberSchema),
  workers: z.array(teamMemberSchema),
  assistants: z.array(teamMemberSchema),
  instructors: z.array(teamMemberSchema),
  counts: z.object({
    heads: z.number(),
    fullTime: z.number(),
    partTime: z.number(),
    assistants: z.number(),
    instructors: z.number(),
  }),
});
export type GridTeam = z.infer<typeof gridTeamSchema>;

export const GAP_KINDS = ['village_no_head', 'grid_no_worker', 'community_grid_no_full_time', 'legacy_id'] as const;
export type GapKind = (typeof GAP_KINDS)[number];
export const GAP_KIND_LABELS: Record<GapKind, string> = {
  village_no_head: '缺网格长',
  grid_no_worker: '缺网格员',
  community_grid_no_full_time: '社区网格缺专职网格员',
  legacy_id: '15 位旧身份证号',
};

export const gapSchema = z.object({
  kind: z.enum(GAP_KINDS),
  message: z.string(),
  villageId: z.string().nullable(),
  gridId: z.string().nullable(),
  personId: z.string().nullable(),
});
export type Gap = z.infer<typeof gapSchema>;

/** One line of the 花名册: a current post and its holder (numbers masked). */
export const rosterLineSchema = z.object({
  id: z.string(), // the post's id
  personId: z.string(),
  type: z.enum(POST_TYPES),
  gridCode: z.string().nullable(),
  gridName: z.string().nullable(),
  /** 专职 / 老党员 / 驻村干部 … */
  kind: z.string().nullable(),
  name: z.string(),
  sex: z.enum(SEXES),
  /** 出生年月 (YYYY-MM), as the 花名册 prints it. */
  birthMonth: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable(),
  education: z.enum(EDUCATIONS).nullable(),
  startDate: z.string(),
});
export type RosterLine = z.infer<typeof rosterLineSchema>;

export const rosterVillageSchema = z.object({
  villageId: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  counts: z.record(z.enum(POST_TYPES), z.number()),
  lines: z.array(rosterLineSchema),
});
export type RosterVillage = z.infer<typeof rosterVillageSchema>;

const personFields = {
  name: nameSchema('姓名', 30),
  politicalStatus: z.enum(POLITICAL_STATUSES, { message: '请选择政治面貌' }).nullish(),
  education: z.enum(EDUCATIONS, { message: '请选择文化程度' }).nullish(),
  partyRole: z.enum(PARTY_ROLES, { message: '请选择党员类别' }).nullish(),
  partyGroupId: idSchema.nullish(),
  registeredOn: isoDateSchema('登记日期').nullish(),
  remarks: optionalText('备注', 500),
};

export const peopleApi = {
  'people.list': method({
    title: '人员列表',
    access: ALL_ROLES,
    write: false,
    input: z.object({
      villageId: idSchema.optional(),
      gridId: idSchema.optional(),
      postType: z.enum(POST_TYPES).optional(),
      partyMember: z.boolean().optional(),
      incompleteOnly: z.boolean().default(false),
      search: z.string().trim().max(30).optional(),
    }),
    output: z.array(personSchema),
  }),
  'people.get': method({
    title: '人员详情',
    access: ALL_ROLES,
    write: false,
    input: z.object({ id: idSchema }),
    output: personDetailSchema,
  }),
  'people.create': method({
    title: '新增人员',
    access: EDITORS,
    write: true,
    input: z.object({
      ...personFields,
      idNumber: z.string({ message: '请填写身份证号' }).max(40, { message: '身份证号过长' }),
      phone: optionalText('联系电话', 40),
      address: optionalText('住址', 120),
    }),
    output: personSchema,
  }),
  'people.update': method({
    title: '修改人员',
    access: EDITORS,
    write: true,
    input: z.object({
      id: idSchema,
      ...personFields,
      /** Left out: unchanged (the form only ever holds the masked value). */
      idNumber: z.string().max(40, { message: '身份证号过长' }).optional(),
      /** Left out: unchanged; null or empty: cleared. */
      phone: z.string().trim().max(40, { message: '联系电话过长' }).nullable().optional(),
      address: z.string().trim().max(120, { message: '住址不能超过 120 个字' }).nullable().optional(),
    }),
    output: personSchema,
  }),
  'people.reveal': method({
    title: '查看完整信息',
    access: REVEAL_ROLES,
    // Audited like a write: who, when, which record.
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({
      id: z.string(),
      name: z.string(),
      idNumber: z.string(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    }),
  }),
  'people.teamOfGrid': method({
    title: '网格“一长三员”',
    access: ALL_ROLES,
    write: false,
    input: z.object({ gridId: idSchema }),
    output: gridTeamSchema,
  }),
  'people.roster': method({
    title: '花名册预览',
    access: ALL_ROLES,
    write: false,
    input: z.object({ villageId: idSchema.optional() }),
    output: z.array(rosterVillageSchema),
  }),
  'people.gaps': method({
    title: '待完善事项',
    access: ALL_ROLES,
    write: false,
    input: z.object({}),
    output: z.array(gapSchema),
  }),
  'posts.add': method({
    title: '新增任职',
    access: EDITORS,
    write: true,
    input: z.object({
      personId: idSchema,
      type: z.enum(POST_TYPES, { message: '请选择职务' }),
      villageId: idSchema.optional(),
      gridId: idSchema.optional(),
      employment: z.enum(EMPLOYMENTS, { message: '请选择专职或兼职' }).nullish(),
      assistantKind: z.enum(ASSISTANT_KINDS, { message: '请选择辅助员类别' }).nullish(),
      instructorKind: z.enum(INSTRUCTOR_KINDS, { message: '请选择驻村干部或包村干部' }).nullish(),
      startDate: isoDateSchema('任职日期'),
    }),
    output: postSchema,
  }),
  'posts.end': method({
    title: '结束任职',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema, endDate: isoDateSchema('离任日期') }),
    output: postSchema,
  }),
  'trainings.add': method({
    title: '新增培训记录',
    access: EDITORS,
    write: true,
    input: z.object({
      personId: idSchema,
      date: isoDateSchema('培训日期'),
      topic: nameSchema('培训内容', 100),
      hours: z
        .number({ message: '学时必须是数字' })
        .positive({ message: '学时应大于 0' })
        .max(1000, { message: '学时数值过大' }),
    }),
    output: trainingSchema,
  }),
  'trainings.delete': method({
    title: '删除培训记录',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({}),
  }),
};

// ---- 花名册导入 (roster import) ----

export const IMPORT_STATUSES = ['new', 'update', 'error'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = { new: '新增', update: '更新', error: '错误' };

/**
 * The .xlsx as base64; the HTTP carrier takes 1 MB per call, so about 700 KB of workbook. An empty
 * string is a 0-byte file, which the parser names as such.
 */
const rosterFileSchema = z
  .string({ message: '请选择花名册文件' })
  .max(1_000_000, { message: '文件过大：请将花名册控制在 700 KB 以内，或分批导入' });

export const importRowSchema = z.object({
  row: z.number(),
  status: z.enum(IMPORT_STATUSES),
  name: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  grid: z.string().nullable(),
  employment: z.enum(EMPLOYMENTS).nullable(),
  /** Errors for an error row; notes (what will change) otherwise. */
  messages: z.array(z.string()),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(false), message: z.string() }),
  z.object({
    ok: z.literal(true),
    sheetName: z.string(),
    warnings: z.array(z.string()),
    rows: z.array(importRowSchema),
    counts: z.object({ new: z.number(), update: z.number(), error: z.number() }),
  }),
]);
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importApi = {
  'people.importPreview': method({
    title: '花名册导入预览',
    access: EDITORS,
    write: false,
    input: z.object({ file: rosterFileSchema }),
    output: importPreviewSchema,
  }),
  'people.importCommit': method({
    title: '导入花名册',
    access: EDITORS,
    write: true,
    input: z.object({ file: rosterFileSchema }),
    output: z.object({ created: z.number(), updated: z.number(), postsAdded: z.number(), skipped: z.number() }),
  }),
};
