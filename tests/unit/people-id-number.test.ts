import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, normalizeIdNumber, upgradeLegacyId } from '../../shared/people/id-number';

const TODAY = '2026-06-01';
const withCheck = (first17: string) => first17 + idCheckChar(first17);
const reason = (raw: string, today = TODAY) => {
  const r = checkIdNumber(raw, today);
  return r.ok ? null : r.reason;
};

describe('GB 11643 ID numbers: the standard’s own examples', () => {
  it('accepts 11010519491231002X and derives birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: {
        id18: '11010519491231002X',
        entered: '11010519491231002X',
        legacy: false,
        addressCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
      },
    });
  });

  it('computes the check characters of both examples (…002 → X, 440524188001010014 → 4)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('refuses 440524188001010014 anyway: its birth year 1880 is before 1900', () => {
    expect(reason('440524188001010014')).toBe('出生日期无效：1880-01-01 早于 1900 年');
  });
});

describe('GB 11643 ID numbers: normalisation', () => {
  it('accepts lowercase x, full-width characters and stray spaces', () => {
    for (const raw of [
      '11010519491231002x',
      '１１０１０５１９４９１２３１００２Ｘ',
      ' 110105 19491231 002X\u3000',
      '１１０１０５１９４９１２３１００２ｘ',
    ]) {
      const r = checkIdNumber(raw, TODAY);
      expect(r.ok && r.value.id18, raw).toBe('11010519491231002X');
    }
    expect(normalizeIdNumber(' 1101０５19491231002x ')).toBe('11010519491231002X');
  });
});

describe('GB 11643 ID numbers: sex and dates', () => {
  it('derives the sex from the parity of the 17th digit', () => {
    const male = checkIdNumber(withCheck('14062119800101123'), TODAY);
    const female = checkIdNumber(withCheck('14062119800101124'), TODAY);
    expect(male.ok && male.value.sex).toBe('male');
    expect(female.ok && female.value.sex).toBe('female');
  });

  it('takes 29 February only in leap years, and 1900 was not one', () => {
    expect(checkIdNumber(withCheck('14062120000229123'), TODAY).ok).toBe(true);
    expect(reason(withCheck('14062119990229123'))).toBe('出生日期无效：19990229 不是真实的日期');
    expect(reason(withCheck('14062119000229123'))).toBe('出生日期无效：19000229 不是真实的日期');
  });

  it('refuses impossible months and days', () => {
    expect(reason(withCheck('14062119801301123'))).toBe('出生日期无效：19801301 不是真实的日期');
    expect(reason(withCheck('14062119800431123'))).toBe('出生日期无效：19800431 不是真实的日期');
    expect(reason(withCheck('14062119800000123'))).toBe('出生日期无效：19800000 不是真实的日期');
  });

  it('bounds the birth date by 1900-01-01 and today, both included', () => {
    expect(checkIdNumber(withCheck('14062119000101123'), TODAY).ok).toBe(true);
    expect(reason(withCheck('14062118991231123'))).toBe('出生日期无效：1899-12-31 早于 1900 年');
    expect(checkIdNumber(withCheck('14062120260601123'), TODAY).ok).toBe(true);
    expect(reason(withCheck('14062120260602123'))).toBe('出生日期无效：2026-06-02 晚于今天');
  });
});

describe('GB 11643 ID numbers: failures name their reason', () => {
  it('names the expected check character', () => {
    expect(reason('110105194912310020')).toBe('校验位错误，应为 X');
    expect(reason('440524188001010015', '2026-06-01')).toBe('出生日期无效：1880-01-01 早于 1900 年');
    const good = withCheck('14062119850612201');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(reason(wrong)).toBe(`校验位错误，应为 ${good[17]}`);
  });

  it('catches every swap of two adjacent digits, the commonest typing slip', () => {
    const good = '11010519491231002X';
    for (let i = 0; i < 16; i++) {
      if (good[i] === good[i + 1]) continue;
      const swapped = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
      expect(checkIdNumber(swapped, TODAY).ok, swapped).toBe(false);
    }
  });

  it('counts the digits', () => {
    expect(reason('1101051949123100')).toBe('位数不对：应为 18 位（旧证 15 位），实为 16 位');
    expect(reason('11010519491231002')).toBe('位数不对：应为 18 位（旧证 15 位），实为 17 位');
    expect(reason('11010519491231002X1')).toBe('位数不对：应为 18 位（旧证 15 位），实为 19 位');
  });

  it('names a character that is not a digit', () => {
    expect(reason('11010519491231OO2X')).toBe('含非数字字符“O”');
    expect(reason('110105-19491231-002X')).toBe('含非数字字符“-”');
    expect(reason('1101051949123100X2')).toBe('含非数字字符“X”：X 只能是 18 位号码的最后一位');
    expect(reason('13050367040100X')).toBe('含非数字字符“X”：X 只能是 18 位号码的最后一位');
  });

  it('refuses address codes outside any province', () => {
    expect(reason(withCheck('00010519491231002'))).toBe('地址码无效：前两位“00”不是省级行政区划代码');
    expect(reason(withCheck('99010519491231002'))).toBe('地址码无效：前两位“99”不是省级行政区划代码');
  });

  it('asks for a number when there is none', () => {
    expect(reason('')).toBe('请填写身份证号');
    expect(reason(' \u3000 ')).toBe('请填写身份证号');
  });
});

describe('legacy 15-digit numbers', () => {
  it('accepts, flags and upgrades them (130503670401001 → 130503196704010016)', () => {
    expect(upgradeLegacyId('130503670401001')).toBe('130503196704010016');
    expect(checkIdNumber('130503670401001', TODAY)).toEqual({
      ok: true,
      value: {
        id18: '130503196704010016',
        entered: '130503670401001',
        legacy: true,
        addressCode: '130503',
        birthDate: '1967-04-01',
        sex: 'male',
      },
    });
  });

  it('reads the sex from the 15th digit and checks the date with the 19 prefix', () => {
    const r = checkIdNumber('140621800229002', TODAY);
    expect(r.ok && [r.value.birthDate, r.value.sex, r.value.id18.length]).toEqual(['1980-02-29', 'female', 18]);
    expect(reason('140621810229002')).toBe('出生日期无效：19810229 不是真实的日期');
  });

  it('produces upgraded numbers that pass the 18-digit check', () => {
    for (const old of ['130503670401001', '140621800229002', '110105491231002']) {
      expect(checkIdNumber(upgradeLegacyId(old), TODAY).ok, old).toBe(true);
    }
  });
});
