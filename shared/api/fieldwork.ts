/**
 * 走访: 入户走访 (household visits) and 楼院采集 (building/compound collection). Phones are sealed
 * at rest, masked in every view, readable in full only through an audited reveal.
 */
import { z } from 'zod';
import { ALL_ROLES, EDITORS } from '../roles';
import { isoDateSchema as realDaySchema } from '../cases/holiday-calendar';
import { BUILDING_KINDS, CHINA_BOUNDS, VISIT_METHODS } from '../fieldwork/codes';
import { method } from './define';
import { isoDateSchema, REVEAL_ROLES } from './people';
import { countSchema, idSchema, nameSchema, optionalText } from './schemas';

const listDay = (label: string) =>
  z
    .string({ message: `${label}应为 YYYY-MM-DD` })
    .refine((s) => realDaySchema.safeParse(s).success, { message: `${label}应为 YYYY-MM-DD 格式的真实日期` });

const paging = {
  offset: z.number().int().min(0, { message: '起始行不能为负数' }).default(0),
  limit: z.number().int().min(1).max(500, { message: '每页最多 500 行' }).default(50),
};

const searchSchema = z
  .string({ message: '搜索内容必须是文字' })
  .trim()
  .max(50, { message: '搜索内容不能超过 50 个字' })
  .optional()
  .transform((v) => v || undefined);

/** What both lists filter on: where and when (inclusive Shanghai days). */
const placeAndDays = {
  villageId: idSchema.optional(),
  gridId: idSchema.optional(),
  from: listDay('起始日期').optional(),
  to: listDay('截止日期').optional(),
  q: searchSchema,
};

/** A phone typed in a form: checked as a mobile or landline by the service (it names the field). */
const phoneText = (label: string) =>
  z
    .string()
    .trim()
    .max(40, { message: `${label}过长` });

const longText = (label: string, max = 2000) => optionalText(label, max);

/** A required pick from a list (村, 网格, 人员): a missing one names what to pick. */
const pickSchema = (label: string) => z.string({ message: `请选择${label}` }).uuid({ message: `请选择${label}` });

// ---- 入户走访 ----

export const visitSchema = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  visitorId: z.string(),
  visitorName: z.string(),
  visitedOn: z.string(),
  method: z.enum(VISIT_METHODS),
  subjectName: z.string(),
  address: z.string(),
  phoneMasked: z.string().nullable(),
  householdSize: z.number().nullable(),
  content: z.string(),
  issues: z.string().nullable(),
  followUp: z.string().nullable(),
  caseId: z.string().nullable(),
  /** The linked case's number, `140621100-2026-000123`. */
  caseNumber: z.string().nullable(),
  updatedAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

const visitFields = {
  villageId: pickSchema('村（社区）'),
  gridId: pickSchema('网格'),
  visitorId: pickSchema('走访人'),
  visitedOn: isoDateSchema('走访日期'),
  method: z.enum(VISIT_METHODS, { message: '请选择走访方式（入户、电话或视频）' }),
  subjectName: nameSchema('走访对象', 30),
  address: nameSchema('住址', 120),
  householdSize: countSchema('家庭人口').max(99, { message: '家庭人口不能超过 99' }).nullish(),
  content: nameSchema('走访内容', 2000),
  issues: longText('反映问题'),
  followUp: longText('跟进情况'),
  caseId: idSchema.nullish().transform((v) => v ?? null),
};

export const visitListInputSchema = z.object({
  ...paging,
  ...placeAndDays,
  method: z.enum(VISIT_METHODS, { message: '未知的走访方式' }).optional(),
});
export type VisitListInput = z.output<typeof visitListInputSchema>;
export type VisitFilter = Omit<VisitListInput, 'offset' | 'limit'>;

// ---- 楼院采集 ----

export const buildingSchema = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  name: z.string(),
  address: z.string(),
  kind: z.enum(BUILDING_KINDS),
  buildingCount: z.number(),
  households: z.number(),
  residents: z.number(),
  shops: z.number(),
  propertyCompany: z.string().nullable(),
  safetyContactName: z.string().nullable(),
  safetyContactPhoneMasked: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  collectedOn: z.string(),
  collectorId: z.string(),
  collectorName: z.string(),
  updatedAt: z.string(),
});
export type Building = z.infer<typeof buildingSchema>;

