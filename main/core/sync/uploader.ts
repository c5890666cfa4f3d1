import type { CoreDeps } from '../context';
import { backoffMs } from './backoff';
import { buildNextBundle, type BundleLimits } from './build';
import { sendBundle, type FetchLike } from './county-client';
import { buildPriorityBundle } from './priority';
import { enqueue, markAcked, markFailed, markUploading, nextUnsent, withdrawUnsent } from './outbox';
import { readSyncState, updateSyncState } from './state';

export interface PushOptions {
  /** Ignore the back-off wait (立即上报, the CLI). */
  force?: boolean;
  /** The desktop app passes Electron's net.fetch, which goes through the system proxy. */
  fetch?: FetchLike;
  random?: () => number;
  limits?: BundleLimits;
  timeoutMs?: number;
}

export interface PushResult {
  sentBundles: number;
  sentChanges: number;
  /** Why the pass stopped before everything was sent (Chinese), or null. */
  error: string | null;
  nextAttemptAt: string | null;
  /** Changes the county has not acknowledged yet. */
  pendingChanges: number;
}

/** A county that keeps asking for another start is not converging; stop and report it. */
const MAX_RESUMES = 3;

/**
 * Sends everything the county has not acknowledged: first any bundle already in the outbox (same
 * bytes), then new ones from the log. Stops at the first failure and schedules the next attempt.
 */
/**
 * Unsent 突发事件 reports first, in a priority bundle of their own (sync/priority.ts). Best effort:
 * it is not kept in the outbox, since the regular stream carries the same changes anyway; a
 * failure here is left to the regular upload right after it, which meets the same network.
 */
async function pushPriority(
  deps: Pick<CoreDeps, 'conn' | 'clock' | 'keys' | 'pii'>,
  countyUrl: string,
  opts: PushOptions,
): Promise<void> {
  const { db, sqlite } = deps.conn;
  const src = { sqlite, keys: deps.keys, pii: deps.pii, now: () => deps.clock.now() };
  const bundle = await buildPriorityBundle(src, readSyncState(db).ackedSeq);
  if (!bundle) return;
  const row = { id: bundle.header.bundleId, body: bundle.body, hash: bundle.hash, seqTo: bundle.header.seqTo };
  await sendBundle(countyUrl, row, { fetch: opts.fetch, timeoutMs: opts.timeoutMs, priority: true });
}

export async function pushOnce(
  deps: Pick<CoreDeps, 'conn' | 'clock' | 'keys' | 'pii'>,
  opts: PushOptions = {},
): Promise<PushResult> {
  const { db, sqlite } = deps.conn;
  const now = () => deps.clock.now();
  const start = readSyncState(db);
  if (!start.countyUrl) throw new Error('尚未设置县级服务器地址');
  if (!deps.keys.countyKey()) throw new Error('尚未导入县综治中心的公钥');
  const pending = () =>
    sqlite.prepare('SELECT count(*) FROM change_log WHERE seq > ?').pluck().get(readSyncState(db).ackedSeq) as number;
  const result = (sentBundles: number, sentChanges: number, error: string | null): PushResult => {
    const s = readSyncState(db);
    return { sentBundles, sentChanges, error, nextAttemptAt: s.nextAttemptAt, pendingChanges: pending() };
  };
  if (!opts.force && start.haltedAt) return result(0, 0, start.lastError);
  if (!opts.force && start.nextAttemptAt && start.nextAttemptAt > now().toISOString()) {
    return result(0, 0, start.lastError);
  }
  // 立即上报 after a refusal is the operator's word that the cause was dealt with.
  if (start.haltedAt) updateSyncState(db, { haltedAt: null });

  let sent = 0;
  let changes = 0;
  let resumes = 0;
  const fail = (id: string, error: string, rejected: boolean) => {
    sqlite.transaction(() => {
      markFailed(db, id, error, rejected);
      const failures = readSyncState(db).failures + 1;
      if (rejected) {
        // Rebuilding the same changes would only be refused again: wait for a person instead.
        const halted = `${error}。已暂停自动上报，请联系县综治中心解决后点「立即上报」重试`;
        updateSyncState(db, { failures, nextAttemptAt: null, lastError: halted, haltedAt: now().toISOString() });
        return;
      }
      const next = new Date(now().getTime() + backoffMs(failures, opts.random)).toISOString();
      updateSyncState(db, { failures, nextAttemptAt: next, lastError: error });
    })();
    return result(sent, changes, readSyncState(db).lastError);
  };

  await pushPriority(deps, start.countyUrl, opts);
  for (;;) {
    let row = nextUnsent(db);
    if (!row) {
      const src = { sqlite, keys: deps.keys, pii: deps.pii, now };
      const bundle = await buildNextBundle(src, readSyncState(db).ackedSeq, opts.limits);
      if (!bundle) break;
      row = enqueue(db, bundle, now().toISOString());
    }
    markUploading(db, row.id);
    const outcome = await sendBundle(start.countyUrl, row, { fetch: opts.fetch, timeoutMs: opts.timeoutMs });
    if (outcome.kind === 'acked') {
      const at = now().toISOString();
      sqlite.transaction(() => {
        markAcked(db, row.id, outcome.receipt, at);
        updateSyncState(db, {
          ackedSeq: row.seqTo,
          failures: 0,
          nextAttemptAt: null,
          lastError: null,
          haltedAt: null,
          lastSuccessAt: at,
        });
      })();
      sent++;
      changes += row.changeCount;
    } else if (outcome.kind === 'resume') {
      const last = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number;
      if (outcome.expectedSeqFrom - 1 > last || ++resumes > MAX_RESUMES) {
        const why = `县级已接收到第 ${outcome.expectedSeqFrom - 1} 号变更，与本机记录（到第 ${last} 号）对不上，请联系县综治中心`;
        return fail(row.id, why, true);
      }
      sqlite.transaction(() => {
        withdrawUnsent(db, outcome.error);
        updateSyncState(db, { ackedSeq: outcome.expectedSeqFrom - 1 });
      })();
    } else {
      return fail(row.id, outcome.error, outcome.kind === 'rejected');
    }
  }
  updateSyncState(db, { failures: 0, nextAttemptAt: null, lastError: null });
  return result(sent, changes, null);
}
