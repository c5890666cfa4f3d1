import { afterEach, describe, expect, it } from 'vitest';
import { makeTownship, PASSWORD } from '../helpers/core';

const cleanups: (() => unknown)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('failed logins', () => {
  it('are recorded, and pause a username after 5 in 10 minutes until the window has passed', () => {
    let now = Date.parse('2026-11-27T08:00:00.000Z');
    const t = makeTownship({ clock: { now: () => new Date(now) } });
    cleanups.push(() => t.core.close());
    const attempt = (username: string, password: string) => t.call('auth.login', { username, password });
    const entries = (method: string, username: string) =>
      t.core.deps.conn.sqlite
        .prepare('SELECT user_id FROM audit_log WHERE method = ? AND username = ?')
        .pluck()
        .all(method, username);
    const luId = t.core.deps.conn.sqlite.prepare("SELECT id FROM users WHERE username = 'lu'").pluck().get();

    for (let i = 0; i < 4; i++) {
      expect(attempt('lu', 'wrong')).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' },
      });
      now += 30_000;
    }
    expect(entries('auth.loginFailed', 'lu')).toEqual([luId, luId, luId, luId]);
    expect(attempt('lu', PASSWORD).ok).toBe(true); // a success starts the count again
    now += 1000;
    for (let i = 0; i < 5; i++) {
      expect(attempt('lu', 'wrong').ok).toBe(false);
      now += 60_000;
    }
    // Five failures from 08:02:01 on: paused, even with the right password, until 08:12:01.
    const paused = attempt('lu', PASSWORD);
    expect(paused).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '账号 lu 连续 5 次登录失败，已暂停登录，请 5 分钟后再试' },
    });
    expect(entries('auth.loginBlocked', 'lu')).toHaveLength(1);
    expect(entries('auth.loginFailed', 'lu')).toHaveLength(9); // the paused attempt does not prolong the pause
    expect(attempt('shen', PASSWORD).ok).toBe(true); // per username

    now += 5 * 60_000 - 2000;
    expect(attempt('lu', PASSWORD).ok).toBe(false);
    now += 2000;
    expect(attempt('lu', PASSWORD).ok).toBe(true);

    // A name that does not exist is paused the same way (a guesser learns nothing from the difference).
    for (let i = 0; i < 5; i++) attempt('ghost', 'x');
    expect(entries('auth.loginFailed', 'ghost')).toEqual([null, null, null, null, null]);
    expect(attempt('ghost', 'x')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('已暂停登录') },
    });

    const log = t.ok<{ title: string; username: string }[]>('audit.list', { limit: 100 }, t.admin);
    expect(log.filter((e) => e.title === '登录失败' && e.username === 'lu')).toHaveLength(9);
    expect(log.some((e) => e.title === '登录被暂停（失败次数过多）')).toBe(true);
  });

  it('pause every account when one password is tried on many names, until an administrator unlocks', () => {
    let now = Date.parse('2026-11-27T08:00:00.000Z');
    const t = makeTownship({ clock: { now: () => new Date(now) } });
    cleanups.push(() => t.core.close());
    const attempt = (username: string, password: string) => t.call('auth.login', { username, password });
    for (let i = 0; i < 20; i++) {
      expect(attempt(`user${i}`, 'Spring2026!').ok).toBe(false);
      now += 5_000;
    }
    // No single name failed five times, yet every login waits now, the right password too.
    const paused = attempt('lu', PASSWORD);
    expect(paused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(JSON.stringify(paused)).toContain('已暂停所有账号登录');
    // The administrator at the machine lifts it (the CLI acts without a login).
    expect(t.core.dispatch({ method: 'users.unlock', input: {}, actor: 'cli' }).ok).toBe(true);
    now += 1000;
    expect(attempt('lu', PASSWORD).ok).toBe(true);
  });

  it('an administrator locked out by someone else is unlocked by name, and only that name', () => {
    let now = Date.parse('2026-11-27T08:00:00.000Z');
    const t = makeTownship({ clock: { now: () => new Date(now) } });
    cleanups.push(() => t.core.close());
    const attempt = (username: string, password: string) => t.call('auth.login', { username, password });
    now += 1000; // after the set-up's own logins
    for (const name of ['admin', 'shen']) {
      for (let i = 0; i < 5; i++) {
        expect(attempt(name, 'Guess-123').ok).toBe(false);
        now += 1000;
      }
    }
    expect(attempt('admin', PASSWORD).ok).toBe(false);
    expect(t.core.dispatch({ method: 'users.unlock', input: { username: 'admin' }, actor: 'cli' }).ok).toBe(true);
    now += 1000;
    expect(attempt('admin', PASSWORD).ok).toBe(true);
    expect(attempt('shen', PASSWORD).ok).toBe(false);
    // Only an administrator may unlock.
    expect(t.call('users.unlock', {}, t.clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
