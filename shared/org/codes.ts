/**
 * Administrative codes (统计用区划代码) and grid codes.
 * Township 9 digits; village/community 12 digits (digits 10–12: 001–199 社区, 200–399 村);
 * grid = village code + 3-digit sequence = 15 digits.
 */
export const TOWNSHIP_CODE_RE = /^\d{9}$/;
export const VILLAGE_CODE_RE = /^\d{12}$/;
export const GRID_CODE_RE = /^\d{15}$/;

export const VILLAGE_KINDS = ['community', 'village'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

export const VILLAGE_KIND_LABELS: Record<VillageKind, string> = {
  community: '社区',
  village: '村',
};

/** 社区 (居委会) for 001–199, 村 (村委会) for 200–399; other suffixes are not valid village codes. */
export function villageKindOf(code: string): VillageKind | null {
  if (!VILLAGE_CODE_RE.test(code)) return null;
  const n = Number(code.slice(9));
  if (n >= 1 && n <= 199) return 'community';
  if (n >= 200 && n <= 399) return 'village';
  return null;
}

export const GRID_SEQ_MAX = 999;

export function gridCode(villageCode: string, seq: number): string {
  return villageCode + String(seq).padStart(3, '0');
}
