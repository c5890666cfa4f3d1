import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { syncState } from './schema';

export type SyncState = typeof syncState.$inferSelect;

/** The uploader's single state row, created on first use. */
export function readSyncState(db: Db): SyncState {
  const row = db.select().from(syncState).where(eq(syncState.id, 1)).get();
  if (row) return row;
  db.insert(syncState).values({ id: 1 }).onConflictDoNothing().run();
  return db.select().from(syncState).where(eq(syncState.id, 1)).get()!;
}

export function updateSyncState(db: Db, values: Partial<Omit<SyncState, 'id'>>): void {
  readSyncState(db);
  db.update(syncState).set(values).where(eq(syncState.id, 1)).run();
}

/** The county's address: http(s) only, checked so a typo is caught when it is set, not at upload. */
export function checkCountyUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`县级服务器地址不正确：${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('县级服务器地址应以 http:// 或 https:// 开头');
  if (url.search || url.hash) throw new Error('县级服务器地址不能带 ? 或 # 部分');
  return url.toString().replace(/\/+$/, '');
}
