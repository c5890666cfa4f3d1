import { ApiError, fieldError } from '../../../shared/errors';
import { villageKindOf } from '../../../shared/org/codes';
import type { Township } from '../../../shared/api/setup';
import { createUser } from '../auth/service';
import { seedCaseDefaults } from '../cases/seed';
import { actorId, type HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { newId } from '../ids';
import { villages } from '../org/schema';
import { township } from './schema';

export function getTownship(db: Db): Township | null {
  const row = db.select().from(township).get();
  if (!row) return null;
  const { code, name, countyCode, countyName, cityName, provinceName } = row;
  return { code, name, countyCode, countyName, cityName, provinceName };
}

export interface InitInput {
  townshipCode: string;
  adminUsername: string;
  adminDisplayName: string;
  password: string;
}

/** First run: the township (from real division codes), its villages, and the administrator. */
export function initTownship(ctx: HandlerContext, input: InitInput): { township: Township; villageCount: number } {
  if (getTownship(ctx.db)) throw new ApiError('CONFLICT', '本机已完成初始化，不能再次创建乡镇');
  const div = ctx.divisions.township(input.townshipCode);
  if (!div) throw fieldError(['townshipCode'], `未找到代码为 ${input.townshipCode} 的乡镇（街道）`);

  const admin = createUser(ctx, {
    username: input.adminUsername,
    displayName: input.adminDisplayName,
    role: 'admin',
    password: input.password,
  });
  ctx.audit.user = admin;
  const by = actorId(ctx);
  const stamp = { createdAt: ctx.now, updatedAt: ctx.now, updatedBy: by };
  ctx.db
    .insert(township)
    .values({ id: newId(), ...stamp, ...div })
    .run();
  const found = ctx.divisions.villages(div.code);
  for (const v of found) {
    // Codes outside 001–399 exist (类似居委会/村委会); their kind follows the name.
    const kind = villageKindOf(v.code) ?? (v.name.endsWith('社区') ? 'community' : 'village');
    ctx.db
      .insert(villages)
      .values({ id: newId(), ...stamp, code: v.code, name: v.name, kind })
      .run();
  }
  seedCaseDefaults(ctx.db, ctx.now, by);
  return { township: getTownship(ctx.db)!, villageCount: found.length };
}
