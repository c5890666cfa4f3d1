/**
 * 工作日志: 政策宣传, 社情民意, 矛盾纠纷集中排查 and 便民服务 the grid does — logged per piece of work
 * (date, grid, who, what, people reached), never walked through the case loop.
 */
import { z } from 'zod';
import { ALL_ROLES, EDITORS } from '../roles';
import { isoDateSchema as realDaySchema } from '../cases/holiday-calendar';
import { WORK_LOG_KINDS } from '../worklogs/codes';
import { method } from './define';
import { isoDateSchema } from './people';
import { countSchema, idSchema, nameSchema } from './schemas';

const listDay = (label: string) =>
  z
    .string({ message: `${label}应为 YYYY-MM-DD` })
    .refine((s) => realDaySchema.safeParse(s).success, { message: `${label}应为 YYYY-MM-DD 格式的真实日期` });

export const workLogSchema = z.object({
  id: z.string(),
  workedOn: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  workerId: z.string().nullable(),
  workerName: z.string(),
  kind: z.enum(WORK_LOG_KINDS),
  content: z.string(),
  peopleReached: z.number(),
  updatedAt: z.string(),
});
export type WorkLog = z.infer<typeof workLogSchema>;

/** A required pick from a list (网格, 记录人): a missing one names what to pick. */
const pickSchema = (label: string) => z.string({ message: `请选择${label}` }).uuid({ message: `请选择${label}` });

const workLogFields = {
  workedOn: isoDateSchema('工作日期'),
  gridId: pickSchema('网格'),
  workerId: pickSchema('记录人'),
  kind: z.enum(WORK_LOG_KINDS, { message: '请选择工作类型（政策宣传、社情民意、矛盾纠纷集中排查或便民服务）' }),
  content: nameSchema('工作内容', 2000),
  peopleReached: countSchema('覆盖人数').default(0),
};

/** The filter of the list and of every count (inclusive Shanghai days). */
export const workLogFilterSchema = z.object({
  from: listDay('起始日期').optional(),
  to: listDay('截止日期').optional(),
  villageId: idSchema.optional(),
  gridId: idSchema.optional(),
  kind: z.enum(WORK_LOG_KINDS, { message: '未知的工作类型' }).optional(),
});
export type WorkLogFilter = z.output<typeof workLogFilterSchema>;

export const workLogListInputSchema = workLogFilterSchema.extend({
  offset: z.number().int().min(0, { message: '起始行不能为负数' }).default(0),
  limit: z.number().int().min(1).max(500, { message: '每页最多 500 行' }).default(50),
});
export type WorkLogListInput = z.output<typeof workLogListInputSchema>;

export const workLogCountsSchema = z.object({
  total: z.number(),
  /** Entries and people reached per kind (every kind present, zeros included). */
  byKind: z.record(z.enum(WORK_LOG_KINDS), z.object({ entries: z.number(), peopleReached: z.number() })),
});
export type WorkLogCounts = z.infer<typeof workLogCountsSchema>;

export const worklogsApi = {
  'worklogs.list': method({
    title: '工作日志列表',
    access: ALL_ROLES,
    write: false,
    input: workLogListInputSchema,
    output: z.object({ rows: z.array(workLogSchema), total: z.number() }),
  }),
  'worklogs.counts': method({
    title: '工作日志统计',
    access: ALL_ROLES,
    write: false,
    input: workLogFilterSchema,
    output: workLogCountsSchema,
  }),
  'worklogs.get': method({
    title: '工作日志详情',
    access: ALL_ROLES,
    write: false,
    input: z.object({ id: idSchema }),
    output: workLogSchema,
  }),
  'worklogs.create': method({
    title: '登记工作日志',
    access: EDITORS,
    write: true,
    input: z.object(workLogFields),
    output: workLogSchema,
  }),
  'worklogs.update': method({
    title: '修改工作日志',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema, ...workLogFields }),
    output: workLogSchema,
  }),
  'worklogs.delete': method({
    title: '删除工作日志',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({ id: z.string() }),
  }),
};
