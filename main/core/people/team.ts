import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Gap, GridTeam, Post, TeamMember } from '../../../shared/api/people';
import { ApiError } from '../../../shared/errors';
import { maskPhone } from '../../../shared/people/mask';
import type { HandlerContext } from '../context';
import { grids, villages } from '../org/schema';
import { postKindLabel } from './labels';
import { activePosts } from './posts';
import { persons, posts } from './schema';

function member(ctx: HandlerContext, post: Post, phones: Map<string, string | null>): TeamMember {
  const phone = phones.get(post.personId) ?? null;
  return {
    postId: post.id,
    personId: post.personId,
    name: post.personName,
    phoneMasked: phone ? maskPhone(ctx.pii.decrypt(phone)) : null,
    kind: postKindLabel(post),
    startDate: post.startDate,
  };
}

/** A grid's "一长三员": its village's 网格长 and 指导员, its 网格员 and 辅助员, with counts. */
export function teamOfGrid(ctx: HandlerContext, gridId: string): GridTeam {
  const grid = ctx.db.select().from(grids).where(eq(grids.id, gridId)).get();
  if (!grid || grid.deletedAt) throw new ApiError('NOT_FOUND', '该网格不存在或已删除');
  const villagePosts = activePosts(ctx, eq(posts.villageId, grid.villageId));
  const ids = [...new Set(villagePosts.map((p) => p.personId))];
  const phones = new Map(
    ids.map((id) => [
      id,
      ctx.db.select({ p: persons.phoneEnc }).from(persons).where(eq(persons.id, id)).get()?.p ?? null,
    ]),
  );
  const pick = (f: (p: Post) => boolean) => villagePosts.filter(f).map((p) => member(ctx, p, phones));
  const workers = villagePosts.filter((p) => p.type === 'worker' && p.gridId === grid.id);
  const team = {
    gridId: grid.id,
    heads: pick((p) => p.type === 'head'),
    workers: pick((p) => p.type === 'worker' && p.gridId === grid.id),
    assistants: pick((p) => p.type === 'assistant' && p.gridId === grid.id),
    instructors: pick((p) => p.type === 'instructor'),
  };
  return {
    ...team,
    counts: {
      heads: team.heads.length,
      fullTime: workers.filter((p) => p.employment === 'full_time').length,
      partTime: workers.filter((p) => p.employment === 'part_time').length,
      assistants: team.assistants.length,
      instructors: team.instructors.length,
    },
  };
}

/**
 * 待完善: gaps in the teams and records, shown as a list to work through, never as errors.
 * Only villages with a grid in use need a 网格长 (a village without grids has no team yet).
 */
export function gaps(ctx: HandlerContext): Gap[] {
  const out: Gap[] = [];
  const liveGrids = ctx.db
    .select({ g: grids, v: villages })
    .from(grids)
    .innerJoin(villages, eq(villages.id, grids.villageId))
    .where(
      and(isNull(grids.deletedAt), isNull(grids.retiredAt), isNull(villages.deletedAt), isNull(villages.retiredAt)),
    )
    .orderBy(asc(grids.code))
    .all();
  const current = activePosts(ctx, isNull(posts.deletedAt));
  const heads = new Set(current.filter((p) => p.type === 'head').map((p) => p.villageId));
  const seenVillages = new Set<string>();
  for (const { v } of liveGrids) {
    if (seenVillages.has(v.id)) continue;
    seenVillages.add(v.id);
    if (!heads.has(v.id)) {
      out.push({
        kind: 'village_no_head',
        message: `${v.name}没有网格长`,
        villageId: v.id,
        gridId: null,
        personId: null,
      });
    }
  }
  for (const { g, v } of liveGrids) {
    const workers = current.filter((p) => p.type === 'worker' && p.gridId === g.id);
    const where = `${v.name}「${g.name}」（${g.code}）`;
    if (g.type === 'community' && !workers.some((p) => p.employment === 'full_time')) {
      out.push({
        kind: 'community_grid_no_full_time',
        message: `社区网格${where}没有专职网格员`,
        villageId: v.id,
        gridId: g.id,
        personId: null,
      });
    } else if (workers.length === 0) {
      out.push({
        kind: 'grid_no_worker',
        message: `网格${where}没有网格员`,
        villageId: v.id,
        gridId: g.id,
        personId: null,
      });
    }
  }
  const legacy = ctx.db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(and(isNull(persons.deletedAt), eq(persons.idLegacy, true)))
    .orderBy(asc(persons.name))
    .all();
  for (const p of legacy) {
    out.push({
      kind: 'legacy_id',
      message: `${p.name}的身份证号为 15 位旧号码，请核对后更新为 18 位`,
      villageId: null,
      gridId: null,
      personId: p.id,
    });
  }
  return out;
}
