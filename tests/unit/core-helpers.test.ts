import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../main/core/auth/password';
import { SessionStore } from '../../main/core/auth/sessions';
import { defaultDataDir } from '../../main/core/paths';
import { shortVillageName } from '../../main/core/setup/divisions';

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', () => {
    const a = hashPassword('正确的密码123');
    expect(verifyPassword('正确的密码123', a)).toBe(true);
    expect(verifyPassword('正确的密码124', a)).toBe(false);
    expect(hashPassword('正确的密码123')).not.toBe(a);
    expect(verifyPassword('x', 'not-a-hash')).toBe(false);
    // A planted hash with an empty digest or absurd costs never matches.
    expect(verifyPassword('anything', 'scrypt$16384$8$1$c2FsdA==$')).toBe(false);
    const [, , , , salt, digest] = a.split('$');
    expect(verifyPassword('正确的密码123', `scrypt$2$8$1$${salt}$${digest}`)).toBe(false);
  });
});

describe('sessions', () => {
  it('expire after 12 idle hours', () => {
    const s = new SessionStore();
    const token = s.create('u1', 0);
    expect(s.touch(token, 11 * 3600_000)).toBe('u1');
    expect(s.touch(token, 22 * 3600_000)).toBe('u1');
    expect(s.touch(token, 34 * 3600_000 + 1)).toBeNull();
  });
});

describe('village names', () => {
  it('shortens committee names to the names clerks use', () => {
    expect(shortVillageName('玉井村委会')).toBe('玉井村');
    expect(shortVillageName('福玉新村村委会')).toBe('福玉新村');
    expect(shortVillageName('多福巷社区居委会')).toBe('多福巷社区');
    expect(shortVillageName('东关居委会')).toBe('东关社区');
    expect(shortVillageName('某某村民委员会')).toBe('某某村');
  });
});

describe('data folder', () => {
  it('follows each platform convention', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('ZongzhiDesk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/ZongzhiDesk');
  });
});
