/**
 * Chinese phone numbers as clerks write them: mobiles (11 digits, 1[3-9], maybe +86/0086, maybe
 * split by spaces or dashes) and landlines (area code 010/02x or 0xxx, a 7–8 digit number, maybe
 * an extension). Normal forms: `13800138000`, `0349-6123456`, `0349-6123456转801`.
 */
import { toHalfWidth, trimAll } from '../text';

export type PhoneKind = 'mobile' | 'landline';

export interface PhoneInfo {
  kind: PhoneKind;
  /** The normal form, what gets stored. */
  value: string;
  /** Landlines only. */
  areaCode?: string;
  number?: string;
  extension?: string;
}

export type PhoneCheck = { ok: true; value: PhoneInfo } | { ok: false; reason: string };

export interface PhoneOptions {
  /** Area code to assume for a bare 7–8 digit local number, e.g. the township's `0349`. */
  defaultAreaCode?: string;
}

const MOBILE_RE = /^1[3-9]\d{9}$/;
/** 010 and 02x are the three-digit area codes; every other one is 0 + three digits from 03xx up. */
const AREA_RE = /^(?:010|02\d|0[3-9]\d\d)$/;
const SEPARATORS_RE = /[\s\-.()]+/;

export function checkPhone(raw: string, options: PhoneOptions = {}): PhoneCheck {
  // Unicode dashes (‐ – — −) typed by input methods count as '-'.
  let s = toHalfWidth(trimAll(raw)).replace(/[\u2010-\u2015\u2212]/g, '-');
  if (s === '') return fail('请填写联系电话');

  let extension: string | undefined;
  const ext = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i.exec(s);
  if (ext) {
    s = ext[1]!;
    extension = ext[2];
  }

  // Country code: +86, 0086, (+86); a bare 86 only in front of a whole mobile number.
  let international = false;
  const cc = /^\(?(?:\+|00)86\)?[\s-]*/.exec(s);
  if (cc) {
    s = s.slice(cc[0].length);
    international = true;
  } else if (/^86[\s-]*1[3-9](?:[\s-]*\d){9}$/.test(s)) {
    s = s.replace(/^86[\s-]*/, '');
  }

  const bad = /[^\d\s\-.()]/.exec(s);
  if (bad) return fail(`含无效字符“${bad[0]}”`);
  const groups = s.split(SEPARATORS_RE).filter(Boolean);
  if (groups.length === 0) return fail('请填写联系电话');
  // Abroad, the trunk 0 of an area code is dropped: +86 349 6123456, +86 10 62345678 (no mobile
  // starts with 10).
  const head = groups[0]!;
  if (international && !head.startsWith('0') && (!head.startsWith('1') || head.startsWith('10'))) {
    groups[0] = `0${head}`;
  }

  const digits = groups.join('');
  if (digits.startsWith('1')) {
    if (extension) return fail('手机号不能带分机号');
    if (digits.length !== 11) return fail(`手机号应为 11 位，实为 ${digits.length} 位`);
    if (!MOBILE_RE.test(digits)) return fail(`手机号第二位应为 3–9，实为 ${digits[1]}`);
    return { ok: true, value: { kind: 'mobile', value: digits } };
  }

  let area: string;
  let number: string;
  const first = groups[0]!;
  if (first.startsWith('0') && groups.length >= 2 && first.length <= 4) {
    // The clerk separated the area code; a third group after a full number is an extension.
    area = first;
    const rest = groups.slice(1);
    if (!extension && rest.length >= 2 && rest.slice(0, -1).join('').length >= 7) {
      extension = rest.pop();
    }
    number = rest.join('');
  } else if (digits.startsWith('0')) {
    const areaLength = /^(?:010|02)/.test(digits) ? 3 : 4;
    area = digits.slice(0, areaLength);
    number = digits.slice(areaLength);
  } else if (digits.length === 7 || digits.length === 8) {
    if (!options.defaultAreaCode) return fail('固定电话缺少区号');
    area = options.defaultAreaCode;
    number = digits;
  } else {
    return fail('号码无法识别：手机号应以 1 开头，固定电话应以区号 0 开头');
  }

  if (!AREA_RE.test(area)) return fail(`区号无效：“${area}”`);
  if (number.length < 7 || number.length > 8) {
    return fail(`固定电话号码应为 7–8 位（不含区号），实为 ${number.length} 位`);
  }
  if (number.startsWith('0') || number.startsWith('1')) return fail(`固定电话号码不能以 ${number[0]} 开头`);
  if (extension !== undefined && !/^\d{1,6}$/.test(extension)) return fail('分机号应为 1–6 位数字');
  const value = `${area}-${number}${extension ? `转${extension}` : ''}`;
  return { ok: true, value: { kind: 'landline', value, areaCode: area, number, ...(extension ? { extension } : {}) } };
}

export function isMobile(value: string): boolean {
  return MOBILE_RE.test(value);
}

function fail(reason: string): PhoneCheck {
  return { ok: false, reason };
}
