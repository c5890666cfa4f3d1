/**
 * Code tables for person records. Political status and education use the national codes
 * (GB/T 4762-1984, GB/T 4658-2006) so county reports need no mapping; labels are the short forms
 * clerks write on rosters. Aliases map what real spreadsheets contain onto one code.
 */
import { compactCode } from '../text';

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

export const EMPLOYMENTS = ['full_time', 'part_time'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
export const EMPLOYMENT_LABELS: Record<Employment, string> = { full_time: '专职', part_time: '兼职' };

export const POLITICAL_STATUSES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  '01': '中共党员',
  '02': '中共预备党员',
  '03': '共青团员',
  '04': '民革党员',
  '05': '民盟盟员',
  '06': '民建会员',
  '07': '民进会员',
  '08': '农工党党员',
  '09': '致公党党员',
  '10': '九三学社社员',
  '11': '台盟盟员',
  '12': '无党派人士',
  '13': '群众',
};

/** 中共党员 and 中共预备党员 count as party members (在职党员进网格, 党员志愿队). */
export function isPartyMember(status: PoliticalStatus | null | undefined): boolean {
  return status === '01' || status === '02';
}

export const EDUCATIONS = ['10', '20', '30', '40', '60', '70', '80', '90'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS: Record<Education, string> = {
  '10': '研究生',
  '20': '大学本科',
  '30': '大学专科',
  '40': '中专',
  '60': '高中',
  '70': '初中',
  '80': '小学',
  '90': '其他',
};

function lookup<K extends string>(labels: Record<K, string>, aliases: Record<string, K>) {
  const table = new Map<string, K>();
  for (const [code, label] of Object.entries(labels) as [K, string][]) {
    table.set(label, code);
    table.set(code, code);
  }
  for (const [alias, code] of Object.entries(aliases)) table.set(alias, code);
  return (text: string): K | null => table.get(compactCode(text)) ?? null;
}

export const parseSex = lookup(SEX_LABELS, { 男性: 'male', 女性: 'female', M: 'male', F: 'female' });

export const parseEmployment = lookup(EMPLOYMENT_LABELS, {
  专: 'full_time',
  兼: 'part_time',
  专职网格员: 'full_time',
  兼职网格员: 'part_time',
});

export const parsePoliticalStatus = lookup(POLITICAL_STATUS_LABELS, {
  党员: '01',
  共产党员: '01',
  中国共产党党员: '01',
  中共正式党员: '01',
  预备党员: '02',
  中国共产党预备党员: '02',
  团员: '03',
  共青团: '03',
  中国共产主义青年团团员: '03',
  民革会员: '04',
  民主党派: '12',
  无党派: '12',
  无党派民主人士: '12',
  无: '13',
  普通群众: '13',
});

export const parseEducation = lookup(EDUCATION_LABELS, {
  博士: '10',
  硕士: '10',
  博士研究生: '10',
  硕士研究生: '10',
  研究生教育: '10',
  本科: '20',
  学士: '20',
  大专: '30',
  专科: '30',
  高职: '30',
  中等专科: '40',
  中职: '40',
  中技: '40',
  技校: '40',
  职高: '40',
  职业高中: '40',
  高中及同等学历: '60',
  普通高中: '60',
  小学及以下: '80',
  文盲: '90',
  半文盲: '90',
});
