/**
 * 楼院采集: a compound or building per village by name (among live rows), its counts, property
 * company, safety contact (phone sealed + masked, audited reveal) and optional coordinates.
 */
import { and, asc, count, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Building, BuildingListInput } from '../../../shared/api/fieldwork';
import { roundCoordinate, type BuildingKind } from '../../../shared/fieldwork/codes';
import { ApiError, fieldError } from '../../../shared/errors';
import { maskPhone } from '../../../shared/people/mask';
import type { HandlerContext } from '../context';
import { grids, villages } from '../org/schema';
import { checkDate, created, stamp } from '../people/common';
import { persons } from '../people/schema';
import { checkPerson, checkPlace, sealedPhone } from './common';
import { buildingConditions } from './filters';
import { buildings } from './schema';

type BuildingRow = typeof buildings.$inferSelect;

export interface BuildingInput {
  villageId: string;
  gridId: string;
  name: string;
  address: string;
  kind: BuildingKind;
  buildingCount: number;
  households: number;
  residents: number;
  shops: number;
  propertyCompany: string | null;
  safetyContactName: string | null;
  longitude: number | null;
  latitude: number | null;
  collectedOn: string;
  collectorId: string;
  /** Left out on update: unchanged; null or empty: cleared. */
  safetyContactPhone?: string | null;
}

function buildingQuery(ctx: HandlerContext) {
  return ctx.db
    .select({ b: buildings, villageName: villages.name, gridName: grids.name, collectorName: persons.name })
    .from(buildings)
    .innerJoin(villages, eq(villages.id, buildings.villageId))
    .innerJoin(grids, eq(grids.id, buildings.gridId))
    .innerJoin(persons, eq(persons.id, buildings.collectorId));
}

type Joined = { b: BuildingRow; villageName: string; gridName: string; collectorName: string };

function toBuilding(ctx: HandlerContext, r: Joined): Building {
  const { b } = r;
  const phone = ctx.pii.decryptNullable(b.safetyContactPhoneEnc);
  return {
    id: b.id,
    villageId: b.villageId,
    villageName: r.villageName,
    gridId: b.gridId,
    gridName: r.gridName,
    name: b.name,
    address: b.address,
    kind: b.kind,
    buildingCount: b.buildingCount,
    households: b.households,
    residents: b.residents,
    shops: b.shops,
    propertyCompany: b.propertyCompany,
    safetyContactName: b.safetyContactName,
    safetyContactPhoneMasked: phone === null ? null : maskPhone(phone),
    longitude: b.longitude,
    latitude: b.latitude,
    collectedOn: b.collectedOn,
    collectorId: b.collectorId,
    collectorName: r.collectorName,
    updatedAt: b.updatedAt,
  };
}

function buildingRow(ctx: HandlerContext, id: string): BuildingRow {
  const row = ctx.db.select().from(buildings).where(eq(buildings.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该楼院记录不存在或已删除');
  return row;
}

export function getBuilding(ctx: HandlerContext, id: string): Building {
  buildingRow(ctx, id);
  return toBuilding(ctx, buildingQuery(ctx).where(eq(buildings.id, id)).get()!);
}

/** Latest collected first; the total counts the same conditions (filters.ts). */
export function listBuildings(ctx: HandlerContext, input: BuildingListInput): { rows: Building[]; total: number } {
  const where = buildingConditions(input);
  const rows = buildingQuery(ctx)
    .where(where)
    .orderBy(desc(buildings.collectedOn), asc(buildings.name), asc(buildings.id))
    .limit(input.limit)
    .offset(input.offset)
    .all()
    .map((r) => toBuilding(ctx, r));
  const total = ctx.db.select({ n: count() }).from(buildings).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** Names are unique per village among live rows, so the 统计表 never counts one compound twice. */
function checkName(ctx: HandlerContext, input: BuildingInput, selfId: string | null): void {
  const twin = ctx.db
    .select({ id: buildings.id })
    .from(buildings)
    .where(
      and(
        eq(buildings.villageId, input.villageId),
        eq(buildings.name, input.name),
        isNull(buildings.deletedAt),
        selfId ? ne(buildings.id, selfId) : undefined,
      ),
    )
    .get();
  if (twin) throw fieldError(['name'], `本村（社区）已登记名为「${input.name}」的小区/楼院，请勿重复采集`);
}

function fields(ctx: HandlerContext, input: BuildingInput, before: BuildingRow | null) {
  const collectedOn = checkDate(ctx, 'collectedOn', '采集日期', input.collectedOn);
  checkPlace(ctx, input, before, { path: 'collectedOn', label: '采集日期', value: collectedOn });
  checkPerson(ctx, input.collectorId, 'collectorId', '采集人');
  checkName(ctx, input, before?.id ?? null);
  return {
    villageId: input.villageId,
    gridId: input.gridId,
    name: input.name,
    address: input.address,
    kind: input.kind,
    buildingCount: input.buildingCount,
    households: input.households,
    residents: input.residents,
    shops: input.shops,
    propertyCompany: input.propertyCompany,
    safetyContactName: input.safetyContactName,
    longitude: input.longitude === null ? null : roundCoordinate(input.longitude),
    latitude: input.latitude === null ? null : roundCoordinate(input.latitude),
    collectedOn,
    collectorId: input.collectorId,
  };
}

const PHONE_LABEL = '安全联络人电话';

export function createBuilding(ctx: HandlerContext, input: BuildingInput): Building {
  const values = {
    ...created(ctx),
    ...fields(ctx, input, null),
    safetyContactPhoneEnc: sealedPhone(ctx, input.safetyContactPhone, 'safetyContactPhone', PHONE_LABEL),
  };
  ctx.db.insert(buildings).values(values).run();
  return getBuilding(ctx, values.id);
}

export function updateBuilding(ctx: HandlerContext, input: BuildingInput & { id: string }): Building {
  const before = buildingRow(ctx, input.id);
  const changes: Partial<BuildingRow> = { ...fields(ctx, input, before), ...stamp(ctx) };
  if (input.safetyContactPhone !== undefined) {
    changes.safetyContactPhoneEnc = sealedPhone(ctx, input.safetyContactPhone, 'safetyContactPhone', PHONE_LABEL);
  }
  ctx.db.update(buildings).set(changes).where(eq(buildings.id, before.id)).run();
  return getBuilding(ctx, before.id);
}

/** A tombstone; the name is free again for a new collection in the same village. */
export function deleteBuilding(ctx: HandlerContext, id: string): { id: string } {
  const before = buildingRow(ctx, id);
  ctx.db
    .update(buildings)
    .set({ deletedAt: ctx.now, ...stamp(ctx) })
    .where(eq(buildings.id, before.id))
    .run();
  return { id };
}

/** The safety contact's full phone, for 管理员 and 审核人; the dispatcher audits the call. */
export function revealBuilding(ctx: HandlerContext, id: string) {
  const row = buildingRow(ctx, id);
  ctx.audit.recordId = row.id;
  return {
    id: row.id,
    name: row.name,
    safetyContactName: row.safetyContactName,
    safetyContactPhone: ctx.pii.decryptNullable(row.safetyContactPhoneEnc),
  };
}
