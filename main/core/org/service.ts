import { and, asc, eq, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Grid, PartyGroup, PartyGroupPlace, Village } from '../../../shared/api/org';
import { ApiError, fieldError } from '../../../shared/errors';
import { GRID_SEQ_MAX, gridCode, villageKindOf, VILLAGE_KIND_LABELS } from '../../../shared/org/codes';
import { GRID_TYPE_LABELS, gridSizeWarnings, type DedicatedKind, type GridType } from '../../../shared/org/grid';
import { actorId, type HandlerContext } from '../context';
import { newId } from '../ids';
import { getTownship } from '../setup/service';
import { grids, partyGroups, villages } from './schema';

type VillageRow = typeof villages.$inferSelect;
type GridRow = typeof grids.$inferSelect;

const stamp = (ctx: HandlerContext) => ({ updatedAt: ctx.now, updatedBy: actorId(ctx) });
const created = (ctx: HandlerContext) => ({ id: newId(), createdAt: ctx.now, ...stamp(ctx) });

// ---- villages (村/社区) ----

const liveGridCount = sql<number>`(SELECT count(*) FROM grids g WHERE g.village_id = villages.id
  AND g.deleted_at IS NULL AND g.retired_at IS NULL)`;

function toVillage(row: VillageRow, gridCount: number): Village {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind, retiredAt: row.retiredAt, gridCount };
}

