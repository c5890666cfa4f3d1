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

/**
 * 调解方式 for dispute cases, as offices list them. `joint` (联合调解) and `other` were offered before
 * and stay readable on old cases (MEDIATION_METHOD_LABELS) but are no longer offered.
 */
export const MEDIATION_METHODS = [
  'people',
  'administrative',
  'publicSecurity',
  'professional',
  'lawyer',
  'preLitigation',
  'judicial',
] as const;
export const LEGACY_MEDIATION_METHODS = ['joint', 'other'] as const;
export type MediationMethod = (typeof MEDIATION_METHODS)[number] | (typeof LEGACY_MEDIATION_METHODS)[number];
export const MEDIATION_METHOD_LABELS: Record<MediationMethod, string> = {
  people: '人民调解',
  administrative: '行政调解',
  publicSecurity: '治安调解',
  professional: '行业性专业性调解',
  lawyer: '律师调解',
  preLitigation: '诉前调解',
  judicial: '司法调解',
  joint: '联合调解',
  other: '其他',
};

/** 调解结果: only 调解成功 counts as 化解. */
export const MEDIATION_RESULTS = ['success', 'failure', 'terminated'] as const;
export type MediationResult = (typeof MEDIATION_RESULTS)[number];
export const MEDIATION_RESULT_LABELS: Record<MediationResult, string> = {
  success: '调解成功',
  failure: '调解不成',
  terminated: '终止调解',
};

/** The level a dispute was mediated at: the columns of the 矛盾纠纷排查化解情况表. */
export const MEDIATION_LEVELS = ['township', 'village'] as const;
export type MediationLevel = (typeof MEDIATION_LEVELS)[number];
export const MEDIATION_LEVEL_LABELS: Record<MediationLevel, string> = {
  township: '乡镇（街道）',
  village: '村（社区）',
};

/** Why a dispute is 重大矛盾纠纷 (a flag on the case, not the 事件规模). */
export const MAJOR_DISPUTE_GROUNDS = ['amount', 'escalation', 'stability', 'crowd'] as const;
export type MajorDisputeGround = (typeof MAJOR_DISPUTE_GROUNDS)[number];
export const MAJOR_DISPUTE_GROUND_LABELS: Record<MajorDisputeGround, string> = {
  amount: '涉及金额较大',
  escalation: '有激化风险',
  stability: '影响社会稳定',
  crowd: '涉及人数众多',
};
export const majorGroundsText = (grounds: readonly MajorDisputeGround[]) =>
  grounds.map((g) => MAJOR_DISPUTE_GROUND_LABELS[g]).join('、');

/** 发现人: a member of the grid team (a person row), or 群众 (named, with a phone, e.g. on the hotline). */
export const DISCOVERER_KINDS = ['team', 'public'] as const;
export type DiscovererKind = (typeof DISCOVERER_KINDS)[number];
export const DISCOVERER_KIND_LABELS: Record<DiscovererKind, string> = {
  team: '网格力量',
  public: '群众',
};

/** 回访 of a dispute asks whether the agreement was carried out (履行情况). */
export const PERFORMANCE_RESULTS = ['fulfilled', 'partly', 'unfulfilled'] as const;
export type PerformanceResult = (typeof PERFORMANCE_RESULTS)[number];
export const PERFORMANCE_RESULT_LABELS: Record<PerformanceResult, string> = {
  fulfilled: '已履行',
  partly: '部分履行',
  unfulfilled: '未履行',
};

/** 回访 of any other matter asks how satisfied the person is. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LEVEL_LABELS: Record<SatisfactionLevel, string> = {
  satisfied: '满意',
  basically: '基本满意',
  dissatisfied: '不满意',
};

/** 突发事件 reports to the county: 首报 at once, 续报 as it develops, 终报 when it is over. */
export const EMERGENCY_REPORT_KINDS = ['first', 'followUp', 'final'] as const;
export type EmergencyReportKind = (typeof EMERGENCY_REPORT_KINDS)[number];
export const EMERGENCY_REPORT_KIND_LABELS: Record<EmergencyReportKind, string> = {
  first: '首报',
  followUp: '续报',
  final: '终报',
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
