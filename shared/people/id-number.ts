/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male), check character. The legacy 15-digit form (address, yyMMdd of 19yy, sequence,
 * no check character) is still on old records: accepted, flagged, and upgraded to 18 digits.
 */
import { isRealDate, isoDate, shanghaiDateIso } from '../dates';
import { compactCode } from '../text';
import type { Sex } from './codes';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** First two digits of every GB/T 2260 province-level code (81 港, 82 澳, 83 台 residence permits). */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '),
);

export interface IdNumberInfo {
  /** Always 18 characters; a legacy number is upgraded with its computed check character. */
  id18: string;
  /** What the clerk typed, normalised: 18 or 15 characters. */
  entered: string;
  /** Entered as a 15-digit legacy number. */
  legacy: boolean;
  addressCode: string;
  /** ISO `YYYY-MM-DD`. */
  birthDate: string;
  sex: Sex;
}

export type IdNumberCheck = { ok: true; value: IdNumberInfo } | { ok: false; reason: string };

/** Trim, full-width → half-width, no inner spaces, lowercase x → X. */
export function normalizeIdNumber(raw: string): string {
  return compactCode(raw).toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idCheckChar expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** 15-digit legacy number → 18 digits: insert the century 19, append the check character. */
export function upgradeLegacyId(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new Error('upgradeLegacyId expects 15 digits');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/**
 * Validates an ID number and derives birth date and sex. `today` (`YYYY-MM-DD`, Asia/Shanghai)
 * bounds the birth date; every failure carries a reason a clerk can act on.
 */
export function checkIdNumber(raw: string, today: string = shanghaiDateIso(new Date())): IdNumberCheck {
  const s = normalizeIdNumber(raw);
  if (s === '') return fail('请填写身份证号');

  const bad = /[^0-9X]/.exec(s);
  if (bad) return fail(`含非数字字符“${bad[0]}”`);
  if (s.length !== 18 && s.length !== 15) return fail(`位数不对：应为 18 位（旧证 15 位），实为 ${s.length} 位`);
  const x = s.indexOf('X');
  if (x !== -1 && x !== 17) return fail('含非数字字符“X”：X 只能是 18 位号码的最后一位');

  const legacy = s.length === 15;
  const province = s.slice(0, 2);
  if (!PROVINCES.has(province)) return fail(`地址码无效：前两位“${province}”不是省级行政区划代码`);

  const dateDigits = legacy ? `19${s.slice(6, 12)}` : s.slice(6, 14);
  const y = Number(dateDigits.slice(0, 4));
  const m = Number(dateDigits.slice(4, 6));
  const d = Number(dateDigits.slice(6, 8));
  if (!isRealDate(y, m, d)) return fail(`出生日期无效：${dateDigits} 不是真实的日期`);
  const birthDate = isoDate(y, m, d);
  if (y < 1900) return fail(`出生日期无效：${birthDate} 早于 1900 年`);
  if (birthDate > today) return fail(`出生日期无效：${birthDate} 晚于今天`);

  let id18 = s;
  if (legacy) {
    id18 = upgradeLegacyId(s);
  } else {
    const expected = idCheckChar(s.slice(0, 17));
    if (s[17] !== expected) return fail(`校验位错误，应为 ${expected}`);
  }
  const sequenceDigit = Number(id18[16]);
  return {
    ok: true,
    value: {
      id18,
      entered: s,
      legacy,
      addressCode: s.slice(0, 6),
      birthDate,
      sex: sequenceDigit % 2 === 1 ? 'male' : 'female',
    },
  };
}

function fail(reason: string): IdNumberCheck {
  return { ok: false, reason };
}
