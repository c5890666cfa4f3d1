/** Fixed lists of 走访 (field work): how a household was visited, what kind of place was collected. */

/** 走访方式 */
export const VISIT_METHODS = ['in_person', 'phone', 'video'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = {
  in_person: '入户',
  phone: '电话',
  video: '视频',
};

/** 楼院类型 */
export const BUILDING_KINDS = ['residential', 'old_compound', 'village', 'unit_compound', 'commercial'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];
export const BUILDING_KIND_LABELS: Record<BuildingKind, string> = {
  residential: '住宅小区',
  old_compound: '老旧楼院',
  village: '自然村落',
  unit_compound: '单位院落',
  commercial: '商业楼宇',
};

/** China's mainland and islands as a box (GCJ-02/WGS-84 differ by far less than its margin). */
export const CHINA_BOUNDS = { minLng: 73.5, maxLng: 135.1, minLat: 3.8, maxLat: 53.6 } as const;

/** Coordinates are kept to 6 decimals (about 0.1 m), what a phone's GPS reading is worth. */
export const roundCoordinate = (v: number) => Math.round(v * 1e6) / 1e6;
