/**
 * The category taxonomy (大类 → 小类 → optional 项) with default time limits per step, in working
 * days. Data the centre edits; this schema is what any edited or shipped taxonomy must pass.
 * Codes are unique within their parent only, so 矛盾纠纷's 小类 keep their GB/T 31000 codes.
 */
import { z } from 'zod';
import { LIMIT_STEPS, LIMIT_STEP_LABELS, type LimitStep } from './loop';

/** The published ceiling: no step may be given more than 15 working days. */
export const STEP_LIMIT_MAX = 15;

const limitDays = (step: LimitStep) => {
  const label = `${LIMIT_STEP_LABELS[step]}时限`;
  return z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}必须是整数个工作日` })
    .min(0, { message: `${label}不能为负数` })
    .max(STEP_LIMIT_MAX, { message: `${label}不能超过 ${STEP_LIMIT_MAX} 个工作日` });
};

export const stepLimitsSchema = z.object(
  Object.fromEntries(LIMIT_STEPS.map((s) => [s, limitDays(s)])) as Record<LimitStep, ReturnType<typeof limitDays>>,
  { message: '请填写各环节时限' },
);
export type StepLimits = z.infer<typeof stepLimitsSchema>;

const name = (label: string) =>
  z
    .string({ message: `请填写${label}名称` })
    .trim()
    .min(1, { message: `请填写${label}名称` })
    .max(30, { message: `${label}名称不能超过 30 个字` });

const code = (label: string, digits: number) =>
  z.string({ message: `请填写${label}代码` }).regex(new RegExp(`^\\d{${digits}}$`), {
    message: `${label}代码应为 ${digits} 位数字`,
  });

export const taxonomyItemSchema = z.object({ code: code('项', 4), name: name('项') });

export const subcategorySchema = z.object({
  code: code('小类', 2),
  name: name('小类'),
  /** Only the steps that differ from the 大类's limits. */
  limits: stepLimitsSchema.partial().optional(),
  items: z.array(taxonomyItemSchema).optional(),
});

export const categorySchema = z.object({
  code: code('大类', 2),
  name: name('大类'),
  /** Dispute cases carry the mediation fields (方式、组织、责任人、是否成功、结果). */
  dispute: z.boolean().optional(),
  limits: stepLimitsSchema,
  subcategories: z.array(subcategorySchema).min(1, { message: '每个大类至少要有一个小类' }),
});

/** Reports a repeated code or name among siblings at `path`. */
function uniqueAmong(
  ctx: z.RefinementCtx,
  rows: readonly { code: string; name: string }[],
  where: (string | number)[],
  label: string,
): void {
  const codes = new Set<string>();
  const names = new Set<string>();
  rows.forEach((r, i) => {
    if (codes.has(r.code))
      ctx.addIssue({ code: 'custom', path: [...where, i, 'code'], message: `${label}代码 ${r.code} 重复` });
    if (names.has(r.name))
      ctx.addIssue({ code: 'custom', path: [...where, i, 'name'], message: `${label}「${r.name}」重复` });
    codes.add(r.code);
    names.add(r.name);
  });
}

export const taxonomySchema = z
  .object({
    version: z.literal(1, { message: '分类表版本应为 1' }),
    categories: z.array(categorySchema).min(1, { message: '分类表至少要有一个大类' }),
  })
  .superRefine((t, ctx) => {
    uniqueAmong(ctx, t.categories, ['categories'], '大类');
    if (t.categories.filter((c) => c.dispute).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: '只能有一个矛盾纠纷大类' });
    }
    t.categories.forEach((c, ci) => {
      uniqueAmong(ctx, c.subcategories, ['categories', ci, 'subcategories'], `大类「${c.name}」中的小类`);
      c.subcategories.forEach((s, si) => {
        const where = ['categories', ci, 'subcategories', si, 'items'];
        uniqueAmong(ctx, s.items ?? [], where, `小类「${s.name}」中的项`);
        (s.items ?? []).forEach((it, ii) => {
          if (!it.code.startsWith(s.code)) {
            ctx.addIssue({
              code: 'custom',
              path: [...where, ii, 'code'],
              message: `项代码 ${it.code} 应以所属小类代码 ${s.code} 开头`,
            });
          }
        });
      });
    });
  });
export type Taxonomy = z.infer<typeof taxonomySchema>;
export type Category = z.infer<typeof categorySchema>;
export type Subcategory = z.infer<typeof subcategorySchema>;

/** The limits that apply to a 小类: its own where set, else its 大类's; null for an unknown code. */
export function limitsFor(taxonomy: Taxonomy, categoryCode: string, subcategoryCode: string): StepLimits | null {
  const category = taxonomy.categories.find((c) => c.code === categoryCode);
  const sub = category?.subcategories.find((s) => s.code === subcategoryCode);
  if (!category || !sub) return null;
  return { ...category.limits, ...sub.limits };
}
