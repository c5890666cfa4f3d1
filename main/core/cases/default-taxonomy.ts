/**
 * The taxonomy a new installation starts with: resources/taxonomy/default.json, whose 矛盾纠纷
 * 大类 takes its 小类 and 项 from the GB/T 31000-2015 code table (resources/codes/dispute-types.json)
 * rather than repeating it, so the county's dispute codes have one source.
 * Imported, not read from disk: the bundler inlines both files into the main process.
 */
import { z } from 'zod';
import { categorySchema, stepLimitsSchema, taxonomySchema, type Taxonomy } from '../../../shared/cases/taxonomy';
import disputeTypesJson from '../../../resources/codes/dispute-types.json' with { type: 'json' };
import defaultTaxonomyJson from '../../../resources/taxonomy/default.json' with { type: 'json' };

export const GBT31000 = 'GB/T 31000-2015';

export const disputeTypesSchema = z.object({
  source: z.string(),
  types: z
    .array(
      z.object({
        code: z.string().regex(/^\d{2}$/, { message: '纠纷类型代码应为 2 位数字' }),
        name: z.string().min(1),
        subtypes: z.array(
          z.object({
            code: z.string().regex(/^\d{4}$/, { message: '纠纷小类代码应为 4 位数字' }),
            name: z.string().min(1),
          }),
        ),
      }),
    )
    .min(1),
});
export type DisputeTypes = z.infer<typeof disputeTypesSchema>;

/** A category in the file either lists its 小类 or names the code table they come from. */
const fileCategorySchema = categorySchema.extend({
  subcategories: categorySchema.shape.subcategories.optional(),
  subcategoriesFrom: z.literal(GBT31000, { message: `小类来源只能是 ${GBT31000}` }).optional(),
  limitOverrides: z.record(z.string(), stepLimitsSchema.partial()).optional(),
});

export const taxonomyFileSchema = z.object({
  version: z.literal(1, { message: '分类表版本应为 1' }),
  about: z.string().optional(),
  categories: z.array(fileCategorySchema).min(1, { message: '分类表至少要有一个大类' }),
});

/** Builds and checks the taxonomy; throws a ZodError naming the offending entry. */
export function buildTaxonomy(file: unknown, disputeTypes: unknown): Taxonomy {
  const parsedFile = taxonomyFileSchema.parse(file);
  const gbt = disputeTypesSchema.parse(disputeTypes);
  const known = new Set(gbt.types.map((t) => t.code));
  const categories = parsedFile.categories.map(
    ({ subcategoriesFrom, limitOverrides = {}, subcategories = [], ...category }, ci) => {
      if (!subcategoriesFrom) return { ...category, subcategories };
      for (const code of Object.keys(limitOverrides)) {
        if (!known.has(code)) {
          throw new z.ZodError([
            {
              code: 'custom',
              path: ['categories', ci, 'limitOverrides', code],
              message: `${GBT31000} 中没有纠纷类型 ${code}`,
              input: code,
            },
          ]);
        }
      }
      return {
        ...category,
        subcategories: gbt.types.map((t) => ({
          code: t.code,
          name: t.name,
          ...(limitOverrides[t.code] ? { limits: limitOverrides[t.code] } : {}),
          items: t.subtypes.map((s) => ({ code: s.code, name: s.name })),
        })),
      };
    },
  );
  return taxonomySchema.parse({ version: parsedFile.version, categories });
}

let cached: Taxonomy | undefined;

export function defaultTaxonomy(): Taxonomy {
  cached ??= buildTaxonomy(defaultTaxonomyJson, disputeTypesJson);
  return cached;
}
