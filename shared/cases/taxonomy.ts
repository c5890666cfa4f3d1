/**
 * The category taxonomy (大类 → 小类 → optional 项) with default time limits per step, in working
 * days. Data the centre edits; this schema is what any edited or shipped taxonomy must pass.
 * Codes are unique within their parent only, so 矛盾纠纷's 小类 keep their GB/T 31000 codes.
 */
import { z } from 'zod';
import { CASE_SOURCES, CASE_SOURCE_LABELS, type CaseSource } from './codes';
import { LIMIT_STEPS, LIMIT_STEP_LABELS, type LimitStep } from './loop';
import { EXTENSION_DAYS_MAX } from './loop-payloads';

/**
 * The most working days any one step may be given: 人民调解 generally takes about a month (some
 * 22 working days); ordinary matters stay at 1–7, which is the default taxonomy's business, not a cap.
 */
export const STEP_LIMIT_MAX = 30;
/** A kind's 延期 bound when its row predates the setting (the old single ceiling). */
export const EXTENSION_MAX_DEFAULT = 15;

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

/** Step limits that differ by 来源 (e.g. 12345 转办 orders answer on the platform's clock). */
export const sourceLimitsSchema = z
  .record(z.string(), stepLimitsSchema.partial(), { message: '按来源的时限格式不正确' })
  .superRefine((bySource, ctx) => {
    for (const key of Object.keys(bySource)) {
      if (!(CASE_SOURCES as readonly string[]).includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `未知的事件来源「${key}」` });
      }
    }
    // An order from above brings its own 办理时限 (cases.order_due_date), which the clock keeps.
    if (bySource.superior?.handle !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['superior', 'handle'],
        message: `${CASE_SOURCE_LABELS.superior}的处置时限以交办单的办理时限为准，不能在分类表中设置`,
      });
    }
  });
export type SourceLimits = z.infer<typeof sourceLimitsSchema>;

export const categorySchema = z.object({
  code: code('大类', 2),
  name: name('大类'),
  /** Dispute cases carry the mediation fields (方式、组织、责任人、是否成功、结果). */
  dispute: z.boolean().optional(),
  limits: stepLimitsSchema,
  /** The most working days one 延期 may add to a step of this kind; unset: EXTENSION_MAX_DEFAULT. */
  extensionMaxDays: z
    .number({ message: '请填写延期上限' })
    .int({ message: '延期上限必须是整数个工作日' })
    .min(0, { message: '延期上限不能为负数' })
    .max(EXTENSION_DAYS_MAX, { message: `延期上限不能超过 ${EXTENSION_DAYS_MAX} 个工作日` })
    .optional(),
  /** Per-source step limits; they win over the 小类's and the 大类's. */
  sourceLimits: sourceLimitsSchema.optional(),
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

/**
 * The limits that apply to a case, step by step: the 大类's source override where set, else the
 * 小类's own, else the 大类's; null for an unknown code. Without a source, only 小类 over 大类.
 */
export function limitsFor(
  taxonomy: Taxonomy,
  categoryCode: string,
  subcategoryCode: string,
  source?: CaseSource,
): StepLimits | null {
  const category = taxonomy.categories.find((c) => c.code === categoryCode);
  const sub = category?.subcategories.find((s) => s.code === subcategoryCode);
  if (!category || !sub) return null;
  const bySource = source ? category.sourceLimits?.[source] : undefined;
  return { ...category.limits, ...sub.limits, ...bySource };
}

/** The most working days one 延期 may add to a step of this 大类. */
export function extensionMaxFor(category: Pick<Category, 'extensionMaxDays'>): number {
  return category.extensionMaxDays ?? EXTENSION_MAX_DEFAULT;
}
