import type { HandlerContext } from '../context';

/** Audit-log methods of login attempts that did not succeed (not API methods, so titled here). */
export const LOGIN_FAILED = 'auth.loginFailed';
export const LOGIN_BLOCKED = 'auth.loginBlocked';
export const LOGIN_AUDIT_TITLES: Record<string, string> = {
  [LOGIN_FAILED]: '登录失败',
  [LOGIN_BLOCKED]: '登录被暂停（失败次数过多）',
};

/** This many failures for one username within the window, with no success after them, pause it. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 10 * 60_000;

/**
 * Minutes `username` must still wait before trying again, or 0. Counted from the audit log, so the
 * pause holds across restarts; attempts refused during a pause are logged apart and do not prolong it.
 */
export function loginWaitMinutes(ctx: HandlerContext, username: string): number {
  const now = Date.parse(ctx.now);
  const since = new Date(now - LOGIN_WINDOW_MS).toISOString();
  const failures = ctx.conn.sqlite
    .prepare(
      `SELECT at FROM audit_log
       WHERE method = ? AND username = ? AND at > ?
         AND at > coalesce((SELECT max(at) FROM audit_log WHERE method = 'auth.login' AND username = ?), '')
       ORDER BY at DESC LIMIT ?`,
    )
    .pluck()
    .all(LOGIN_FAILED, username, since, username, MAX_LOGIN_FAILURES) as string[];
  if (failures.length < MAX_LOGIN_FAILURES) return 0;
  const freeAt = Date.parse(failures[MAX_LOGIN_FAILURES - 1]!) + LOGIN_WINDOW_MS;
  return Math.max(1, Math.ceil((freeAt - now) / 60_000));
}
