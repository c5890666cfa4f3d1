import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, makeTownship, PASSWORD, TOWNSHIP } from '../helpers/core';

let close: () => void = () => {};
afterEach(() => close());

describe('first run and accounts', () => {
  it('reports setup state, lists real divisions, initialises once', () => {
    const t = makeCore();
    close = () => t.core.close();
    expect(t.ok('setup.status', {})).toEqual({ initialized: false, township: null });
    const counties = t.ok<{ code: string; name: string }[]>('setup.divisions', { parentCode: '1406' });
    expect(counties).toContainEqual({ code: '140621', name: '山阴县' });
    const bad = t.call('setup.init', {
      townshipCode: '999999999',
      adminUsername: 'admin',
      adminDisplayName: '甲',
      password: PASSWORD,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['townshipCode'] }] } });
    expect(t.count('users')).toBe(0);
    t.ok('setup.init', { townshipCode: TOWNSHIP, adminUsername: 'admin', adminDisplayName: '甲', password: PASSWORD });
    expect(t.ok('setup.status', {}).township).toMatchObject({ name: '玉井镇', countyName: '山阴县' });
    const again = t.call('setup.init', {
      townshipCode: TOWNSHIP,
      adminUsername: 'second',
      adminDisplayName: '乙',
      password: PASSWORD,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.count('users')).toBe(1);
  });

  it('stores scrypt hashes and refuses a wrong password with one message', () => {
    const t = makeTownship();
    close = () => t.core.close();
    const hash = t.core.deps.conn.sqlite
      .prepare("SELECT password_hash FROM users WHERE username='admin'")
      .pluck()
      .get() as string;
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain(PASSWORD);
    const wrong = t.call('auth.login', { username: 'admin', password: 'wrong-password' });
    const nobody = t.call('auth.login', { username: 'nobody', password: 'wrong-password' });
    expect(wrong).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    expect(nobody).toEqual(wrong);
  });

  it('checks roles on every method and needs a session for non-public ones', () => {
    const t = makeTownship();
    close = () => t.core.close();
    expect(t.call('org.listVillages', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(t.call('org.listVillages', {}, 'forged-token')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(t.call('users.list', {}, t.clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.call('audit.list', {}, t.clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.call('audit.list', {}, t.reviewer).ok).toBe(true);
    const v = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk)[0]!;
    expect(t.call('org.setVillageRetired', { id: v.id, retired: true }, t.clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(t.call('no.such', {}, t.admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('disabling a user ends their session; the last administrator cannot be demoted', () => {
    const t = makeTownship();
    close = () => t.core.close();
    const users = t.ok<{ id: string; username: string }[]>('users.list', {}, t.admin);
    const lu = users.find((u) => u.username === 'lu')!;
    const admin = users.find((u) => u.username === 'admin')!;
    t.ok('users.update', { id: lu.id, disabled: true }, t.admin);
    expect(t.call('auth.me', {}, t.clerk)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The same answer as a wrong password: a disabled account does not confirm its password.
    for (const password of [PASSWORD, 'wrong-password1']) {
      expect(t.call('auth.login', { username: 'lu', password })).toEqual({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' },
      });
    }
    expect(t.call('users.update', { id: admin.id, role: 'clerk' }, t.admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('writes an audit entry for every write, with passwords redacted, in the same transaction', () => {
    const t = makeTownship();
    close = () => t.core.close();
    const rows = t.core.deps.conn.sqlite
      .prepare('SELECT method, username, detail FROM audit_log ORDER BY id')
      .all() as {
      method: string;
      username: string;
      detail: string;
    }[];
    expect(rows.map((r) => r.method)).toEqual([
      'setup.init',
      'auth.login',
      'users.create',
      'users.create',
      'auth.login',
      'auth.login',
    ]);
    expect(rows.every((r) => !r.detail.includes(PASSWORD))).toBe(true);
    expect(rows[2]!.username).toBe('admin');
    const otherLogin = t.login('lu');
    t.ok('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'another-pass' }, t.clerk);
    expect(t.call('auth.me', {}, otherLogin)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(t.call('auth.changePassword', { oldPassword: 'bad', newPassword: 'another-pass2' }, t.clerk)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['oldPassword'] }] },
    });
    expect(t.count('audit_log')).toBe(8);
    // The clerk's other login ended with the password change; the one that changed it goes on.
    expect(t.call('auth.me', {}, t.clerk).ok).toBe(true);
    const listed = t.ok<{ method: string; recordLabel: string | null }[]>('audit.list', {}, t.admin);
    expect(listed.find((e) => e.method === 'users.create')!.recordLabel).toMatch(/^用户 (shen|lu)（/);
    expect(listed.find((e) => e.method === 'setup.init')!.recordLabel).toBeNull();
  });
});
