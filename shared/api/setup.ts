import { z } from 'zod';
import { TOWNSHIP_CODE_RE } from '../org/codes';
import { method } from './define';
import { nameSchema, passwordSchema, usernameSchema } from './schemas';

export const townshipSchema = z.object({
  code: z.string(),
  name: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  cityName: z.string(),
  provinceName: z.string(),
});
export type Township = z.infer<typeof townshipSchema>;

export const divisionSchema = z.object({ code: z.string(), name: z.string() });
export type Division = z.infer<typeof divisionSchema>;

export const setupApi = {
  'setup.status': method({
    title: '查询初始化状态',
    access: 'public',
    write: false,
    input: z.object({}),
    output: z.object({ initialized: z.boolean(), township: townshipSchema.nullable() }),
  }),
  /** Administrative divisions: no parent → provinces; 2 → cities; 4 → counties; 6 → townships. */
  'setup.divisions': method({
    title: '查询行政区划',
    access: 'public',
    write: false,
    input: z.object({
      parentCode: z
        .string()
        .regex(/^(\d{2}|\d{4}|\d{6})$/, { message: '上级区划代码应为 2、4 或 6 位数字' })
        .optional(),
    }),
    output: z.array(divisionSchema),
  }),
  'setup.init': method({
    title: '初始化乡镇与管理员',
    access: 'public',
    write: true,
    input: z.object({
      townshipCode: z.string().regex(TOWNSHIP_CODE_RE, { message: '乡镇（街道）代码应为 9 位数字' }),
      adminUsername: usernameSchema,
      adminDisplayName: nameSchema('管理员姓名', 20),
      password: passwordSchema,
    }),
    output: z.object({ township: townshipSchema, villageCount: z.number() }),
  }),
};
