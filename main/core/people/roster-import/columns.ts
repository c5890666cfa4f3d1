/**
 * Roster columns and the header names clerks actually use for them. Headers are matched by name
 * after normalising (full-width forms, inner spaces as in 姓名 padded with U+3000, required-field
 * stars, notes in brackets such as 出生日期（年月日）), so column order and decoration do not matter.
 */
import { compactCode } from '../../../../shared/text';

export const ROSTER_FIELDS = [
  'grid',
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'phone',
  'employment',
  'politicalStatus',
  'education',
  'registeredOn',
  'address',
  'remarks',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export interface ColumnSpec {
  /** The name used in messages when the file lacks the column. */
  label: string;
  names: readonly string[];
  required?: boolean;
}

export const ROSTER_COLUMNS: Record<RosterField, ColumnSpec> = {
  grid: { label: '网格', names: ['网格', '所属网格', '网格名称', '网格名', '所在网格'] },
  name: { label: '姓名', names: ['姓名', '网格员姓名', '名字'], required: true },
  idNumber: {
    label: '身份证号',
    names: ['身份证号', '身份证号码', '公民身份号码', '身份证', '身份证件号码'],
    required: true,
  },
  sex: { label: '性别', names: ['性别'] },
  birthDate: { label: '出生日期', names: ['出生日期', '出生年月', '出生年月日', '生日'] },
  phone: { label: '联系电话', names: ['联系电话', '手机号', '手机号码', '电话', '手机', '电话号码', '联系方式'] },
  employment: { label: '专兼职', names: ['专兼职', '专职或兼职', '专职/兼职', '专/兼职', '专兼职情况'] },
  politicalStatus: { label: '政治面貌', names: ['政治面貌'] },
  education: { label: '文化程度', names: ['文化程度', '学历'] },
  registeredOn: { label: '登记日期', names: ['登记日期', '入格日期', '登记时间'] },
  address: { label: '住址', names: ['住址', '家庭住址', '现住址', '居住地址', '地址'] },
  remarks: { label: '备注', names: ['备注'] },
};

/** Columns real rosters carry that the person record does not need: recognised, not imported. */
const KNOWN_UNUSED = ['序号', '编号', '年龄', '民族', '籍贯', '职务'];

const byName = new Map<string, RosterField>();
for (const field of ROSTER_FIELDS) for (const name of ROSTER_COLUMNS[field].names) byName.set(name, field);

export function normalizeHeader(text: string): string {
  return compactCode(text)
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/^\*+|\*+$|[:：]$/g, '');
}

/** A field, `'unused'` for a known column we skip, or null for a header we do not know. */
export function matchHeader(text: string): RosterField | 'unused' | null {
  const key = normalizeHeader(text);
  if (key === '') return null;
  return byName.get(key) ?? (KNOWN_UNUSED.includes(key) ? 'unused' : null);
}
