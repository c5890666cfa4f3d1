import { describe, expect, it } from 'vitest';
import { checkPhone, isMobile } from '../../shared/people/phone';

const value = (raw: string, defaultAreaCode?: string) => {
  const r = checkPhone(raw, { defaultAreaCode });
  return r.ok ? r.value.value : `✗ ${r.reason}`;
};

describe('mobile numbers', () => {
  it('normalise separators, full-width digits and the country code', () => {
    for (const raw of [
      '13800138000',
      '138 0013 8000',
      '138-0013-8000',
      '１３８００１３８０００',
      '+86 138 0013 8000',
      '+8613800138000',
      '0086-13800138000',
      '(+86)13800138000',
      '8613800138000',
      ' 13800138000\u3000',
    ]) {
      expect(value(raw), raw).toBe('13800138000');
    }
    expect(checkPhone('18012341999')).toEqual({ ok: true, value: { kind: 'mobile', value: '18012341999' } });
  });

  it('accept every second digit from 3 to 9, and only those', () => {
    for (const d of '3456789') expect(isMobile(`1${d}012345678`)).toBe(true);
    expect(value('12012345678')).toBe('✗ 手机号第二位应为 3–9，实为 2');
    expect(value('11012345678')).toBe('✗ 手机号第二位应为 3–9，实为 1');
  });

  it('count the digits', () => {
    expect(value('1380013800')).toBe('✗ 手机号应为 11 位，实为 10 位');
    expect(value('138001380001')).toBe('✗ 手机号应为 11 位，实为 12 位');
  });

  it('refuse letters and extensions', () => {
    expect(value('1380013800O')).toBe('✗ 含无效字符“O”');
    expect(value('13800138000转12')).toBe('✗ 手机号不能带分机号');
  });
});

describe('landlines', () => {
  it('split the area code, with or without a separator', () => {
    expect(checkPhone('0349-6123456')).toEqual({
      ok: true,
      value: { kind: 'landline', value: '0349-6123456', areaCode: '0349', number: '6123456' },
    });
    for (const raw of [
      '03496123456',
      '0349 6123456',
      '(0349)6123456',
      '（0349）6123456',
      '0349－6123456',
      '0349—6123456',
    ]) {
      expect(value(raw), raw).toBe('0349-6123456');
    }
  });

  it('know the three-digit area codes 010 and 02x', () => {
    expect(value('01062345678')).toBe('010-62345678');
    expect(value('010-6234567')).toBe('010-6234567');
    expect(value('02087654321')).toBe('020-87654321');
    expect(value('023-61234567')).toBe('023-61234567');
  });

  it('keep an extension, however it is written', () => {
    for (const raw of [
      '0349-6123456转801',
      '0349-6123456-801',
      '0349-6123456 分机 801',
      '0349-6123456 ext.801',
      '0349-6123456#801',
    ]) {
      expect(value(raw), raw).toBe('0349-6123456转801');
    }
  });

  it('restore the trunk 0 after +86', () => {
    expect(value('+86 349 6123456')).toBe('0349-6123456');
    expect(value('+86-10-62345678')).toBe('010-62345678');
  });

  it('take a bare local number only when the township area code is known', () => {
    expect(value('6123456')).toBe('✗ 固定电话缺少区号');
    expect(value('6123456', '0349')).toBe('0349-6123456');
  });

  it('name what is wrong', () => {
    expect(value('0349-612345')).toBe('✗ 固定电话号码应为 7–8 位（不含区号），实为 6 位');
    expect(value('0349-612345678')).toBe('✗ 固定电话号码应为 7–8 位（不含区号），实为 9 位');
    expect(value('0349-0123456')).toBe('✗ 固定电话号码不能以 0 开头');
    expect(value('031-6123456')).toBe('✗ 区号无效：“031”');
    expect(value('0012-6123456')).toBe('✗ 区号无效：“0012”');
    expect(value('4008123123')).toBe('✗ 号码无法识别：手机号应以 1 开头，固定电话应以区号 0 开头');
    expect(value('')).toBe('✗ 请填写联系电话');
    expect(value('无')).toBe('✗ 含无效字符“无”');
  });
});
