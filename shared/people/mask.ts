/**
 * Masking by default (PIPL; GB/T 35273-2020 §3.14 de-identification in display): enough stays
 * visible to tell two records apart on screen and paper, not enough to identify anyone.
 * Names stay in full: a roster is useless without them.
 */
import { collapseSpaces } from '../text';
import { checkPhone } from './phone';

const HIDDEN = '****';

/**
 * `140621************`: the issuing area (the first 6 digits, where the number was issued, which
 * in a township is nearly everyone's anyway) and a star for each hidden digit. Screens show the
 * birth year and month and the sex beside it, so the hidden part must keep the day, the sequence and
 * the check digit all unknown: about 31 × 500 ≈ 15,000 numbers fit what is shown. Keeping the last
 * 4 digits as well would leave ten or so once the birth month and the check digit are used.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 6) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 6);
}

/** `180****1999` for a mobile; `0349-*****56` for a landline (area code and last 2 kept). */
export function maskPhone(phone: string): string {
  const check = checkPhone(phone);
  if (!check.ok) return maskFallback(phone.trim());
  const p = check.value;
  if (p.kind === 'mobile') return `${p.value.slice(0, 3)}****${p.value.slice(7)}`;
  const n = p.number!;
  return `${p.areaCode}-${'*'.repeat(n.length - 2)}${n.slice(-2)}`;
}

/** Something unparseable still must not leak: keep only the last 2 characters. */
function maskFallback(s: string): string {
  if (s.length <= 2) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 2) + s.slice(-2);
}

// One administrative unit at the start of an address: a short name and its level suffix.
// The lazy name keeps 市中区 whole and stops 朔州市山阴县 at 朔州市.
const UNIT_RE =
  /^([^\s\d省市县区旗镇乡村街路号组]{1,10}?|[^\s\d]{2,10}?)(特别行政区|自治区|自治州|自治县|自治旗|地区|林区|特区|省|市|盟|县|区|旗)/;
/** 区 endings that are places inside a county, not counties. */
const NOT_A_DISTRICT = /(小区|社区|园区|校区|景区|厂区|矿区|片区|住宅区|生活区|家属区|开发区|工业区)$/;

/**
 * Keeps the address down to its county/district (山西省朔州市山阴县) and hides the rest, with a
 * fixed number of stars so the length of the hidden part does not show either.
 */
export function maskAddress(address: string): string {
  const s = collapseSpaces(address);
  if (s === '') return '';
  let kept = 0;
  let level = 0; // 1 province, 2 prefecture, 3 county
  while (level < 3) {
    const m = UNIT_RE.exec(s.slice(kept));
    if (!m) break;
    const unit = m[0];
    const suffix = m[2]!;
    if (NOT_A_DISTRICT.test(unit)) break;
    let next: number;
    if (suffix === '省' || suffix === '自治区' || suffix === '特别行政区') next = 1;
    else if (suffix === '地区' || suffix === '自治州' || suffix === '盟') next = 2;
    // A 市 right after a prefecture is a county-level city (朔州市怀仁市); otherwise a prefecture
    // or a municipality (北京市).
    else if (suffix === '市') next = level >= 2 ? 3 : 2;
    else next = 3;
    if (next <= level) break;
    level = next;
    kept += unit.length;
  }
  if (kept === 0) return HIDDEN;
  return kept === s.length ? s : s.slice(0, kept) + HIDDEN;
}
