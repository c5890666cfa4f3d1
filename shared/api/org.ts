import { z } from 'zod';
import { ALL_ROLES, EDITORS } from '../roles';
import { VILLAGE_CODE_RE, VILLAGE_KINDS } from '../org/codes';
import { DEDICATED_KINDS, GRID_TYPES } from '../org/grid';
import { method } from './define';
import { countSchema, idSchema, nameSchema, optionalText } from './schemas';

export const villageSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(VILLAGE_KINDS),
  retiredAt: z.string().nullable(),
  gridCount: z.number(),
});
export type Village = z.infer<typeof villageSchema>;

export const gridSchema = z.object({
  id: z.string(),
  villageId: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  code: z.string(),
  seq: z.number(),
  type: z.enum(GRID_TYPES),
  dedicatedKind: z.enum(DEDICATED_KINDS).nullable(),
  name: z.string(),
  households: z.number(),
  residents: z.number(),
  partyBranchName: z.string().nullable(),
  partyBranchSecretary: z.string().nullable(),
  remarks: z.string().nullable(),
  retiredAt: z.string().nullable(),
  partyGroupCount: z.number(),
  updatedAt: z.string(),
  /** Size guidance exceeded (warnings, never refusals). */
  warnings: z.array(z.string()),
});
export type Grid = z.infer<typeof gridSchema>;

export const partyGroupSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  name: z.string(),
  leaderName: z.string().nullable(),
  memberCount: z.number(),
});
export type PartyGroup = z.infer<typeof partyGroupSchema>;

/** A party group with where it sits, for pickers (the person form's 党小组). */
export const partyGroupPlaceSchema = partyGroupSchema.extend({
  gridName: z.string(),
  villageId: z.string(),
  villageName: z.string(),
});
export type PartyGroupPlace = z.infer<typeof partyGroupPlaceSchema>;

const gridFields = {
  type: z.enum(GRID_TYPES, { message: '请选择网格类型' }),
  dedicatedKind: z.enum(DEDICATED_KINDS, { message: '请选择专属网格的类别' }).nullish(),
  name: nameSchema('网格名称', 50),
  households: countSchema('户数'),
  residents: countSchema('人口数'),
  partyBranchName: optionalText('网格党支部名称', 60),
  partyBranchSecretary: optionalText('支部书记', 20),
  remarks: optionalText('备注', 500),
};

export const orgApi = {
  'org.listVillages': method({
    title: '村（社区）列表',
    access: ALL_ROLES,
    write: false,
    input: z.object({ includeRetired: z.boolean().default(true) }),
    output: z.array(villageSchema),
  }),
  'org.createVillage': method({
    title: '新增村（社区）',
    access: EDITORS,
    write: true,
    input: z.object({
      code: z.string().trim().regex(VILLAGE_CODE_RE, { message: '村（社区）代码应为 12 位数字' }),
      name: nameSchema('村（社区）名称', 40),
    }),
    output: villageSchema,
  }),
  'org.updateVillage': method({
    title: '修改村（社区）',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema, name: nameSchema('村（社区）名称', 40) }),
    output: villageSchema,
  }),
  'org.setVillageRetired': method({
    title: '撤销/恢复村（社区）',
    access: ['admin'],
    write: true,
    input: z.object({ id: idSchema, retired: z.boolean() }),
    output: villageSchema,
  }),
  'org.listGrids': method({
    title: '网格列表',
    access: ALL_ROLES,
    write: false,
    input: z.object({
      villageId: idSchema.optional(),
      search: z.string().trim().max(50).optional(),
      includeRetired: z.boolean().default(false),
    }),
    output: z.array(gridSchema),
  }),
  'org.getGrid': method({
    title: '网格详情',
    access: ALL_ROLES,
    write: false,
    input: z.object({ id: idSchema }),
    output: z.object({ grid: gridSchema, partyGroups: z.array(partyGroupSchema) }),
  }),
  'org.createGrid': method({
    title: '新增网格',
    access: EDITORS,
    write: true,
    input: z.object({ villageId: idSchema, ...gridFields }),
    output: gridSchema,
  }),
  'org.updateGrid': method({
    title: '修改网格',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema, ...gridFields }),
    output: gridSchema,
  }),
  'org.setGridRetired': method({
    title: '撤销/恢复网格',
    access: ['admin', 'reviewer'],
    write: true,
    input: z.object({ id: idSchema, retired: z.boolean() }),
    output: gridSchema,
  }),
  'org.listPartyGroups': method({
    title: '党小组列表',
    access: ALL_ROLES,
    write: false,
    input: z.object({}),
    output: z.array(partyGroupPlaceSchema),
  }),
  'org.savePartyGroup': method({
    title: '保存党小组',
    access: EDITORS,
    write: true,
    input: z.object({
      id: idSchema.optional(),
      gridId: idSchema,
      name: nameSchema('党小组名称', 40),
      leaderName: optionalText('党小组组长', 20),
      memberCount: countSchema('党员人数'),
    }),
    output: partyGroupSchema,
  }),
  'org.deletePartyGroup': method({
    title: '删除党小组',
    access: EDITORS,
    write: true,
    input: z.object({ id: idSchema }),
    output: z.object({}),
  }),
};
