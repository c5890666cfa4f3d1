import { describe, expect, it } from 'vitest';
import disputeTypes from '../../resources/codes/dispute-types.json' with { type: 'json' };
import defaultFile from '../../resources/taxonomy/default.json' with { type: 'json' };
import { buildTaxonomy, defaultTaxonomy, disputeTypesSchema } from '../../main/core/cases/default-taxonomy';
import {
  EXTENSION_MAX_DEFAULT,
  STEP_LIMIT_MAX,
  extensionMaxFor,
  limitsFor,
  taxonomySchema,
  type Taxonomy,
} from '../../shared/cases/taxonomy';
import { EXTENSION_DAYS_MAX } from '../../shared/cases/loop-payloads';

const clone = <T>(v: T): T => structuredClone(v);

describe('the shipped taxonomy', () => {
  const taxonomy = defaultTaxonomy();

  it('passes the schema, with the widely used 大类 (政策宣传 and 社情民意 are 工作日志, not cases)', () => {
    expect(taxonomySchema.safeParse(taxonomy).success).toBe(true);
    expect(taxonomy.categories.map((c) => c.name)).toEqual([
      '矛盾纠纷',
      '治安/安全隐患',
      '民生服务',
      '突发事件',
      '其他',
    ]);
  });

  it('carries every GB/T 31000 dispute type and subtype under 矛盾纠纷, with their codes and names', () => {
    const gbt = disputeTypesSchema.parse(disputeTypes);
    expect(gbt.types).toHaveLength(17);
    const dispute = taxonomy.categories.filter((c) => c.dispute);
    expect(dispute.map((c) => c.name)).toEqual(['矛盾纠纷']);
    const subs = dispute[0]!.subcategories;
    for (const t of gbt.types) {
      const sub = subs.find((s) => s.code === t.code);
      expect(sub?.name, t.code).toBe(t.name);
      expect(sub?.items ?? []).toEqual(t.subtypes);
    }
    expect(subs).toHaveLength(gbt.types.length);
    expect(subs.find((s) => s.code === '09')?.items?.find((i) => i.code === '0902')?.name).toBe('宅基地使用');
  });

  it('gives ordinary matters 1–7 working days to handle and disputes about a month (人民调解)', () => {
    for (const c of taxonomy.categories) {
      for (const s of c.subcategories) {
        const limits = limitsFor(taxonomy, c.code, s.code)!;
        for (const days of Object.values(limits)) expect(days).toBeLessThanOrEqual(STEP_LIMIT_MAX);
        expect(limits.handle, `${c.name}/${s.name}`).toBeGreaterThanOrEqual(1);
        if (!c.dispute) expect(limits.handle, `${c.name}/${s.name}`).toBeLessThanOrEqual(7);
      }
    }
    expect(limitsFor(taxonomy, '01', '02')).toEqual({ screen: 1, handle: 22, feedback: 1 }); // 邻里纠纷
    expect(limitsFor(taxonomy, '01', '09')).toEqual({ screen: 1, handle: 22, feedback: 1 }); // 土地及资源权属
    expect(extensionMaxFor(taxonomy.categories[0]!)).toBe(22); // with both parties' consent
    expect(limitsFor(taxonomy, '06', '05')).toEqual({ screen: 0, handle: 1, feedback: 1 }); // 群体性事件
    expect(limitsFor(taxonomy, '01', '42')).toBeNull();
    expect(limitsFor(taxonomy, '77', '01')).toBeNull();
  });

  it('gives 12345 转办 five working days to handle, whatever the kind but 突发事件', () => {
    expect(limitsFor(taxonomy, '01', '02', 'transfer12345')).toEqual({ screen: 1, handle: 5, feedback: 1 });
    expect(limitsFor(taxonomy, '03', '02', 'transfer12345')).toEqual({ screen: 1, handle: 5, feedback: 1 });
    expect(limitsFor(taxonomy, '03', '02', 'hotline')).toEqual({ screen: 1, handle: 7, feedback: 1 });
    expect(limitsFor(taxonomy, '06', '05', 'transfer12345')).toEqual({ screen: 0, handle: 1, feedback: 1 });
  });
});