function villageRow(ctx: HandlerContext, id: string): VillageRow {
  const row = ctx.db.select().from(villages).where(eq(villages.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该村（社区）不存在或已删除');
  return row;
}

function getVillage(ctx: HandlerContext, id: string): Village {
  const r = ctx.db.select({ v: villages, n: liveGridCount }).from(villages).where(eq(villages.id, id)).get()!;
  return toVillage(r.v, r.n);
}

export function listVillages(ctx: HandlerContext, includeRetired: boolean): Village[] {
  const where = includeRetired
    ? isNull(villages.deletedAt)
    : and(isNull(villages.deletedAt), isNull(villages.retiredAt));
  return ctx.db
    .select({ v: villages, n: liveGridCount })
    .from(villages)
    .where(where)
    .orderBy(asc(villages.code))
    .all()
    .map((r) => toVillage(r.v, r.n));
}

export function createVillage(ctx: HandlerContext, input: { code: string; name: string }): Village {
  const township = getTownship(ctx.db);
  if (!township) throw new ApiError('CONFLICT', '尚未初始化乡镇');
  if (!input.code.startsWith(township.code)) {
    throw fieldError(['code'], `村（社区）代码的前 9 位应为本乡镇代码 ${township.code}`);
  }
  const kind = villageKindOf(input.code);
  if (!kind) throw fieldError(['code'], '村（社区）代码第 10–12 位应为 001–199（社区）或 200–399（村）');
  const existing = ctx.db.select().from(villages).where(eq(villages.code, input.code)).get();
  if (existing) {
    const state = existing.retiredAt ? '（已撤销，撤销的代码不能再用）' : '';
    throw fieldError(['code'], `代码 ${input.code} 已被 ${existing.name} 使用${state}`);
  }
  const values = { ...created(ctx), code: input.code, name: input.name, kind };
  ctx.db.insert(villages).values(values).run();
  return getVillage(ctx, values.id);
}

export function updateVillage(ctx: HandlerContext, input: { id: string; name: string }): Village {
  villageRow(ctx, input.id);
  ctx.db
    .update(villages)
    .set({ name: input.name, ...stamp(ctx) })
    .where(eq(villages.id, input.id))
    .run();
  return getVillage(ctx, input.id);
}

export function setVillageRetired(ctx: HandlerContext, input: { id: string; retired: boolean }): Village {
  const row = villageRow(ctx, input.id);
  if (input.retired) {
    const v = getVillage(ctx, row.id);
    if (v.gridCount > 0) throw new ApiError('CONFLICT', `${row.name}下还有 ${v.gridCount} 个在用网格，请先撤销网格`);
  }
  ctx.db
    .update(villages)
    .set({ retiredAt: input.retired ? (row.retiredAt ?? ctx.now) : null, ...stamp(ctx) })
    .where(eq(villages.id, row.id))
    .run();
  return getVillage(ctx, row.id);
}

// ---- grids (网格) ----

const partyGroupCount = sql<number>`(SELECT count(*) FROM party_groups p WHERE p.grid_id = grids.id
  AND p.deleted_at IS NULL)`;

function toGrid(g: GridRow, v: VillageRow, groupCount: number): Grid {
  return {
    id: g.id,
    villageId: g.villageId,
    villageCode: v.code,
    villageName: v.name,
    code: g.code,
    seq: g.seq,
    type: g.type,
    dedicatedKind: g.dedicatedKind,
    name: g.name,
    households: g.households,
    residents: g.residents,
    partyBranchName: g.partyBranchName,
    partyBranchSecretary: g.partyBranchSecretary,
    remarks: g.remarks,
    retiredAt: g.retiredAt,
    partyGroupCount: groupCount,
    updatedAt: g.updatedAt,
    warnings: gridSizeWarnings(g.households, g.residents),
  };
}

function gridQuery(ctx: HandlerContext, where: SQL | undefined) {
  return ctx.db
    .select({ g: grids, v: villages, n: partyGroupCount })
    .from(grids)
    .innerJoin(villages, eq(villages.id, grids.villageId))
    .where(and(isNull(grids.deletedAt), where))
    .orderBy(asc(grids.code));
}

function getGridById(ctx: HandlerContext, id: string): Grid {
  const r = gridQuery(ctx, eq(grids.id, id)).get();
  if (!r) throw new ApiError('NOT_FOUND', '该网格不存在或已删除');
  return toGrid(r.g, r.v, r.n);
}

export function listGrids(
  ctx: HandlerContext,
  input: { villageId?: string; search?: string; includeRetired: boolean },
): Grid[] {
  const conds: (SQL | undefined)[] = [];
  if (input.villageId) conds.push(eq(grids.villageId, input.villageId));
  if (!input.includeRetired) conds.push(isNull(grids.retiredAt));
  if (input.search) {
    const pat = `%${input.search.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    const contains = (col: AnyColumn) => sql`${col} LIKE ${pat} ESCAPE '\\'`;
    conds.push(
      or(contains(grids.name), contains(grids.code), contains(villages.name), contains(grids.partyBranchName)),
    );
  }
  return gridQuery(ctx, and(...conds))
    .all()
    .map((r) => toGrid(r.g, r.v, r.n));
}

export interface GridFields {
  type: GridType;
  dedicatedKind?: DedicatedKind | null;
  name: string;
  households: number;
  residents: number;
  partyBranchName: string | null;
  partyBranchSecretary: string | null;
  remarks: string | null;
}

/** 村网格 only in a 村, 社区网格 only in a 社区, 专属网格 in either and with its kind. */
function checkGridFields(village: VillageRow, f: GridFields): { dedicatedKind: DedicatedKind | null } {
  if (f.type !== 'dedicated' && f.type !== village.kind) {
    throw fieldError(
      ['type'],
      `${village.name}是${VILLAGE_KIND_LABELS[village.kind]}，不能设${GRID_TYPE_LABELS[f.type]}`,
    );
  }
  if (f.type === 'dedicated' && !f.dedicatedKind) throw fieldError(['dedicatedKind'], '请选择专属网格的类别');
  return { dedicatedKind: f.type === 'dedicated' ? f.dedicatedKind! : null };
}

function liveVillageForGrid(ctx: HandlerContext, villageId: string): VillageRow {
  const village = villageRow(ctx, villageId);
  if (village.retiredAt) throw new ApiError('CONFLICT', `${village.name}已撤销，不能在其下新增或恢复网格`);
  return village;
}

export function createGrid(ctx: HandlerContext, input: GridFields & { villageId: string }): Grid {
  const village = liveVillageForGrid(ctx, input.villageId);
  const { dedicatedKind } = checkGridFields(village, input);
  // Next sequence after the highest ever issued, so a retired or deleted grid's code is never reused.
  const seq = village.lastGridSeq + 1;
  if (seq > GRID_SEQ_MAX) throw new ApiError('CONFLICT', `${village.name}的网格编号已用完（最多 ${GRID_SEQ_MAX} 个）`);
  ctx.db
    .update(villages)
    .set({ lastGridSeq: seq, ...stamp(ctx) })
    .where(eq(villages.id, village.id))
    .run();
  const values = {
    ...created(ctx),
    villageId: village.id,
    code: gridCode(village.code, seq),
    seq,
    type: input.type,
    dedicatedKind,
    name: input.name,
    households: input.households,
    residents: input.residents,
    partyBranchName: input.partyBranchName,
    partyBranchSecretary: input.partyBranchSecretary,
    remarks: input.remarks,
  };
  ctx.db.insert(grids).values(values).run();
  return getGridById(ctx, values.id);
}

function gridRow(ctx: HandlerContext, id: string): GridRow {
  const row = ctx.db.select().from(grids).where(eq(grids.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该网格不存在或已删除');
  return row;
}

export function updateGrid(ctx: HandlerContext, input: GridFields & { id: string }): Grid {
  const row = gridRow(ctx, input.id);
  const { dedicatedKind } = checkGridFields(villageRow(ctx, row.villageId), input);
  ctx.db
    .update(grids)
    .set({
      type: input.type,
      dedicatedKind,
      name: input.name,
      households: input.households,
      residents: input.residents,
      partyBranchName: input.partyBranchName,
      partyBranchSecretary: input.partyBranchSecretary,
      remarks: input.remarks,
      ...stamp(ctx),
    })
    .where(eq(grids.id, row.id))
    .run();
  return getGridById(ctx, row.id);
}

export function setGridRetired(ctx: HandlerContext, input: { id: string; retired: boolean }): Grid {
  const row = gridRow(ctx, input.id);
  if (!input.retired) liveVillageForGrid(ctx, row.villageId);
  ctx.db
    .update(grids)
    .set({ retiredAt: input.retired ? (row.retiredAt ?? ctx.now) : null, ...stamp(ctx) })
    .where(eq(grids.id, row.id))
    .run();
  return getGridById(ctx, row.id);
}

export function getGrid(ctx: HandlerContext, id: string): { grid: Grid; partyGroups: PartyGroup[] } {
  const grid = getGridById(ctx, id);
  const groups = ctx.db
    .select()
    .from(partyGroups)
    .where(and(eq(partyGroups.gridId, id), isNull(partyGroups.deletedAt)))
    .orderBy(asc(partyGroups.createdAt))
    .all()
    .map(toPartyGroup);
  return { grid, partyGroups: groups };
}

// ---- party groups (党小组) ----

function toPartyGroup(p: typeof partyGroups.$inferSelect): PartyGroup {
  return { id: p.id, gridId: p.gridId, name: p.name, leaderName: p.leaderName, memberCount: p.memberCount };
}

/** Live groups of live grids, by village and grid code: what a party member can be placed in. */
export function listPartyGroups(ctx: HandlerContext): PartyGroupPlace[] {
  return ctx.db
    .select({ p: partyGroups, gridName: grids.name, villageId: villages.id, villageName: villages.name })
    .from(partyGroups)
    .innerJoin(grids, eq(grids.id, partyGroups.gridId))
    .innerJoin(villages, eq(villages.id, grids.villageId))
    .where(
      and(
        isNull(partyGroups.deletedAt),
        isNull(grids.deletedAt),
        isNull(grids.retiredAt),
        isNull(villages.deletedAt),
        isNull(villages.retiredAt),
      ),
    )
    .orderBy(asc(grids.code), asc(partyGroups.createdAt), asc(partyGroups.id))
    .all()
    .map((r) => ({ ...toPartyGroup(r.p), gridName: r.gridName, villageId: r.villageId, villageName: r.villageName }));
}

export function savePartyGroup(
  ctx: HandlerContext,
  input: { id?: string; gridId: string; name: string; leaderName: string | null; memberCount: number },
): PartyGroup {
  const grid = gridRow(ctx, input.gridId);
  if (grid.retiredAt) throw new ApiError('CONFLICT', '该网格已撤销，不能修改其党小组');
  const fields = { name: input.name, leaderName: input.leaderName, memberCount: input.memberCount };
  let id = input.id;
  if (id) {
    const existing = ctx.db.select().from(partyGroups).where(eq(partyGroups.id, id)).get();
    if (!existing || existing.deletedAt || existing.gridId !== grid.id) {
      throw new ApiError('NOT_FOUND', '该党小组不存在或已删除');
    }
    ctx.db
      .update(partyGroups)
      .set({ ...fields, ...stamp(ctx) })
      .where(eq(partyGroups.id, id))
      .run();
  } else {
    const values = { ...created(ctx), gridId: grid.id, ...fields };
    id = values.id;
    ctx.db.insert(partyGroups).values(values).run();
  }
  return toPartyGroup(ctx.db.select().from(partyGroups).where(eq(partyGroups.id, id)).get()!);
}

export function deletePartyGroup(ctx: HandlerContext, id: string): void {
  const existing = ctx.db.select().from(partyGroups).where(eq(partyGroups.id, id)).get();
  if (!existing || existing.deletedAt) throw new ApiError('NOT_FOUND', '该党小组不存在或已删除');
  ctx.db
    .update(partyGroups)
    .set({ deletedAt: ctx.now, ...stamp(ctx) })
    .where(eq(partyGroups.id, id))
    .run();
  ctx.audit.recordId = id;
}
