/**
 * Answers that confirm a sealed value (an ID number or phone someone typed is on file, and whose it
 * is) are lookups: each is written to the audit log — also when the call itself is refused and rolled
 * back — and a user may make only so many in a while, so sealed values cannot be found by trying
 * candidates. Counted from the audit log, so the limit holds across sessions and restarts.
 */
import { ApiError } from '../../../shared/errors';
import type { HandlerContext } from '../context';

/** The audit-log methods of lookups (not contract methods, so titled here). */
export const LOOKUP_METHODS = {
  idNumber: 'lookup.idNumber',
  phone: 'lookup.phone',
} as const;
export type LookupKind = keyof typeof LOOKUP_METHODS;

export const LOOKUP_AUDIT_TITLES: Record<string, string> = {
  [LOOKUP_METHODS.idNumber]: '按身份证号查找（查重）',
  [LOOKUP_METHODS.phone]: '按电话号码查找',
};

/** Lookups one user may make within the window; a clerk at the hotline needs far fewer. */
export const MAX_LOOKUPS = 30;
export const LOOKUP_WINDOW_MS = 10 * 60_000;

export interface SealedLookup {
  kind: LookupKind;
  /** Why the value was looked up: the method that asked. */
  via: string;
  /** How many values were checked, and the records they matched. */
  checked: number;
  matched: string[];
}

/**
 * Called before a handler answers from a sealed value: refuses when the caller has used up the
 * window, else notes the lookup for the dispatcher to write (in its own transaction, after the call).
 * `checked` values count once each; a roster preview of 500 rows is one lookup of 500.
 */
export function noteLookup(ctx: HandlerContext, kind: LookupKind, checked: number, matched: string[]): void {
  if (!ctx.user || checked === 0) return;
  const wait = lookupWaitMinutes(ctx);
  if (wait > 0) {
    throw new ApiError(
      'FORBIDDEN',
      `查询过于频繁：${LOOKUP_WINDOW_MS / 60_000} 分钟内最多核对 ${MAX_LOOKUPS} 个号码（名单导入按每次一批计），请 ${wait} 分钟后再试`,
    );
  }
  (ctx.audit.lookups ??= []).push({ kind, via: ctx.audit.method ?? '', checked, matched });
}

/** Minutes until the user may look up again (a batch counts as one lookup), or 0. */
function lookupWaitMinutes(ctx: HandlerContext): number {
  const now = Date.parse(ctx.now);
  const since = new Date(now - LOOKUP_WINDOW_MS).toISOString();
  const rows = ctx.conn.sqlite
    .prepare(`SELECT at FROM audit_log WHERE user_id = ? AND method IN (?, ?) AND at > ? ORDER BY at DESC LIMIT ?`)
    .pluck()
    .all(ctx.user!.id, LOOKUP_METHODS.idNumber, LOOKUP_METHODS.phone, since, MAX_LOOKUPS) as string[];
  if (rows.length < MAX_LOOKUPS) return 0;
  const freeAt = Date.parse(rows[MAX_LOOKUPS - 1]!) + LOOKUP_WINDOW_MS;
  return Math.max(1, Math.ceil((freeAt - now) / 60_000));
}
