import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { BUILDING_KINDS, VISIT_METHODS } from '../../../shared/fieldwork/codes';
import { cases } from '../cases/schema';
import { syncedColumns } from '../db/columns';
import { grids, villages } from '../org/schema';
import { persons } from '../people/schema';

/**
 * 入户走访. The phone is personal information, sealed like a person's (crypto/pii.ts); the
 * address is kept plain (a household's door, what the 登记表 prints and the clerk searches).
 * The indexes lead with the date because every list and count is a date range.
 */
export const householdVisits = sqliteTable(
  'household_visits',
  {
    ...syncedColumns,
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    gridId: text('grid_id')
      .notNull()
      .references(() => grids.id),
    visitorId: text('visitor_id')
      .notNull()
      .references(() => persons.id), // 走访人
    visitedOn: text('visited_on').notNull(),
    method: text('method', { enum: VISIT_METHODS }).notNull(),
    subjectName: text('subject_name').notNull(), // 走访对象 (户主或被访人)
    address: text('address').notNull(),
    phoneEnc: text('phone_enc'),
    householdSize: integer('household_size'),
    content: text('content').notNull(),
    issues: text('issues'), // 反映问题
    followUp: text('follow_up'), // 跟进情况
    caseId: text('case_id').references(() => cases.id), // the case it led to
  },
  // method and deleted_at ride along so a count over a year, by method too, stays inside the index
  // (the seed county: about 120,000 a year).
  (t) => [
    index('household_visits_day_idx').on(t.visitedOn, t.villageId, t.method, t.deletedAt),
    index('household_visits_village_idx').on(t.villageId, t.visitedOn, t.method, t.deletedAt),
    index('household_visits_grid_idx').on(t.gridId, t.visitedOn, t.method, t.deletedAt),
  ],
);

/** 楼院采集: one compound/building per village by name among live rows. */
export const buildings = sqliteTable(
  'buildings',
  {
    ...syncedColumns,
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    gridId: text('grid_id')
      .notNull()
      .references(() => grids.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    kind: text('kind', { enum: BUILDING_KINDS }).notNull(),
    buildingCount: integer('building_count').notNull(), // 楼栋数
    households: integer('households').notNull(),
    residents: integer('residents').notNull(),
    shops: integer('shops').notNull(), // 商户数
    propertyCompany: text('property_company'),
    safetyContactName: text('safety_contact_name'),
    safetyContactPhoneEnc: text('safety_contact_phone_enc'),
    longitude: real('longitude'),
    latitude: real('latitude'),
    collectedOn: text('collected_on').notNull(),
    collectorId: text('collector_id')
      .notNull()
      .references(() => persons.id), // 采集人
  },
  (t) => [
    uniqueIndex('buildings_village_name_live_uq')
      .on(t.villageId, t.name)
      .where(sql`deleted_at IS NULL`),
    index('buildings_day_idx').on(t.collectedOn, t.villageId, t.deletedAt),
    index('buildings_grid_idx').on(t.gridId, t.collectedOn, t.deletedAt),
  ],
);
