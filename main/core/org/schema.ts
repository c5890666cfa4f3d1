import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { VILLAGE_KINDS } from '../../../shared/org/codes';
import { DEDICATED_KINDS, GRID_TYPES } from '../../../shared/org/grid';
import { syncedColumns } from '../db/columns';

/** 村/社区: 12-digit 统计用区划代码; retired codes are kept and never reused. */
export const villages = sqliteTable('villages', {
  ...syncedColumns,
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: VILLAGE_KINDS }).notNull(),
  retiredAt: text('retired_at'), // 已撤销
  /** Highest grid sequence ever issued here, so a sequence is never reused. */
  lastGridSeq: integer('last_grid_seq').notNull().default(0),
});

/** 网格: code = village code + 3-digit sequence. */
export const grids = sqliteTable(
  'grids',
  {
    ...syncedColumns,
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    code: text('code').notNull().unique(),
    seq: integer('seq').notNull(),
    type: text('type', { enum: GRID_TYPES }).notNull(),
    dedicatedKind: text('dedicated_kind', { enum: DEDICATED_KINDS }),
    name: text('name').notNull(),
    households: integer('households').notNull().default(0),
    residents: integer('residents').notNull().default(0),
    partyBranchName: text('party_branch_name'), // 网格党支部
    partyBranchSecretary: text('party_branch_secretary'), // 支部书记
    remarks: text('remarks'),
    retiredAt: text('retired_at'),
  },
  (t) => [uniqueIndex('grids_village_seq_uq').on(t.villageId, t.seq), index('grids_village_idx').on(t.villageId)],
);

/** 党小组 under a grid's party branch ("1+1+N"). */
export const partyGroups = sqliteTable(
  'party_groups',
  {
    ...syncedColumns,
    gridId: text('grid_id')
      .notNull()
      .references(() => grids.id),
    name: text('name').notNull(),
    leaderName: text('leader_name'),
    memberCount: integer('member_count').notNull().default(0),
  },
  (t) => [index('party_groups_grid_idx').on(t.gridId)],
);
