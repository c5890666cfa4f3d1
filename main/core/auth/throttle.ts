import type { HandlerContext } from '../context';

/** Audit-log methods of login attempts that did not succeed (not API methods, so titled here). */
export const LOGIN_FAILED = 'auth.loginFailed';
export const LOGIN_BLOCKED = 'auth.loginBlocked';
/** The contract method that lifts pauses; its audit row's input names the account, or none for all. */
const UNLOCK_METHOD = 'users.unlock';
export const LOGIN_AUDIT_TITLES: Record<string, string> = {
  [LOGIN_FAILED]: '登录失败',
  [LOGIN_BLOCKED]: '登录被暂停（失败次数过多）',
};

/** This many failures for one username within the window, with no success after them, pause it. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 10 * 60_000;
/** Failures over all usernames within the window that pause every login: one password tried on many names. */
export const MAX_SPRAY_FAILURES = 20;

/**
 * How long `username` must still wait before trying again (and whether every account is paused,
 * after failures over many names), or null. Counted from the audit log, so the
 * pause holds across restarts; attempts refused during a pause are logged apart and do not prolong it.
 */
export function loginPause(ctx: HandlerContext, username: string): { minutes: number; everyone: boolean } | null {
  const now = Date.parse(ctx.now);
  const since = new Date(now - LOGIN_WINDOW_MS).toISOString();
  const sqlite = ctx.conn.sqlite;
  // A success, or an unlock of this account or of all, starts the count again.
  const mine = sqlite
    .prepare(
      `SELECT at FROM audit_log
       WHERE method = ? AND username = ? AND at > ?
         AND at > coalesce((SELECT max(at) FROM audit_log
                            WHERE (method = 'auth.login' AND username = ?)
                               OR (method = ? AND coalesce(json_extract(detail, '$.username'), ?) = ?)
                               OR (method = ? AND json_extract(detail, '$.username') IS NULL)), '')
       ORDER BY at DESC LIMIT ?`,
    )
    .pluck()
    .all(
      LOGIN_FAILED,
      username,
      since,
      username,
      UNLOCK_METHOD,
      username,
      username,
      UNLOCK_METHOD,
      MAX_LOGIN_FAILURES,
    ) as string[];
  // Over all names: only an unlock of all accounts starts this count again.
  const all = sqlite
    .prepare(
      `SELECT at FROM audit_log
       WHERE method = ? AND at > ?
         AND at > coalesce((SELECT max(at) FROM audit_log
                            WHERE method = ? AND json_extract(detail, '$.username') IS NULL), '')
       ORDER BY at DESC LIMIT ?`,
    )
    .pluck()
    .all(LOGIN_FAILED, since, UNLOCK_METHOD, MAX_SPRAY_FAILURES) as string[];
  const waitFor = (failures: string[], max: number) =>
    failures.length < max ? 0 : Date.parse(failures[max - 1]!) + LOGIN_WINDOW_MS - now;
  const account = waitFor(mine, MAX_LOGIN_FAILURES);
  const everyone = waitFor(all, MAX_SPRAY_FAILURES);
  const wait = Math.max(account, everyone);
  return wait > 0 ? { minutes: Math.max(1, Math.ceil(wait / 60_000)), everyone: everyone > account } : null;
}
