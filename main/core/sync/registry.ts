import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { caseAttachments, caseCategories, caseEmergencyReports, caseEvents, caseParties, cases } from '../cases/schema';
import { buildings, householdVisits } from '../fieldwork/schema';
import { grids, partyGroups, villages } from '../org/schema';
import { persons, posts, trainings } from '../people/schema';
import { township } from '../setup/schema';
import { workLogs } from '../worklogs/schema';

/**
 * The tables whose rows go to the county. A new domain table joins by being listed here; its
 * triggers, bundle lines and the county's mirror all follow from its drizzle definition.
 * Deliberately absent: users (password hashes never leave the machine) and audit_log (local record).
 */
// persons' sealed personal information travels readable inside the county-encrypted bundle (wire.ts).
export const SYNCED_TABLES: readonly SQLiteTable[] = [
  township,
  villages,
  grids,
  partyGroups,
  persons,
  posts,
  trainings,
  // Cases and their timelines are what the county supervises; the reporter's contact stays sealed
  // like persons' phones. Attachments go as metadata only (hash, name, size), not the files.
  cases,
  caseEvents,
  caseAttachments,
  // 当事人: the county's dispute ledger needs them; their numbers sealed like persons' (wire.ts).
  caseParties,
  // 突发事件 首报/续报/终报: the county must see them first (build.ts sends them ahead of the rest).
  caseEmergencyReports,
  // The categories name the codes the cases carry and their time limits.
  caseCategories,
  // 走访 and 楼院采集: the county's yearly 网格化服务管理 figures; the phones sealed like persons' (wire.ts).
  householdVisits,
  buildings,
  // 工作日志: 政策宣传, 社情民意 and 集中排查 the county counts.
  workLogs,
];

/** Tables that carry the synced columns but stay on this machine, named so the choice is explicit. */
// holidays: the national calendar as this machine counts deadlines; the county keeps its own.
// report_exports: who exported which form when is this machine's own record, like the audit log.
export const LOCAL_ONLY_TABLES = ['users', 'holidays', 'report_exports'] as const;

/** Columns a synced table must have (db/columns.ts): the county upserts by id and honours tombstones. */
export const REQUIRED_SYNC_COLUMNS = ['id', 'created_at', 'updated_at', 'updated_by', 'deleted_at'] as const;

export interface SyncedTableInfo {
  name: string;
  /** SQL column names with their declared SQL types, in definition order. */
  columns: { name: string; sqlType: string }[];
}

/** Name and columns of each synced table, checked to be fit for sync. */
export function syncedTableInfo(tables: readonly SQLiteTable[] = SYNCED_TABLES): SyncedTableInfo[] {
  return tables.map((table) => {
    const config = getTableConfig(table);
    const columns = config.columns.map((c) => ({ name: c.name, sqlType: c.getSQLType() }));
    const names = new Set(columns.map((c) => c.name));
    const missing = REQUIRED_SYNC_COLUMNS.filter((c) => !names.has(c));
    if (missing.length) throw new Error(`同步表 ${config.name} 缺少列：${missing.join('、')}`);
    // json_object() cannot carry a BLOB; a synced table keeps binary data elsewhere.
    const blob = columns.find((c) => c.sqlType === 'blob');
    if (blob) throw new Error(`同步表 ${config.name} 的列 ${blob.name} 是 BLOB，不能同步`);
    return { name: config.name, columns };
  });
}