const coordinate = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label}必须是数字` })
    .min(min, { message: `${label}应在 ${min}–${max} 之间（中国境内）` })
    .max(max, { message: `${label}应在 ${min}–${max} 之间（中国境内）` })
    .nullish()
    .transform((v) => v ?? null);

const buildingFields = {
  villageId: pickSchema('村（社区）'),
  gridId: pickSchema('网格'),
  name: nameSchema('小区/楼院名称', 50),
  address: nameSchema('地址', 120),
  kind: z.enum(BUILDING_KINDS, { message: '请选择楼院类型' }),
  buildingCount: countSchema('楼栋数'),
  households: countSchema('户数'),
  residents: countSchema('人数'),
  shops: countSchema('商户数'),
  propertyCompany: optionalText('物业公司', 60),
  safetyContactName: optionalText('安全联络人', 30),
  longitude: coordinate('经度', CHINA_BOUNDS.minLng, CHINA_BOUNDS.maxLng),
  latitude: coordinate('纬度', CHINA_BOUNDS.minLat, CHINA_BOUNDS.maxLat),
  collectedOn: isoDateSchema('采集日期'),
  collectorId: pickSchema('采集人'),
};

/** Coordinates come as a pair: one without the other names the missing one. */
function bothOrNeither(v: { longitude: number | null; latitude: number | null }, ctx: z.RefinementCtx) {
  if (v.longitude === null && v.latitude !== null) {
    ctx.addIssue({ code: 'custom', path: ['longitude'], message: '填写了纬度，请同时填写经度' });
  }
  if (v.latitude === null && v.longitude !== null) {
    ctx.addIssue({ code: 'custom', path: ['latitude'], message: '填写了经度，请同时填写纬度' });
  }
}

export const buildingListInputSchema = z.object({
  ...paging,
  ...placeAndDays,
  kind: z.enum(BUILDING_KINDS, { message: '未知的楼院类型' }).optional(),
});
export type BuildingListInput = z.output<typeof buildingListInputSchema>;
export type BuildingFilter = Omit<BuildingListInput, 'offset' | 'limit'>;

export const fieldworkApi = {
  'visits.list': method({
    title: '入户走访列表',
    access: ALL_ROLES,
    write: false,
    input: visitListInputSchema,
    output: z.object({ rows: z.array(visitSchema), total: z.number() }),
  }),
  'visits.get': method({
    title: '入户走访详情',
    access: ALL_ROLES,
    write: false,
    input: z.object({ id: idSchema }),
    output: visitSchema,
  }),
  'visits.create': method({
    title: '登记入户走访',
    access: EDITORS,
    write: true,
    input: z.object({ ...visitFields, phone: phoneText('联系电话').nullish() }),
    output: visitSchema,
  }),
  'visits.update': method({
    title: '修改入户走访',
    access: EDITORS,
    write: true,
    input: z.object({
      id: idSchema,
      ...visitFields,
      /** Left out: unchanged (the form only ever holds the masked value); null or empty: cleared. */
      phone: phoneText('联系电话').nullable().optional(),
    }),
    output: visitSchema,
  }),
  'visits.delete': method({
    title: '删除入户走访',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({ id: z.string() }),
  }),
  'visits.reveal': method({
    title: '查看走访对象联系电话',
    access: REVEAL_ROLES,
    // Audited like a write: who, when, which visit.
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({ id: z.string(), subjectName: z.string(), phone: z.string().nullable() }),
  }),
  'buildings.list': method({
    title: '楼院采集列表',
    access: ALL_ROLES,
    write: false,
    input: buildingListInputSchema,
    output: z.object({ rows: z.array(buildingSchema), total: z.number() }),
  }),
  'buildings.get': method({
    title: '楼院采集详情',
    access: ALL_ROLES,
    write: false,
    input: z.object({ id: idSchema }),
    output: buildingSchema,
  }),
  'buildings.create': method({
    title: '新增楼院采集',
    access: EDITORS,
    write: true,
    input: z
      .object({ ...buildingFields, safetyContactPhone: phoneText('安全联络人电话').nullish() })
      .superRefine(bothOrNeither),
    output: buildingSchema,
  }),
  'buildings.update': method({
    title: '修改楼院采集',
    access: EDITORS,
    write: true,
    input: z
      .object({
        id: idSchema,
        ...buildingFields,
        /** Left out: unchanged; null or empty: cleared. */
        safetyContactPhone: phoneText('安全联络人电话').nullable().optional(),
      })
      .superRefine(bothOrNeither),
    output: buildingSchema,
  }),
  'buildings.delete': method({
    title: '删除楼院采集',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({ id: z.string() }),
  }),
  'buildings.reveal': method({
    title: '查看安全联络人电话',
    access: REVEAL_ROLES,
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({
      id: z.string(),
      name: z.string(),
      safetyContactName: z.string().nullable(),
      safetyContactPhone: z.string().nullable(),
    }),
  }),
};
