/** Grid types (网格类型) and the size guidance of domain.md §1. */
export const GRID_TYPES = ['village', 'community', 'dedicated'] as const;
export type GridType = (typeof GRID_TYPES)[number];

export const GRID_TYPE_LABELS: Record<GridType, string> = {
  village: '村网格',
  community: '社区网格',
  dedicated: '专属网格',
};

/** What a 专属网格 covers. */
export const DEDICATED_KINDS = ['school', 'hospital', 'enterprise', 'park', 'government', 'other'] as const;
export type DedicatedKind = (typeof DEDICATED_KINDS)[number];

export const DEDICATED_KIND_LABELS: Record<DedicatedKind, string> = {
  school: '学校',
  hospital: '医院',
  enterprise: '企业',
  park: '园区',
  government: '机关大院',
  other: '其他',
};

export const GRID_HOUSEHOLDS_WARN = 500;
export const GRID_RESIDENTS_WARN = 2500;

/** Size warnings: past the guidance deserves a warning, never a refusal. */
export function gridSizeWarnings(households: number, residents: number): string[] {
  const warnings: string[] = [];
  if (households > GRID_HOUSEHOLDS_WARN) {
    warnings.push(`户数 ${households} 超过每个网格 ${GRID_HOUSEHOLDS_WARN} 户的规模指引，建议拆分网格`);
  }
  if (residents > GRID_RESIDENTS_WARN) {
    warnings.push(`人口 ${residents} 超过每个网格约 ${GRID_RESIDENTS_WARN} 人的规模指引，建议拆分网格`);
  }
  return warnings;
}
