import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, makeTownship, PASSWORD, TOWNSHIP } from '../helpers/core';

type T = ReturnType<typeof makeTownship>;
let t: T | undefined;
afterEach(() => t?.core.close());

const message = (r: unknown) => JSON.stringify(r);

describe('passwords and logins an attacker would try', () => {
  it('refuses passwords of spaces, one repeated character, one kind of character, or the username', () => {
    t = makeTownship();
    const create = (username: string, password: string) =>
      t!.call('users.create', { username, displayName: '新用户', role: 'clerk', password }, t!.admin);
    for (const [password, reason] of [
      ['        ', '全是空格'],
      ['aaaaaaaa', '4 个不同的字符'],
      ['abababab', '4 个不同的字符'],
      ['password', '至少两类'],
      ['12345678', '至少两类'],
      ['wangxiao1', '用户名'],
    ] as const) {
      const r = create('wangxiao', password);
      expect(r.ok, password).toBe(false);
      expect(message(r), password).toContain(reason);
    }
    expect(t.count('users')).toBe(3);
    expect(create('wangxiao', 'Yujing#2026').ok).toBe(true);
    const [me] = t.ok<{ id: string; username: string }[]>('users.list', {}, t.admin).filter((u) => u.username === 'lu');
    expect(message(t.call('users.update', { id: me!.id, password: 'lu123456' }, t.admin))).toContain('用户名');
    expect(
      message(t.call('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'LU-pass-1' }, t.clerk)),
    ).toContain('用户名');
  });

  it('the first administrator is held to the same rule', () => {
    const c = makeCore();
    t = c as T;
    const r = c.call('setup.init', {
      townshipCode: TOWNSHIP,
      adminUsername: 'admin',
      adminDisplayName: '张主任',
      password: 'admin2026',
    });
    expect(message(r)).toContain('用户名');
    expect(c.count('users')).toBe(0);
  });

  it('a huge username is refused before it can reach the audit log', () => {
    t = makeTownship();
    const before = t.count('audit_log');
    const r = t.call('auth.login', { username: 'a'.repeat(900_000), password: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.count('audit_log')).toBe(before);
    const longest = t.core.deps.conn.sqlite
      .prepare('SELECT max(length(detail)) FROM audit_log')
      .pluck()
      .get() as number;
    expect(longest).toBeLessThan(10_000);
  });
});
