/**
 * One roster line → a person or every problem found in it (a clerk fixes a row once, not once
 * per error). The ID number is the authority: the 性别 and 出生日期 columns are only checked
 * against it.
 */
import {
  EDUCATION_LABELS,
  POLITICAL_STATUS_LABELS,
  SEX_LABELS,
  parseEducation,
  parseEmployment,
  parsePoliticalStatus,
  parseSex,
} from '../../../../shared/people/codes';
import { checkIdNumber } from '../../../../shared/people/id-number';
import { maskIdNumber } from '../../../../shared/people/mask';
import { checkPhone } from '../../../../shared/people/phone';
import { collapseSpaces, toHalfWidth } from '../../../../shared/text';
import { plainText, type Plain } from './cell-value';
import type { RosterField } from './columns';
import { readDate } from './date-value';
import type { RosterPerson } from './types';

export interface RowContext {
  /** `YYYY-MM-DD` in Asia/Shanghai. */
  today: string;
  date1904: boolean;
  defaultAreaCode?: string;
}

export type RowCells = Partial<Record<RosterField, Plain>>;

export type RowOutcome =
  | { ok: true; person: RosterPerson; notes: { field: RosterField; message: string }[] }
  | {
      ok: false;
      problems: { field: RosterField; message: string }[];
      idNumber: string | null;
      /** What the row shows, so the clerk can find it: the name as read, the ID number masked. */
      name: string | null;
      idNumberMasked: string | null;
    };

const MAX_NAME = 30;
const MAX_TEXT = 500;
const POLITICAL_HINT = `可填：${(['01', '02', '03', '13'] as const).map((c) => POLITICAL_STATUS_LABELS[c]).join('、')}等`;
const EDUCATION_HINT = `可填：${Object.values(EDUCATION_LABELS).join('、')}`;

export function parseRosterRow(cells: RowCells, ctx: RowContext): RowOutcome {
  const problems: { field: RosterField; message: string }[] = [];
  const notes: { field: RosterField; message: string }[] = [];
  const problem = (field: RosterField, message: string) => void problems.push({ field, message });
  const text = (field: RosterField) => plainText(cells[field] ?? null);

  const name = readName(text('name'));
  if (name.error) problem('name', name.error);

  const id = readIdNumber(cells.idNumber ?? null, ctx.today);
  if (!id.ok) problem('idNumber', id.reason);
  else if (id.value.legacy) notes.push({ field: 'idNumber', message: '15 位旧号码，已按 18 位保存' });
  const fromId = id.ok ? id.value : null;

  const sexText = text('sex');
  if (sexText) {
    const sex = parseSex(sexText);
    if (!sex) problem('sex', `应为“男”或“女”，实为“${sexText}”`);
    else if (fromId && sex !== fromId.sex) problem('sex', `与身份证号不符（按身份证号应为${SEX_LABELS[fromId.sex]}）`);
  }

  if (text('birthDate')) {
    const birth = readDate(cells.birthDate ?? null, ctx.date1904);
    if (!birth.ok) problem('birthDate', birth.reason);
    else if (fromId && !fromId.birthDate.startsWith(birth.value.iso)) {
      const expected = birth.value.precision === 'month' ? fromId.birthDate.slice(0, 7) : fromId.birthDate;
      problem('birthDate', `与身份证号不符（按身份证号应为 ${expected}）`);
    }
  }

  let phone: { value: string; kind: RosterPerson['phoneKind'] } | null = null;
  const phoneText = phoneCellText(cells.phone ?? null);
  if (phoneText) {
    if (/[、,，;；/]/.test(phoneText)) problem('phone', '只能填一个号码，其余号码请写在备注里');
    else {
      const check = checkPhone(phoneText, { defaultAreaCode: ctx.defaultAreaCode });
      if (check.ok) phone = { value: check.value.value, kind: check.value.kind };
      else problem('phone', check.reason);
    }
  }

  const employment = readCode(text('employment'), parseEmployment, '应为“专职”或“兼职”', 'employment', problem);
  const politicalStatus = readCode(
    text('politicalStatus'),
    parsePoliticalStatus,
    POLITICAL_HINT,
    'politicalStatus',
    problem,
  );
  const education = readCode(text('education'), parseEducation, EDUCATION_HINT, 'education', problem);

  let registeredOn: string | null = null;
  if (text('registeredOn')) {
    const reg = readDate(cells.registeredOn ?? null, ctx.date1904);
    if (!reg.ok) problem('registeredOn', reg.reason);
    else if (reg.value.precision === 'month') problem('registeredOn', '应写到日，例如 2026-01-05');
    else if (reg.value.iso > ctx.today) problem('registeredOn', `${reg.value.iso} 晚于今天`);
    else registeredOn = reg.value.iso;
  }

  const grid = toHalfWidth(text('grid')) || null;
  const address = text('address') || null;
  const remarks = text('remarks') || null;
  if (address && address.length > MAX_TEXT) problem('address', `不能超过 ${MAX_TEXT} 字`);
  if (remarks && remarks.length > MAX_TEXT) problem('remarks', `不能超过 ${MAX_TEXT} 字`);

  if (problems.length > 0 || !fromId) {
    const idText = toHalfWidth(text('idNumber')).replace(/\s+/g, '');
    return {
      ok: false,
      problems,
      idNumber: fromId?.id18 ?? null,
      name: name.value ? name.value.slice(0, MAX_NAME) : null,
      idNumberMasked: idText ? maskIdNumber(idText) : null,
    };
  }
  return {
    ok: true,
    notes,
    person: {
      grid,
      name: name.value,
      idNumber: fromId.id18,
      idLegacy: fromId.legacy,
      sex: fromId.sex,
      birthDate: fromId.birthDate,
      phone: phone?.value ?? null,
      phoneKind: phone?.kind ?? null,
      employment,
      politicalStatus,
      education,
      registeredOn,
      address,
      remarks,
    },
  };
}

/** Two-character names padded with U+3000 to line up with longer ones lose the padding; · stays. */
function readName(raw: string): { value: string; error?: string } {
  let s = collapseSpaces(raw);
  if (/[\u4e00-\u9fff]/.test(s)) s = s.replace(/\s+/g, '').replace(/[•・.．‧]/g, '·');
  if (s === '') return { value: s, error: '请填写' };
  if (/\d/.test(toHalfWidth(s))) return { value: s, error: '不能含数字' };
  if (s.length > MAX_NAME) return { value: s, error: `不能超过 ${MAX_NAME} 字` };
  return { value: s };
}

/** 18 digits in a number cell have already lost their last digits to Excel's 15-digit precision. */
function readIdNumber(p: Plain, today: string) {
  if (plainText(p) === '') return { ok: false as const, reason: '请填写' };
  if (typeof p === 'number' && p >= 1e15) {
    return {
      ok: false as const,
      reason: '单元格是数字格式，Excel 只保留 15 位有效数字，后几位已变成 0：请把该列设为“文本”后重新填写',
    };
  }
  return checkIdNumber(plainText(p), today);
}

/** A landline typed into a number cell loses its leading 0 (3496123456); put it back. */
function phoneCellText(p: Plain): string {
  const s = plainText(p);
  return typeof p === 'number' && !s.startsWith('1') ? `0${s}` : s;
}

function readCode<K>(
  value: string,
  parse: (s: string) => K | null,
  hint: string,
  field: RosterField,
  problem: (field: RosterField, message: string) => void,
): K | null {
  if (!value) return null;
  const code = parse(value);
  if (code === null) problem(field, `无法识别“${value}”，${hint}`);
  return code;
}