describe('limitsFor precedence: source > 小类 > 大类', () => {
  const t: Taxonomy = {
    version: 1,
    categories: [
      {
        code: '02',
        name: '治安/安全隐患',
        limits: { screen: 1, handle: 3, feedback: 2 },
        sourceLimits: { transfer12345: { handle: 5 }, patrol: { screen: 0 } },
        subcategories: [
          { code: '01', name: '治安隐患' },
          { code: '02', name: '消防安全隐患', limits: { handle: 2, feedback: 1 } },
        ],
      },
    ],
  };

  it('takes each step from the most specific level that sets it', () => {
    expect(limitsFor(t, '02', '01')).toEqual({ screen: 1, handle: 3, feedback: 2 });
    expect(limitsFor(t, '02', '02')).toEqual({ screen: 1, handle: 2, feedback: 1 });
    // The source's handle wins over the 小类's; the 小类's feedback still holds.
    expect(limitsFor(t, '02', '02', 'transfer12345')).toEqual({ screen: 1, handle: 5, feedback: 1 });
    expect(limitsFor(t, '02', '02', 'patrol')).toEqual({ screen: 0, handle: 2, feedback: 1 });
    // A source with no override changes nothing.
    expect(limitsFor(t, '02', '01', 'walkIn')).toEqual({ screen: 1, handle: 3, feedback: 2 });
    expect(limitsFor(t, '02', '77', 'patrol')).toBeNull();
  });

  it('uses the old single ceiling as the extension bound of a kind that sets none', () => {
    expect(extensionMaxFor(t.categories[0]!)).toBe(EXTENSION_MAX_DEFAULT);
    expect(extensionMaxFor({ extensionMaxDays: 0 })).toBe(0);
  });
});

describe('the taxonomy schema', () => {
  const base = (): Taxonomy => clone(defaultTaxonomy());

  function firstIssue(t: unknown) {
    const r = taxonomySchema.safeParse(t);
    expect(r.success).toBe(false);
    return r.error!.issues[0]!;
  }

  it('refuses a repeated code or name among siblings, naming where', () => {
    const t = base();
    t.categories[2]!.subcategories[1]!.code = t.categories[2]!.subcategories[0]!.code;
    expect(firstIssue(t)).toMatchObject({
      path: ['categories', 2, 'subcategories', 1, 'code'],
      message: '大类「民生服务」中的小类代码 01 重复',
    });
    const u = base();
    u.categories[3]!.name = '民生服务';
    expect(firstIssue(u)).toMatchObject({ path: ['categories', 3, 'name'], message: '大类「民生服务」重复' });
  });

  it('refuses limits over 30 working days, negative or fractional', () => {
    const t = base();
    t.categories[1]!.limits.handle = STEP_LIMIT_MAX + 1;
    expect(firstIssue(t)).toMatchObject({
      path: ['categories', 1, 'limits', 'handle'],
      message: '处置时限不能超过 30 个工作日',
    });
    const u = base();
    u.categories[1]!.subcategories[0]!.limits = { feedback: 1.5 };
    expect(firstIssue(u).message).toBe('反馈办结时限必须是整数个工作日');
  });

  it('refuses a bad source override or extension bound, naming where', () => {
    const t = base();
    t.categories[1]!.sourceLimits = { transfer12345: { handle: 31 } };
    expect(firstIssue(t)).toMatchObject({
      path: ['categories', 1, 'sourceLimits', 'transfer12345', 'handle'],
      message: '处置时限不能超过 30 个工作日',
    });
    const u = base();
    (u.categories[1]!.sourceLimits as Record<string, unknown>) = { fax: { handle: 2 } };
    expect(firstIssue(u).path).toEqual(['categories', 1, 'sourceLimits', 'fax']);
    const v = base();
    v.categories[1]!.sourceLimits = { superior: { handle: 3 } };
    expect(firstIssue(v)).toMatchObject({
      path: ['categories', 1, 'sourceLimits', 'superior', 'handle'],
      message: '上级交办的处置时限以交办单的办理时限为准，不能在分类表中设置',
    });
    const w = base();
    w.categories[0]!.extensionMaxDays = EXTENSION_DAYS_MAX + 1;
    expect(firstIssue(w)).toMatchObject({
      path: ['categories', 0, 'extensionMaxDays'],
      message: `延期上限不能超过 ${EXTENSION_DAYS_MAX} 个工作日`,
    });
    const x = base();
    x.categories[0]!.extensionMaxDays = -1;
    expect(firstIssue(x).message).toBe('延期上限不能为负数');
  });

  it('refuses an item outside its 小类, a 大类 without 小类, and a second dispute 大类', () => {
    const t = base();
    t.categories[0]!.subcategories[0]!.items![0]!.code = '0201';
    expect(firstIssue(t).message).toBe('项代码 0201 应以所属小类代码 01 开头');
    const u = base();
    u.categories[4]!.subcategories = [];
    expect(firstIssue(u).message).toBe('每个大类至少要有一个小类');
    const v = base();
    v.categories[1]!.dispute = true;
    expect(firstIssue(v).message).toBe('只能有一个矛盾纠纷大类');
  });

  it('refuses a shipped file that overrides a dispute type GB/T 31000 does not have', () => {
    const file = clone(defaultFile) as { categories: { limitOverrides?: Record<string, object> }[] };
    file.categories[0]!.limitOverrides = { '42': { handle: 7 } };
    expect(() => buildTaxonomy(file, disputeTypes)).toThrow('GB/T 31000-2015 中没有纠纷类型 42');
  });
});
