import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import type { EncodedBundle } from './bundle';
import { syncOutbox } from './schema';

export type OutboxRow = typeof syncOutbox.$inferSelect;

/** The oldest bundle not yet acknowledged (an 'uploading' one was cut off and goes again as is). */
export function nextUnsent(db: Db): OutboxRow | undefined {
  return db
    .select()
    .from(syncOutbox)
    .where(inArray(syncOutbox.status, ['pending', 'uploading']))
    .orderBy(asc(syncOutbox.seqFrom))
    .get();
}

export function enqueue(db: Db, b: EncodedBundle, now: string): OutboxRow {
  const row = {
    id: b.header.bundleId,
    seqFrom: b.header.seqFrom,
    seqTo: b.header.seqTo,
    changeCount: b.header.count,
    hash: b.hash,
    body: b.body,
    status: 'pending' as const,
    createdAt: now,
  };
  db.insert(syncOutbox).values(row).run();
  return { ...row, attempts: 0, lastError: null, ackedAt: null, receipt: null };
}

/** Recorded before the request goes out, so a crash mid-upload is visible and the same bytes go again. */
export function markUploading(db: Db, id: string): void {
  db.update(syncOutbox)
    .set({ status: 'uploading', attempts: sql`${syncOutbox.attempts} + 1` })
    .where(eq(syncOutbox.id, id))
    .run();
}

export function markAcked(db: Db, id: string, receipt: unknown, now: string): void {
  db.update(syncOutbox)
    .set({ status: 'acked', ackedAt: now, receipt: JSON.stringify(receipt), lastError: null })
    .where(eq(syncOutbox.id, id))
    .run();
}

export function markFailed(db: Db, id: string, error: string, rejected: boolean): void {
  db.update(syncOutbox)
    .set({ status: rejected ? 'rejected' : 'pending', lastError: error })
    .where(and(eq(syncOutbox.id, id), inArray(syncOutbox.status, ['pending', 'uploading'])))
    .run();
}

/** Every unacknowledged bundle is withdrawn, e.g. when the county says it expects another start. */
export function withdrawUnsent(db: Db, error: string): void {
  db.update(syncOutbox)
    .set({ status: 'rejected', lastError: error })
    .where(inArray(syncOutbox.status, ['pending', 'uploading']))
    .run();
}
