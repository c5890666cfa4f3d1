import { and, desc, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Post } from '../../../shared/api/people';
import { ApiError, fieldError } from '../../../shared/errors';
import type { Employment } from '../../../shared/people/codes';
import { POST_SCOPE, type AssistantKind, type InstructorKind, type PostType } from '../../../shared/people/posts';
import type { HandlerContext } from '../context';
import { grids, villages } from '../org/schema';
import { postLabel } from './labels';
import { persons, posts } from './schema';
import { checkDate, created, personRow, stamp } from './common';

const postGrid = alias(grids, 'post_grid');

function postQuery(ctx: HandlerContext, where: SQL | undefined) {
  return ctx.db
    .select({
      p: posts,
      personName: persons.name,
      villageName: villages.name,
      gridName: postGrid.name,
      gridCode: postGrid.code,
    })
    .from(posts)
    .innerJoin(persons, eq(persons.id, posts.personId))
    .innerJoin(villages, eq(villages.id, posts.villageId))
    .leftJoin(postGrid, eq(postGrid.id, posts.gridId))
    .where(and(isNull(posts.deletedAt), where));
}

type PostQueryRow = ReturnType<ReturnType<typeof postQuery>['all']>[number];

function toPost(r: PostQueryRow): Post {
  const p = r.p;
  return {
    id: p.id,
    personId: p.personId,
    personName: r.personName,
    type: p.type,
    villageId: p.villageId,
    villageName: r.villageName,
    gridId: p.gridId,
    gridName: r.gridName,
    gridCode: r.gridCode,
    employment: p.employment,
    assistantKind: p.assistantKind,
    instructorKind: p.instructorKind,
    startDate: p.startDate,
    endDate: p.endDate,
    label: postLabel({ ...p, villageName: r.villageName, gridName: r.gridName }),
  };
}

/** Every post of a person, current ones first, then by start date, newest first. */
export function listPosts(ctx: HandlerContext, personId: string): Post[] {
  const all = postQuery(ctx, eq(posts.personId, personId))
    .orderBy(desc(posts.startDate), desc(posts.id))
    .all()
    .map(toPost);
  return [...all.filter((p) => !p.endDate), ...all.filter((p) => p.endDate)];
}

/** Current (not ended) posts, as labels by person id; `null` = everybody. */
export function activePostLabels(ctx: HandlerContext, personIds: string[] | null): Map<string, string[]> {
  const where = and(isNull(posts.endDate), personIds ? inArray(posts.personId, personIds) : undefined);
  const map = new Map<string, string[]>();
  for (const r of postQuery(ctx, where).orderBy(posts.startDate, posts.id).all()) {
    const list = map.get(r.p.personId) ?? [];
    list.push(toPost(r).label);
    map.set(r.p.personId, list);
  }
  return map;
}

export function activePosts(ctx: HandlerContext, where: SQL): Post[] {
  return postQuery(ctx, and(isNull(posts.endDate), where))
    .orderBy(posts.startDate, posts.id)
    .all()
    .map(toPost);
}

function getPostById(ctx: HandlerContext, id: string): Post {
  const r = postQuery(ctx, eq(posts.id, id)).get();
  if (!r) throw new ApiError('NOT_FOUND', '该任职记录不存在或已删除');
  return toPost(r);
}

export interface PostInput {
  personId: string;
  type: PostType;
  villageId?: string;
  gridId?: string;
  employment?: Employment | null;
  assistantKind?: AssistantKind | null;
  instructorKind?: InstructorKind | null;
  startDate: string;
}

/** Where the post is held: a grid (网格员, 辅助员) or a village (网格长, 指导员); never a retired one. */
function placeOf(ctx: HandlerContext, input: PostInput): { villageId: string; gridId: string | null } {
  if (POST_SCOPE[input.type] === 'grid') {
    if (!input.gridId) throw fieldError(['gridId'], '请选择网格');
    const grid = ctx.db.select().from(grids).where(eq(grids.id, input.gridId)).get();
    if (!grid || grid.deletedAt) throw new ApiError('NOT_FOUND', '该网格不存在或已删除');
    if (grid.retiredAt) throw fieldError(['gridId'], `网格「${grid.name}」已撤销，不能再任职`);
    return { villageId: grid.villageId, gridId: grid.id };
  }
  if (!input.villageId) throw fieldError(['villageId'], '请选择村（社区）');
  const village = ctx.db.select().from(villages).where(eq(villages.id, input.villageId)).get();
  if (!village || village.deletedAt) throw new ApiError('NOT_FOUND', '该村（社区）不存在或已删除');
  if (village.retiredAt) throw fieldError(['villageId'], `${village.name}已撤销，不能再任职`);
  return { villageId: village.id, gridId: null };
}

/** Only the kind field of this post type is kept, and it is required. */
function kindsOf(input: PostInput) {
  const kinds = { employment: null, assistantKind: null, instructorKind: null } as {
    employment: Employment | null;
    assistantKind: AssistantKind | null;
    instructorKind: InstructorKind | null;
  };
  if (input.type === 'worker') {
    if (!input.employment) throw fieldError(['employment'], '请选择专职或兼职');
    kinds.employment = input.employment;
  } else if (input.type === 'assistant') {
    if (!input.assistantKind) throw fieldError(['assistantKind'], '请选择辅助员类别');
    kinds.assistantKind = input.assistantKind;
  } else if (input.type === 'instructor') {
    if (!input.instructorKind) throw fieldError(['instructorKind'], '请选择驻村干部或包村干部');
    kinds.instructorKind = input.instructorKind;
  }
  return kinds;
}

export function addPost(ctx: HandlerContext, input: PostInput): Post {
  const person = personRow(ctx, input.personId);
  const place = placeOf(ctx, input);
  const kinds = kindsOf(input);
  const startDate = checkDate(ctx, 'startDate', '任职日期', input.startDate);
  const samePlace = place.gridId ? eq(posts.gridId, place.gridId) : eq(posts.villageId, place.villageId);

  const twin = activePosts(ctx, and(eq(posts.personId, person.id), eq(posts.type, input.type), samePlace)!)[0];
  if (twin) throw fieldError(['type'], `${person.name}已是${twin.label}，不能重复任职`);
  if (input.type === 'head') {
    const head = activePosts(
      ctx,
      and(eq(posts.type, 'head'), eq(posts.villageId, place.villageId), ne(posts.personId, person.id))!,
    )[0];
    if (head) {
      throw fieldError(
        ['villageId'],
        `${head.villageName}已有网格长「${head.personName}」，每个村（社区）只设一名网格长，请先结束其任职`,
      );
    }
  }
  const values = { ...created(ctx), personId: person.id, type: input.type, ...place, ...kinds, startDate };
  ctx.db.insert(posts).values(values).run();
  return getPostById(ctx, values.id);
}

export function endPost(ctx: HandlerContext, input: { id: string; endDate: string }): Post {
  const post = getPostById(ctx, input.id);
  if (post.endDate) throw new ApiError('CONFLICT', `该任职已于 ${post.endDate} 结束`);
  const endDate = checkDate(ctx, 'endDate', '离任日期', input.endDate);
  if (endDate < post.startDate) throw fieldError(['endDate'], `离任日期不能早于任职日期 ${post.startDate}`);
  ctx.db
    .update(posts)
    .set({ endDate, ...stamp(ctx) })
    .where(eq(posts.id, post.id))
    .run();
  return getPostById(ctx, post.id);
}
