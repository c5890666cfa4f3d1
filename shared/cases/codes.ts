/** Code lists of a case (事件) that are not part of the loop: source, scale, urgency, quick filters. */

export const CASE_SOURCES = ['patrol', 'visit', 'hotline', 'transfer12345', 'walkIn', 'superior'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  patrol: '网格员巡查上报',
  visit: '入户走访',
  hotline: '群众来电/举报专线',
  transfer12345: '12345转办',
  walkIn: '群众来访',
  superior: '上级交办',
};

/** 事件规模, GB/T 31000 codes. */
export const CASE_SCALES = ['01', '02', '03'] as const;
export type CaseScale = (typeof CASE_SCALES)[number];
export const CASE_SCALE_LABELS: Record<CaseScale, string> = {
  '01': '个体性',
  '02': '一般群体性',
  '03': '重大群体性',
};

export const CASE_URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type CaseUrgency = (typeof CASE_URGENCIES)[number];
export const CASE_URGENCY_LABELS: Record<CaseUrgency, string> = {
  normal: '一般',
  urgent: '紧急',
  critical: '特急',
};

/** 调解方式 for dispute cases. */
export const MEDIATION_METHODS = ['people', 'administrative', 'judicial', 'joint', 'other'] as const;
export type MediationMethod = (typeof MEDIATION_METHODS)[number];
export const MEDIATION_METHOD_LABELS: Record<MediationMethod, string> = {
  people: '人民调解',
  administrative: '行政调解',
  judicial: '司法调解',
  joint: '联合调解',
  other: '其他',
};

/** The case list's quick filters (工作台 numbers click through to these). */
export const CASE_QUICK_FILTERS = ['mine', 'dueSoon', 'overdue', 'review', 'thisMonth'] as const;
export type CaseQuickFilter = (typeof CASE_QUICK_FILTERS)[number];
export const CASE_QUICK_FILTER_LABELS: Record<CaseQuickFilter, string> = {
  mine: '待我处理',
  dueSoon: '即将超期',
  overdue: '已超期',
  // Waiting on the reviewer (甄别, 延期 approval, 办结) whoever looks, so the admin sees it too.
  review: '待审核',
  thisMonth: '本月',
};

/** Which side of the centre a case waits for; 待我处理 matches it against the caller's role. */
export const AWAITING_ROLES = ['reviewer', 'clerk'] as const;
export type AwaitingRole = (typeof AWAITING_ROLES)[number];
